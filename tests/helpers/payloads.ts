import RandExpModule from 'randexp'

// randexp is CommonJS with `module.exports = RandExp`, while its types declare a default export.
const RandExp = RandExpModule as unknown as typeof RandExpModule.default

/** A JSON Schema as emitted into the OpenAPI document. */
export type Schema = { readonly [key: string]: any }

export interface Mutation {
  readonly description: string
  readonly payload: unknown
  /** True when the mutation breaks a rule both validators must enforce; false when only agreement is asserted. */
  readonly mustReject: boolean
  /** The model check (`x-pika-checks`) this payload breaks: zod refuses it, JSON Schema cannot say it. */
  readonly breaksCheck?: string
}

interface ModelCheck {
  readonly name: string
  readonly left: string
  readonly op: string
  readonly right: string
}

const checksOf = (schema: Schema): ModelCheck[] =>
  (schema['x-pika-checks'] ?? []).map((c: { name: string; rule: string }) => {
    const [, left, op, right] = /^\s*(\S+)\s*(<=|>=|!=|<|>|=)\s*(\S+)\s*$/.exec(c.rule)!
    return { name: c.name, left: left!, op: op!, right: right! }
  })

/** `left` set so that `left op right` holds (or, with `broken`, fails), for numbers and date-time strings. */
function placeLeft(check: ModelCheck, payload: Record<string, unknown>, broken: boolean): Record<string, unknown> {
  const right = /^-?\d/.test(check.right) ? Number(check.right) : payload[check.right]
  if (right === undefined || right === null) return payload
  const after = { '>': 1, '>=': 0, '=': 0, '<=': 0, '<': -1, '!=': 1 }[check.op]!
  const wrong = { '>': 0, '>=': -1, '=': 1, '<=': 1, '<': 0, '!=': 0 }[check.op]!
  const step = broken ? wrong : after
  const value = typeof right === 'string' ? new Date(Date.parse(right) + step * 3_600_000).toISOString() : (right as number) + step
  return { ...payload, [check.left]: value }
}

const FORMAT_SAMPLES: Record<string, string> = {
  email: 'ada@example.com',
  uri: 'https://example.com/a',
  uuid: '123e4567-e89b-42d3-a456-426614174000',
  cuid: 'cjld2cjxh0000qzrmn831i7rn',
  e164: '+441134960000',
  date: '2026-01-31',
  'date-time': '2026-01-31T09:00:00Z',
}

/** A payload generator over the OpenAPI components: valid values first, then one broken rule at a time. */
export class PayloadFactory {
  private static readonly MAX_DEPTH = 4

  constructor(private readonly schemas: Record<string, Schema>) {}

  resolve(schema: Schema): Schema {
    return schema.$ref ? this.schemas[String(schema.$ref).split('/').pop()!]! : schema
  }

  /** Types of a schema without null, and whether null is allowed. */
  private core(schema: Schema): { schema: Schema; nullable: boolean } {
    if (schema.anyOf) return { schema: this.resolve(schema.anyOf[0]), nullable: true }
    if (Array.isArray(schema.type)) return { schema: { ...schema, type: schema.type[0] }, nullable: true }
    return { schema: this.resolve(schema), nullable: false }
  }

  /** Below MAX_DEPTH objects, a payload stops nesting: only required properties, empty lists (shapes may contain themselves). */
  valid(input: Schema, seed = 1, depth = 0): unknown {
    const { schema } = this.core(input)
    if (schema.enum) return schema.enum[0]
    const deep = depth >= PayloadFactory.MAX_DEPTH
    switch (schema.type) {
      case 'object': {
        const required = new Set<string>(schema.required ?? [])
        const properties = Object.entries(schema.properties ?? {}).filter(([k]) => !deep || required.has(k))
        const payload = Object.fromEntries(properties.map(([k, s]) => [k, this.valid(s as Schema, seed, depth + 1)]))
        return checksOf(schema).reduce((p, check) => placeLeft(check, p, false), payload)
      }
      case 'array':
        return deep && !schema.minItems ? [] : [this.valid(schema.items, seed, depth + 1)]
      case 'integer':
      case 'number':
        return Math.max(schema.minimum ?? -Infinity, Math.min(schema.maximum ?? Infinity, 1))
      case 'boolean':
        return true
      case 'string':
        return validString(schema, seed)
      default:
        return { any: 'json' }
    }
  }

  /** Every single-rule violation of an object schema, and some values that only test agreement. */
  mutations(input: Schema, depth = 0): Mutation[] {
    const object = this.resolve(input)
    const base = this.valid(object, 1, depth) as Record<string, unknown>
    const out: Mutation[] = []
    const withValue = (key: string, value: unknown) => ({ ...base, [key]: value })
    if (object.additionalProperties === false) out.push({ description: 'unknown key', payload: { ...base, notAField: 1 }, mustReject: true })
    for (const check of checksOf(object)) out.push({ description: `check ${check.name} broken`, payload: placeLeft(check, base, true), mustReject: true, breaksCheck: check.name })
    for (const [key, propertySchema] of Object.entries<Schema>(object.properties ?? {})) {
      const { schema, nullable } = this.core(propertySchema)
      const rejectIf = (description: string, value: unknown, mustReject = true) => out.push({ description: `${key}: ${description}`, payload: withValue(key, value), mustReject })
      if ((object.required ?? []).includes(key)) {
        const { [key]: _, ...rest } = base
        out.push({ description: `${key}: missing`, payload: rest, mustReject: true })
      } else {
        const { [key]: _, ...rest } = base
        out.push({ description: `${key}: left out`, payload: rest, mustReject: false })
      }
      if (!schema.type && !schema.enum) continue // any JSON value, null included
      rejectIf(nullable ? 'null (allowed)' : 'null', null, !nullable)
      for (const [description, value, must] of this.valueMutations(schema, depth)) rejectIf(description, value, must)
    }
    return out
  }

  private valueMutations(schema: Schema, depth: number): [string, unknown, boolean][] {
    if (schema.enum) return [['unknown enum value', 'NOT_A_VALUE', true], ['wrong type', 42, true]]
    switch (schema.type) {
      case 'object':
        if (depth >= PayloadFactory.MAX_DEPTH) return [['wrong type', 'text', true]]
        return [['wrong type', 'text', true], ...this.mutations(schema, depth + 1).filter((m) => m.mustReject).map((m): [string, unknown, boolean] => [`nested ${m.description}`, m.payload, true])]
      case 'array':
        return [['wrong type', 'text', true], ...this.valueMutations(this.core(schema.items).schema, depth).map(([d, v, must]): [string, unknown, boolean] => [`item ${d}`, [v], must])]
      case 'integer':
      case 'number': {
        const bounds: [string, unknown, boolean][] = [['wrong type', 'text', true], ['fraction', 1.5, schema.type === 'integer']]
        if (schema.minimum !== undefined) bounds.push(['below minimum by one', schema.minimum - 1, true], ['at minimum', schema.minimum, false])
        if (schema.maximum !== undefined) bounds.push(['above maximum by one', schema.maximum + 1, true], ['at maximum', schema.maximum, false])
        if (schema.format === 'int32') bounds.push(['beyond 32 bits by one', 2147483648, true], ['below 32 bits by one', -2147483649, true])
        return bounds
      }
      case 'boolean':
        return [['wrong type', 'yes', true]]
      case 'string': {
        const out: [string, unknown, boolean][] = [['wrong type', 42, true]]
        const base = validString(schema, 2)
        if (schema.minLength) out.push(['shorter than minLength by one', base.slice(0, schema.minLength - 1), true])
        if (schema.maxLength !== undefined) out.push(['longer than maxLength by one', validString({ ...schema, minLength: schema.maxLength + 1, maxLength: schema.maxLength + 1 }, 3, true), true])
        if (schema.format) out.push(['bad format', 'not a valid value!', true])
        if (schema.pattern || schema.allOf) out.push(['pattern mismatch', '\u0001', false])
        return out
      }
      default:
        return []
    }
  }
}

/** A string meeting the schema's format, pattern and length; `ignoreLimits` builds over-long strings from a valid one. */
function validString(schema: Schema, seed: number, ignoreLimits = false): string {
  const min = schema.minLength ?? 0
  const max = schema.maxLength ?? Infinity
  const pattern: string | undefined = schema.format ? undefined : (schema.pattern ?? schema.allOf?.[1]?.pattern)
  let value = schema.format ? FORMAT_SAMPLES[schema.format] ?? 'x' : 'x'
  if (pattern) {
    const generator = new RandExp(new RegExp(pattern, 'u'))
    let state = seed
    generator.randInt = (a: number, b: number) => a + ((state = (state * 48271) % 2147483647) % (b - a + 1))
    for (let i = 0; i < 50; i++) {
      value = generator.gen()
      if (value.length >= min && value.length <= max) break
    }
  }
  if (schema.contentEncoding === 'base64') value = 'QUJD'
  if (value.length < min) value = schema.format === 'email' ? `${'a'.repeat(min - value.length)}${value}` : value.padEnd(min, 'x')
  if (!ignoreLimits && value.length > max) value = value.slice(0, max)
  return value
}
