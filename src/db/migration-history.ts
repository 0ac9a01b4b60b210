import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { PACKAGE_ROOT } from './config.ts'
import { DatabaseSetupError } from './errors.ts'

export const MIGRATIONS_DIR = join(PACKAGE_ROOT, 'prisma', 'migrations')

/** Runs one SQL statement and returns its rows (over pg or PGlite). */
export type SqlRows = (sql: string) => Promise<readonly Record<string, unknown>[]>

/** One row of Prisma's `_prisma_migrations` table. */
export interface AppliedMigration {
  readonly name: string
  readonly finished: boolean
  readonly rolledBack: boolean
  /** SHA-256 of migration.sql as it was applied. */
  readonly checksum?: string
}

/** Migration folder names in `dir` (those holding a migration.sql), in apply order. */
export function localMigrationNames(dir = MIGRATIONS_DIR): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(dir, e.name, 'migration.sql')))
    .map((e) => e.name)
    .sort()
}

/** The rows of `_prisma_migrations` in `schema` (default: public); none if the table doesn't exist. */
export async function readAppliedMigrations(rows: SqlRows, schema = 'public'): Promise<AppliedMigration[]> {
  const [table] = await rows(`SELECT to_regclass('"${schema}"."_prisma_migrations"') IS NOT NULL AS "exists"`)
  if (!table?.exists) return []
  const applied = await rows(
    `SELECT migration_name, checksum, finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS rolled_back
       FROM "${schema}"."_prisma_migrations" ORDER BY started_at`,
  )
  return applied.map((r) => ({ name: String(r.migration_name), finished: r.finished === true, rolledBack: r.rolled_back === true, checksum: String(r.checksum) }))
}

/**
 * Throws a one-line DatabaseSetupError when the database can't safely take prisma/migrations: it has
 * applied migrations that are not in the folder (it is AHEAD: newer code migrated it), or a migration
 * that failed half-way and must be resolved by hand first.
 */
export function checkMigrationHistory(applied: readonly AppliedMigration[], local: readonly string[], where: string): void {
  const subject = where.charAt(0).toUpperCase() + where.slice(1) // starts the sentence
  const known = new Set(local)
  const missing = applied.filter((m) => !m.rolledBack && !known.has(m.name)).map((m) => m.name)
  if (missing.length > 0) {
    throw new DatabaseSetupError(
      `${subject} has ${missing.length} applied migration(s) missing from prisma/migrations (latest: ${missing.at(-1)}); ` +
        `it was migrated by newer code: update this checkout (git pull) or point at another database`,
    )
  }
  const failed = applied.find((m) => !m.finished && !m.rolledBack)
  if (failed) {
    throw new DatabaseSetupError(
      `Migration ${failed.name} failed earlier on ${where} and left part of it applied; undo (or finish) that part by hand, then run ` +
        `npm run db:migrate:resolve -- --rolled-back ${failed.name} (to apply it again) or -- --applied ${failed.name} (if it is complete now)`,
    )
  }
}

/**
 * Throws when a migration was edited after it was applied (its checksum differs): the database then
 * does not hold what prisma/migrations says, and every later diff would be built on a false base.
 */
export function checkAppliedChecksums(applied: readonly AppliedMigration[], edited: (m: AppliedMigration) => boolean, where: string): void {
  const changed = applied.filter((m) => m.finished && !m.rolledBack && edited(m)).map((m) => m.name)
  if (changed.length === 0) return
  const first = changed[0]!
  throw new DatabaseSetupError(
    `prisma/migrations/${first}/migration.sql was edited after it was applied to ${where}${changed.length > 1 ? ` (and ${changed.length - 1} more)` : ''}; ` +
      `restore it (git checkout -- prisma/migrations/${first}) and put the change in a new migration, or, if the database already matches the edited file, ` +
      `accept it with npm run db:migrate:resolve -- --applied ${first}`,
  )
}
