import { boundedIdentifier } from '../../validate/database-names.ts'

/** A PostgreSQL identifier, double-quoted: any name, taken exactly as it is. */
export const sqlIdentifier = (name: string): string => `"${name.replaceAll('"', '""')}"`

/** A PostgreSQL string literal (standard_conforming_strings: only quotes are doubled). */
export const sqlLiteral = (text: string): string => `'${text.replaceAll("'", "''")}'`

/**
 * The name of a managed constraint: `ck_<table>_<what>`, stable across runs because it is derived
 * from names only (cut to PostgreSQL's 63 bytes with a hash, see boundedIdentifier).
 */
export const constraintName = (table: string, what: string): string => boundedIdentifier(`ck_${table}_${what}`)

/** The snake_case of a camelCase rule name: `maxLength` → `max_length`. */
export const snakeCase = (name: string): string => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)
