import { createHash } from 'node:crypto'

export { quoteIdentifier as sqlIdentifier, quoteLiteral as sqlLiteral } from '../../../src/db/sql-text.ts'

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
