import { boundedIdentifier } from '../../language/database-names.ts'

export { quoteIdentifier as sqlIdentifier, quoteLiteral as sqlLiteral } from '../../../src/shared/sql-text.ts'

/**
 * The name of a managed constraint: `ck_<table>_<what>`, stable across runs because it is derived
 * from names only (cut to PostgreSQL's 63 bytes with a hash, see boundedIdentifier).
 */
export const constraintName = (table: string, what: string): string => boundedIdentifier(`ck_${table}_${what}`)

/** The snake_case of a camelCase rule name: `maxLength` → `max_length`. */
export const snakeCase = (name: string): string => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)
