import type { IrCheck, IrCheckOperand } from '../../ir/types.ts'
import { statedIntegerBounds, type ApiObject, type ApiProperty, type Variant, type WireType } from '../api/api-schema.ts'
import { jsonColumnExpression, withClientCodec } from './zod-codecs.ts'
import { formatPatternNames, zodFormatSchemas } from './zod-formats.ts'

/** How references to other schemas are spelled: directly, or through a getter (see emit-zod.ts). */
export interface RefPolicy {
  readonly isLocal: (name: string) => boolean
}

/**
 * The zod expression of one wire type: its JSON form, wrapped in a codec to the Prisma client's
 * value where they differ (zod-codecs.ts). User text only ever enters through JSON.stringify.
 */
export function zodType(type: WireType): string {
  return withClientCodec(type, wireType(type))
}

function wireType(type: WireType): string {
  switch (type.kind) {
    case 'string':
      return stringType(type)
    case 'integer': {
      const base = type.bits === 32 ? 'z.int32()' : 'z.int()'
      const { minimum, maximum } = statedIntegerBounds(type)
      return `${base}${minimum !== undefined ? `.min(${minimum})` : ''}${maximum !== undefined ? `.max(${maximum})` : ''}`
    }
    case 'number':
      return `z.number()${type.minimum !== undefined ? `.min(${type.minimum})` : ''}${type.maximum !== undefined ? `.max(${type.maximum})` : ''}${type.multipleOf !== undefined ? `.multipleOf(${type.multipleOf})` : ''}`
    case 'boolean':
      return 'z.boolean()'
    case 'json':
      return 'anyJson()' // z.json(), typed as the client's JsonValue
    case 'ref':
      return `${type.name}Schema`
    case 'array':
      return `z.array(${zodType(type.items)})${type.minItems !== undefined ? `.min(${type.minItems})` : ''}${type.maxItems !== undefined ? `.max(${type.maxItems})` : ''}`
  }
}

function stringType(type: Extract<WireType, { kind: 'string' }>): string {
  let expression = (type.format && zodFormatSchemas[type.format]) || 'z.string()'
  if (type.minLength !== undefined && type.minLength === type.maxLength) expression += `.length(${type.minLength})`
  else {
    if (type.minLength !== undefined) expression += `.min(${type.minLength})`
    if (type.maxLength !== undefined) expression += `.max(${type.maxLength})`
  }
  if (type.format && !zodFormatSchemas[type.format] && formatPatternNames.has(type.format)) expression += `.regex(formats[${tsString(type.format)}], { error: ${tsString(`must be a valid ${type.format}`)} })`
  if (type.pattern !== undefined) expression += `.regex(new RegExp(${tsString(type.pattern)}, 'u'))`
  return expression
}

/**
 * A property's full expression: type, nullability, optionality, description. An optional key may be
 * left out but is never `undefined` (exactOptional), which is what the Prisma client's inputs take
 * under `exactOptionalPropertyTypes`.
 */
export function zodProperty(property: ApiProperty, variant: Variant | 'shape'): string {
  const type = zodType(property.type)
  let expression = jsonColumnExpression(property, variant, type) ?? (property.nullable ? `${type}.nullable()` : type)
  if (!property.required) expression += '.exactOptional()'
  if (property.description) expression += `.describe(${tsString(property.description)})`
  return expression
}

/** Whether a property must be read through a getter: references that may not be initialised yet. */
export function needsGetter(type: WireType, refs: RefPolicy): boolean {
  if (type.kind === 'array') return needsGetter(type.items, refs)
  return type.kind === 'ref' && !refs.isLocal(type.name)
}

/** `z.object({ … })` with one property per line, as lines (two-space indents). */
export function zodObjectLines(object: ApiObject, refs: RefPolicy): string[] {
  const lines = [object.strict ? 'z.strictObject({' : 'z.object({']
  for (const p of object.properties) {
    const key = /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(p.name) ? p.name : tsString(p.name)
    if (p.deprecated) lines.push('  /** @deprecated */')
    if (needsGetter(p.type, refs)) lines.push(`  get ${key}() {`, `    return ${zodProperty(p, object.variant)};`, '  },')
    else lines.push(`  ${key}: ${zodProperty(p, object.variant)},`)
  }
  lines.push(`})${(object.checks ?? []).map(zodCheck).join('')}${object.description ? `.describe(${tsString(object.description)})` : ''}`)
  return lines
}

/**
 * A model check as a refinement. An operand that is null or left out passes (the database's CHECK
 * treats NULL the same way, and an update that omits a field leaves the stored value alone).
 */
function zodCheck(check: IrCheck): string {
  // Inputs decode to client values (codecs): a Date, a Prisma.Decimal or a bigint; both forms convert.
  const value = (o: IrCheckOperand) => (o.kind === 'number' ? String(o.value) : check.compares === 'time' ? `new Date(v.${o.field}).getTime()` : `Number(v.${o.field})`)
  const present = [check.left, check.right].flatMap((o) => (o.kind === 'field' ? [`v.${o.field} == null`] : []))
  const op = check.op === '=' ? '===' : check.op === '!=' ? '!==' : check.op
  const field = [check.left, check.right].find((o) => o.kind === 'field')!
  const message = tsString(`${check.name}: ${check.rule}`)
  return `.refine((v) => ${[...present, `${value(check.left)} ${op} ${value(check.right)}`].join(' || ')}, { message: ${message}, path: [${tsString(field.kind === 'field' ? field.field : '')}] })`
}

/**
 * A single-quoted TypeScript string literal for any text. JSON escapes are valid JavaScript escapes,
 * so the result cannot end early or interpolate, whatever the text holds.
 */
export function tsString(text: string): string {
  // Most text (names, descriptions) has nothing to escape; the general path is ~5% of a large run.
  if (NOTHING_TO_ESCAPE.test(text)) return `'${text}'`
  return `'${JSON.stringify(text).slice(1, -1).replaceAll('\\"', '"').replaceAll("'", "\\'")}'`
}

/** No quote, backslash, control character or surrogate: the text is its own single-quoted literal. */
const NOTHING_TO_ESCAPE = /^[^'"\\\u0000-\u001f\u2028\u2029\ud800-\udfff]*$/
