// Creating a migration: Prisma computes the SQL (`migrate diff`, from the migrations to the schema,
// and back for down.sql); this package writes the folder, after naming every step that loses data.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { DatabaseConfig } from '../config.ts'
import { DatabaseSetupError } from '../errors.ts'
import { MIGRATIONS_DIR } from '../migration-history.ts'
import { runPrismaOrThrow, sqlOnlyConfig } from '../prisma-cli.ts'
import { MANAGED_SQL_FILE, SCHEMA_FILE } from '../schema-sql.ts'
import { type DataLossRisk, dataLossRisks } from './data-loss.ts'
import { splitSqlStatements } from './sql-statements.ts'

export interface PlannedMigration {
  /** migration.sql without header; empty when the migrations already match the schema. */
  readonly up: string
  /** down.sql without header: the schema change in reverse. */
  readonly down: string
  readonly risks: readonly DataLossRisk[]
  readonly downRisks: readonly DataLossRisk[]
}

// The diffs replay the migrations in a shadow database; for PGlite an in-memory one, so the folder is
// never opened by two processes.
// Prisma wraps enum rewrites in BEGIN/COMMIT; inside our per-migration transaction that COMMIT would end
// it early, so the statements go (the migration is atomic as a whole anyway).
// Partial and expression indexes are the managed migration's (prisma/managed.sql): Prisma's schema
// cannot hold them, so its diff would drop them (up) or rebuild them without their WHERE (down).
const prismaStatements = (sql: string, managedIndexes: ReadonlySet<string>) =>
  splitSqlStatements(sql).filter((s) => !/^(BEGIN|COMMIT|START TRANSACTION|END)$/i.test(s.sql.trim()) && !managedIndexes.has(indexNameOf(s.sql) ?? ''))
    .map((s) => `${sql.slice(s.offset, s.offset + s.sql.length)};`).join('\n')

const INDEX_STATEMENT = /^\s*(?:DROP\s+INDEX|CREATE\s+(?:UNIQUE\s+)?INDEX)\s+(?:"(?:[^"]|"")*"\.)?"((?:[^"]|"")+)"/i
const indexNameOf = (statement: string): string | undefined => INDEX_STATEMENT.exec(statement)?.[1]?.replaceAll('""', '"')

/** The names of the indexes prisma/managed.sql creates. */
export function managedIndexNames(managedSql = existsSync(MANAGED_SQL_FILE) ? readFileSync(MANAGED_SQL_FILE, 'utf8') : ''): Set<string> {
  return new Set(splitSqlStatements(managedSql).flatMap((s) => (/^\s*CREATE/i.test(s.sql) ? [indexNameOf(s.sql)].filter((n): n is string => n !== undefined) : [])))
}

async function diff(config: DatabaseConfig, from: string[], to: string[]): Promise<string> {
  const sql = await runPrismaOrThrow(['migrate', 'diff', ...from, ...to, '--script'], sqlOnlyConfig(config), { what: 'computing the migration (prisma migrate diff)' })
  return prismaStatements(sql, managedIndexNames())
}

/** The change from prisma/migrations to prisma/schema.prisma ('' when there is none). */
export const diffUp = (config: DatabaseConfig): Promise<string> =>
  diff(config, ['--from-migrations', 'prisma/migrations'], ['--to-schema-datamodel', SCHEMA_FILE])

/** The same change in reverse, for down.sql: from prisma/schema.prisma back to prisma/migrations. */
export const diffDown = async (config: DatabaseConfig): Promise<string> =>
  // Prisma qualifies names with "public" in this direction; unqualified, it follows DATABASE_SCHEMA like migration.sql.
  (await diff(config, ['--from-schema-datamodel', SCHEMA_FILE], ['--to-migrations', 'prisma/migrations'])).replace(/"public"\./g, '')

export const planOf = (up: string, down: string): PlannedMigration => ({ up, down, risks: dataLossRisks(up), downRisks: dataLossRisks(down) })

/** Reads `--accept-data-loss=a,b` / `--accept-data-loss a,b` (what the author accepts to lose). */
export function acceptedTargets(args: readonly string[]): Set<string> {
  const accepted = new Set<string>()
  for (const [i, arg] of args.entries()) {
    if (arg === '--accept-data-loss') (args[i + 1] ?? '').split(',').forEach((t) => accepted.add(t.trim()))
    else if (arg.startsWith('--accept-data-loss=')) arg.slice('--accept-data-loss='.length).split(',').forEach((t) => accepted.add(t.trim()))
  }
  accepted.delete('')
  return accepted
}

/** The risks `accepted` does not name. */
export const unaccepted = (risks: readonly DataLossRisk[], accepted: ReadonlySet<string>) => risks.filter((r) => !accepted.has(r.target))

/** `--accept-data-loss=…` naming exactly `risks`, for messages. */
export const acceptFlag = (risks: readonly DataLossRisk[]) => `--accept-data-loss=${[...new Set(risks.map((r) => r.target))].join(',')}`

const header = (title: string, risks: readonly DataLossRisk[]) =>
  [`-- ${title}`, ...risks.map((r) => `-- DATA LOSS accepted: ${r.what}`)].join('\n') + '\n'

/** Writes `<timestamp>_<name>/migration.sql` and `down.sql`; returns the folder name. */
export function writeMigration(plan: PlannedMigration, name: string, now: Date, dir = MIGRATIONS_DIR): string {
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new DatabaseSetupError(`migration name "${name}" may hold only letters, digits and _`)
  const folder = `${now.toISOString().replace(/\D/g, '').slice(0, 14)}_${name}`
  mkdirSync(join(dir, folder), { recursive: true })
  writeFileSync(join(dir, folder, 'migration.sql'), `${header('Generated by npm run db:migrate from prisma/schema.prisma.', plan.risks)}${plan.up}\n`)
  const downTitle = 'Down script: the reverse of migration.sql, applied by npm run db:migrate:rollback. Review it; add the reverse of any data step.'
  writeFileSync(join(dir, folder, 'down.sql'), `${header(downTitle, plan.downRisks).replaceAll('DATA LOSS accepted', 'DATA LOSS')}${plan.down}\n`)
  return folder
}
