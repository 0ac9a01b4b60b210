// The migrations in prisma/migrations as this package applies them: text, checksum, and whether
// the author marked them to run outside a transaction.
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { localMigrationNames, MIGRATIONS_DIR } from '../migration-history.ts'
import { splitSqlStatements } from './sql-statements.ts'

export interface LocalMigration {
  /** Folder name, e.g. 20261127100740_init; also the `migration_name` recorded when applied. */
  readonly name: string
  /** prisma/migrations/<name>/migration.sql */
  readonly sql: string
  /** SHA-256 of migration.sql, hex: what Prisma records in `_prisma_migrations.checksum`. */
  readonly checksum: string
  /** The same file with CRLF line ends read as LF: a checkout on Windows is not an edit. */
  readonly checksumLf: string
  /** `-- pika:no-transaction`: run statement by statement, outside a transaction (CREATE INDEX CONCURRENTLY). */
  readonly noTransaction: boolean
  /** prisma/migrations/<name>/down.sql, when there is one. */
  readonly downSql: string | undefined
  /** A data step db:migrate wrote whose `-- pika:fill-in` placeholders are not all replaced yet: not applied. */
  readonly dataStepToWrite: boolean
}

/** Starts each placeholder line of a data step written by db:migrate (expand-contract.ts); the author deletes it. */
export const FILL_IN_MARKER = '-- pika:fill-in'
const FILL_IN = /^--\s*pika:fill-in\b/m

/** The marker line that makes a migration run outside a transaction. */
export const NO_TRANSACTION_MARKER = '-- pika:no-transaction'
const MARKER = /^--\s*pika:no-transaction\s*$/m
/**
 * Whether a script runs outside a transaction: it carries the marker, or it is one lone CONCURRENTLY
 * statement (the migration lint's advice), which PostgreSQL refuses inside any transaction.
 */
export function runsOutsideTransaction(sql: string): boolean {
  if (MARKER.test(sql)) return true
  if (!/\bCONCURRENTLY\b/i.test(sql)) return false // most migrations: no need to split them
  const statements = splitSqlStatements(sql)
  return statements.length === 1 && /\bCONCURRENTLY\b/i.test(statements[0]!.sql)
}

/**
 * A migration as part of one script that builds a schema from scratch (test databases, the drift
 * test, db:migrate's planning database): PostgreSQL refuses CONCURRENTLY inside the implicit
 * transaction of a multi-statement script, and it only spares a table in use, which a table made
 * a moment earlier in the same script is not. Every other migration is returned as it is.
 */
export function forOneScript(sql: string): string {
  if (!runsOutsideTransaction(sql)) return sql
  return splitSqlStatements(sql).map((s) => `${s.sql.replace(/^((?:CREATE\s+(?:UNIQUE\s+)?|DROP\s+)INDEX)\s+CONCURRENTLY\b/i, '$1')};`).join('\n')
}

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex')

export function readLocalMigration(name: string, dir = MIGRATIONS_DIR): LocalMigration {
  const sql = readFileSync(join(dir, name, 'migration.sql'), 'utf8')
  const down = join(dir, name, 'down.sql')
  return {
    name,
    sql,
    checksum: sha256(sql),
    checksumLf: sha256(sql.replaceAll('\r\n', '\n')),
    noTransaction: runsOutsideTransaction(sql),
    downSql: existsSync(down) ? readFileSync(down, 'utf8') : undefined,
    dataStepToWrite: FILL_IN.test(sql),
  }
}

/** Every migration in `dir`, in apply order. */
export function readLocalMigrations(dir = MIGRATIONS_DIR): LocalMigration[] {
  return localMigrationNames(dir).map((name) => readLocalMigration(name, dir))
}

/** Whether `checksum` (as recorded when applied) still matches the file. */
export const matchesChecksum = (m: LocalMigration, checksum: string): boolean => checksum === m.checksum || checksum === m.checksumLf
