import { createHash } from 'node:crypto'

/** A PostgreSQL identifier, double-quoted: any name, taken exactly as it is. */
export const sqlIdentifier = (name: string): string => `"${name.replaceAll('"', '""')}"`

/** A PostgreSQL string literal (standard_conforming_strings: only quotes are doubled). */
export const sqlLiteral = (text: string): string => `'${text.replaceAll("'", "''")}'`

const MAX_IDENTIFIER_BYTES = 63

/**
 * The name of a managed constraint: `ck_<table>_<what>`, stable across runs because it is derived
 * from names only. PostgreSQL cuts identifiers at 63 bytes, which could make two names equal, so
 * a longer one keeps its first bytes and ends in 8 hex digits of a hash of the whole name.
 */
export function constraintName(table: string, what: string): string {
  const full = `ck_${table}_${what}`
  if (Buffer.byteLength(full) <= MAX_IDENTIFIER_BYTES) return full
  const hash = createHash('sha256').update(full).digest('hex').slice(0, 8)
  let head = full
  while (Buffer.byteLength(`${head}_${hash}`) > MAX_IDENTIFIER_BYTES) head = [...head].slice(0, -1).join('')
  return `${head}_${hash}`
}

/** The snake_case of a camelCase rule name: `maxLength` → `max_length`. */
export const snakeCase = (name: string): string => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)
