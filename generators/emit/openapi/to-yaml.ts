/**
 * Block-style YAML for plain data (objects, arrays, strings, numbers, booleans, null), an order of
 * magnitude faster than a general YAML library's stringify on a document this size. Strings are
 * written plain only when YAML cannot read them as anything else; otherwise double-quoted via
 * JSON.stringify, whose escapes are valid in YAML double-quoted scalars.
 */
export function toYaml(value: unknown): string {
  const out: string[] = []
  writeLines(value, '', out)
  return `${out.join('\n')}\n`
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

/** Appends the lines of `value` at `indent` to `out` (one shared array: no copying per level). */
function writeLines(value: unknown, indent: string, out: string[]): void {
  if (Array.isArray(value)) {
    for (const item of value) {
      if (!isCollection(item)) {
        out.push(`${indent}- ${typeof item === 'object' && item !== null ? empty(item) : scalar(item)}`)
        continue
      }
      const first = out.length
      writeLines(item, `${indent}  `, out)
      out[first] = `${indent}- ${out[first]!.slice(indent.length + 2)}`
    }
    return
  }
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    const name = PLAIN.test(key) && !RESERVED.test(key) && !key.includes(' ') ? key : JSON.stringify(key)
    if (isCollection(item)) {
      out.push(`${indent}${name}:`)
      writeLines(item, `${indent}  `, out)
    } else out.push(`${indent}${name}: ${typeof item === 'object' && item !== null ? empty(item) : scalar(item)}`)
  }
}
