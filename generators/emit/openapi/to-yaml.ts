/**
 * Block-style YAML for plain data (objects, arrays, strings, numbers, booleans, null), an order of
 * magnitude faster than a general YAML library's stringify on a document this size. Strings are
 * written plain only when YAML cannot read them as anything else; otherwise double-quoted via
 * JSON.stringify, whose escapes are valid in YAML double-quoted scalars.
 */
export function toYaml(value: unknown): string {
  return `${lines(value, '').join('\n')}\n`
}

const PLAIN = /^[A-Za-z_][A-Za-z0-9_ ./()',-]*$/
const RESERVED = /^(true|false|yes|no|on|off|y|n|null|~)$/i

function scalar(value: unknown): string {
  if (value === null || value === undefined) return 'null'
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  const text = String(value)
  return PLAIN.test(text) && !RESERVED.test(text) && !text.endsWith(' ') && !text.includes(' -') ? text : JSON.stringify(text)
}

const isCollection = (value: unknown): value is object => typeof value === 'object' && value !== null && (Array.isArray(value) ? value.length > 0 : Object.keys(value).length > 0)
const empty = (value: unknown) => (Array.isArray(value) ? '[]' : '{}')

function lines(value: unknown, indent: string): string[] {
  if (Array.isArray(value)) {
    return value.flatMap((item) => {
      if (!isCollection(item)) return [`${indent}- ${typeof item === 'object' && item !== null ? empty(item) : scalar(item)}`]
      const [first, ...rest] = lines(item, `${indent}  `)
      return [`${indent}- ${first!.slice(indent.length + 2)}`, ...rest]
    })
  }
  return Object.entries(value as Record<string, unknown>).flatMap(([key, item]) => {
    const name = PLAIN.test(key) && !RESERVED.test(key) && !key.includes(' ') ? key : JSON.stringify(key)
    if (isCollection(item)) return [`${indent}${name}:`, ...lines(item, `${indent}  `)]
    return [`${indent}${name}: ${typeof item === 'object' && item !== null ? empty(item) : scalar(item)}`]
  })
}
