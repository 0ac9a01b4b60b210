import type { ApiObject, ApiProperty, WireType } from '../api/api-schema.ts'
import { formatPatternNames } from './zod-formats.ts'

/** How references to other schemas are spelled: directly, or through a getter (see emit-zod.ts). */
export interface RefPolicy {
  readonly isLocal: (name: string) => boolean
}

/** The zod expression of one wire type. User text only ever enters through JSON.stringify. */
export function zodType(type: WireType): string {
  switch (type.kind) {
    case 'string':
      return stringType(type)
    case 'integer': {
      const base = type.bits === 32 ? 'z.int32()' : 'z.int()'
      const min = type.minimum !== undefined && !(type.bits === 32 && type.minimum === -2147483648) ? `.min(${type.minimum})` : ''
      const max = type.maximum !== undefined && !(type.bits === 32 && type.maximum === 2147483647) ? `.max(${type.maximum})` : ''
      return `${base}${min}${max}`
    }
    case 'number':
      return `z.number()${type.minimum !== undefined ? `.min(${type.minimum})` : ''}${type.maximum !== undefined ? `.max(${type.maximum})` : ''}`
    case 'boolean':
      return 'z.boolean()'
    case 'json':
      return 'z.json()'
    case 'ref':
      return `${type.name}Schema`
    case 'array':
      return `z.array(${zodType(type.items)})`
  }
}

function stringType(type: Extract<WireType, { kind: 'string' }>): string {
  let expression = 'z.string()'
  if (type.minLength !== undefined && type.minLength === type.maxLength) expression += `.length(${type.minLength})`
  else {
    if (type.minLength !== undefined) expression += `.min(${type.minLength})`
    if (type.maxLength !== undefined) expression += `.max(${type.maxLength})`
  }
  if (type.format && formatPatternNames.has(type.format)) expression += `.regex(formats[${tsString(type.format)}], { error: ${tsString(`must be a valid ${type.format}`)} })`
  if (type.pattern !== undefined) expression += `.regex(new RegExp(${tsString(type.pattern)}, 'u'))`
  return expression
}

/** A property's full expression: type, nullability, optionality, description. */
export function zodProperty(property: ApiProperty): string {
  let expression = zodType(property.type)
  if (property.nullable) expression += '.nullable()'
  if (!property.required) expression += '.optional()'
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
    if (needsGetter(p.type, refs)) lines.push(`  get ${key}() {`, `    return ${zodProperty(p)};`, '  },')
    else lines.push(`  ${key}: ${zodProperty(p)},`)
  }
  lines.push(`})${object.description ? `.describe(${tsString(object.description)})` : ''}`)
  return lines
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
