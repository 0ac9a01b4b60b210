import { createHash } from 'node:crypto'
import { parseIndexKey } from './index-key.ts'

const MAX_IDENTIFIER_BYTES = 63

/**
 * A generated database name, stable across runs because it is derived from names only. PostgreSQL
 * cuts identifiers at 63 bytes, which could make two names equal, so a longer one keeps its first
 * bytes and ends in 8 hex digits of a hash of the whole name.
 */
export function boundedIdentifier(full: string): string {
  if (Buffer.byteLength(full) <= MAX_IDENTIFIER_BYTES) return full
  const hash = createHash('sha256').update(full).digest('hex').slice(0, 8)
  let head = full
  while (Buffer.byteLength(`${head}_${hash}`) > MAX_IDENTIFIER_BYTES) head = [...head].slice(0, -1).join('')
  return `${head}_${hash}`
}

/**
 * The default name of a partial or expression index: Prisma's `<table>_<columns>_key|idx`, with an
 * expression key as `<function>_<column>` and `_partial` before the suffix for a `where:`, so it
 * never equals the name Prisma gives the plain index on the same columns.
 */
export function managedIndexName(table: string, unique: boolean, keys: readonly string[], partial: boolean, columnOf: (field: string) => string): string {
  const parts = keys.map((written) => {
    const key = parseIndexKey(written)
    return key.kind === 'field' ? columnOf(key.field) : `${key.function}_${columnOf(key.field)}`
  })
  return boundedIdentifier(`${table}_${parts.join('_')}${partial ? '_partial' : ''}_${unique ? 'key' : 'idx'}`)
}
