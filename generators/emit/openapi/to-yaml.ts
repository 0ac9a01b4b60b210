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

/** A non-empty array or object: printed as a block. (A loop, not Object.keys: no array per value.) */
function isCollection(value: unknown): value is object {
  if (typeof value !== 'object' || value === null) return false
  if (Array.isArray(value)) return value.length > 0
  for (const _ in value) return true
  return false
}

const empty = (value: unknown) => (Array.isArray(value) ? '[]' : '{}')

/**
 * Appends the lines of `value` to `out` (one shared array: no copying per level). Its first line
 * starts with `firstIndent`, the others with `indent`: an array item's block begins on the `- ` line.
 * Loops over keys with for…in: a large document has ~10^5 objects, and Object.entries would allocate
 * an array per object and per key.
 */
function writeLines(value: unknown, indent: string, out: string[], firstIndent = indent): void {
  let lead = firstIndent
  if (Array.isArray(value)) {
    const nested = `${indent}  `
    for (const item of value) {
      if (isCollection(item)) writeLines(item, nested, out, `${lead}- `)
      else out.push(`${lead}- ${typeof item === 'object' && item !== null ? empty(item) : scalar(item)}`)
      lead = indent
    }
    return
  }
  const record = value as Record<string, unknown>
  for (const key in record) {
    const item = record[key]
    const name = PLAIN.test(key) && !RESERVED.test(key) && !key.includes(' ') ? key : JSON.stringify(key)
    if (isCollection(item)) {
      out.push(`${lead}${name}:`)
      writeLines(item, `${indent}  `, out)
    } else out.push(`${lead}${name}: ${typeof item === 'object' && item !== null ? empty(item) : scalar(item)}`)
    lead = indent
  }
}
