// Creating a migration: Prisma computes the SQL (a diff from the migrations to the schema, and back
// for down.sql); this package writes the folder, after naming every step that loses data.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { PGlite } from '@electric-sql/pglite'
import type { DatabaseConfig } from '../config.ts'
import { DatabaseSetupError } from '../errors.ts'
import { MIGRATIONS_DIR } from '../migration-history.ts'
import { emptyMigrationsDir, ensurePGliteSnapshot, SHADOW_SNAPSHOT_ENV } from '../pglite-snapshot.ts'
import { runPrismaOrThrow, sqlOnlyConfig } from '../prisma-cli.ts'
import { SCHEMA_FILE } from '../schema-sql.ts'
import { type DataLossRisk, dataLossRisks } from './data-loss.ts'
import { readDatamodelLock } from './datamodel-lock.ts'
import { dataStepSql, type ExpandContractPlan } from './expand-contract.ts'
import { withSchemaEngine } from './schema-engine.ts'
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
const withoutTransactionControl = (sql: string) =>
  splitSqlStatements(sql).filter((s) => !/^(BEGIN|COMMIT|START TRANSACTION|END)$/i.test(s.sql.trim()))
    .map((s) => `${sql.slice(s.offset, s.offset + s.sql.length)};`).join('\n')

const EMPTY = /^\s*(-- This is an empty migration\.\s*)?$/

/** Where a diff finds the database prisma/migrations builds (see migrationsSource). */
export interface MigrationsSource {
  /** The folder Prisma replays into its shadow database. */
  readonly dir: string
  readonly env?: NodeJS.ProcessEnv
}

/**
 * On the embedded database, replaying every migration into Prisma's shadow database took seconds
 * per diff. The migrated snapshot createTestDatabase() copies (built once per migrations version)
 * already is that database: the shadow opens a copy of it, and Prisma gets a migrations folder with
 * nothing left to replay. The same for a server: the diff runs on PGlite there too (sqlOnlyConfig).
 */
export async function migrationsSource(config: DatabaseConfig): Promise<MigrationsSource> {
  const snapshot = await ensurePGliteSnapshot({ schema: config.schema })
  return { dir: emptyMigrationsDir(), env: { [SHADOW_SNAPSHOT_ENV]: snapshot } }
}

/** A diff's script as a migration holds it: '' when empty. */
const asMigration = (sql: string) => (EMPTY.test(sql) ? '' : withoutTransactionControl(sql))
// Prisma qualifies names with "public" in the down direction; unqualified, they follow DATABASE_SCHEMA like migration.sql.
const unqualified = (sql: string) => sql.replace(/"public"\./g, '')

/** Prisma's `migrate diff --script` between `from` and `to` (its arguments), as a migration holds it. */
export async function diff(config: DatabaseConfig, from: string[], to: string[], source?: MigrationsSource): Promise<string> {
  return asMigration(await runPrismaOrThrow(['migrate', 'diff', ...from, ...to, '--script'], sqlOnlyConfig(config), { what: 'computing the migration (prisma migrate diff)', env: source?.env }))
}

/** The change from prisma/migrations to prisma/schema.prisma (or `schemaFile`; '' when there is none). */
export const diffUp = async (config: DatabaseConfig, source?: MigrationsSource, schemaFile = SCHEMA_FILE): Promise<string> => {
  const from = source ?? (await migrationsSource(config))
  return diff(config, ['--from-migrations', from.dir], ['--to-schema-datamodel', schemaFile], from)
}

/** The same change in reverse, for down.sql: from prisma/schema.prisma back to prisma/migrations. */
export const diffDown = async (config: DatabaseConfig, source?: MigrationsSource, schemaFile = SCHEMA_FILE): Promise<string> => {
  const to = source ?? (await migrationsSource(config))
  return unqualified(await diff(config, ['--from-schema-datamodel', schemaFile], ['--to-migrations', to.dir], to))
}

/**
 * db:migrate's migration and its down.sql, from the migrations to prisma/schema.prisma (or
 * `schemaFile`). When prisma/migrations/datamodel.lock holds the Prisma schema the migrations
 * produce, both are a diff of two schemas in this process (`workspace`, a copy of the migrated
 * snapshot, only answers the engine's version query); otherwise (a migration edited or merged since
 * db:migrate last wrote the lock, or a rename migration just written) two Prisma CLI processes
 * replay the migrations, as `diffUp` and `diffDown` do.
 */
export async function computeMigration(config: DatabaseConfig, workspace: PGlite, schemaFile = SCHEMA_FILE): Promise<{ up: string; down: string; replayed: boolean }> {
  const migrated = readDatamodelLock()
  if (migrated !== undefined) {
    const current = readFileSync(schemaFile, 'utf8')
    return withSchemaEngine(workspace, config.schema, current, async (diff) => {
      const up = asMigration(await diff(migrated, current))
      const down = up === '' ? '' : unqualified(asMigration(await diff(current, migrated)))
      return { up, down, replayed: false }
    })
  }
  const source = await migrationsSource(config)
  const [up, down] = await Promise.all([diffUp(config, source, schemaFile), diffDown(config, source, schemaFile)])
  return { up, down, replayed: true }
}

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

const folderName = (name: string, now: Date) => {
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new DatabaseSetupError(`migration name "${name}" may hold only letters, digits and _`)
  return `${now.toISOString().replace(/\D/g, '').slice(0, 14)}_${name}`
}

/**
 * Writes `<timestamp>_<name>/` with its migration.sql and, when given, down.sql; returns the folder
 * name. Folders apply in name order, so the timestamp places it among the others.
 */
export function writeMigrationFolder(dir: string, name: string, now: Date, scripts: { readonly migration: string; readonly down?: string }): string {
  const folder = folderName(name, now)
  mkdirSync(join(dir, folder), { recursive: true })
  writeFileSync(join(dir, folder, 'migration.sql'), scripts.migration)
  if (scripts.down !== undefined) writeFileSync(join(dir, folder, 'down.sql'), scripts.down)
  return folder
}

/** Writes `<timestamp>_<name>/migration.sql` and `down.sql`; returns the folder name. */
export function writeMigration(plan: PlannedMigration, name: string, now: Date, dir = MIGRATIONS_DIR, title = 'Generated by npm run db:migrate from prisma/schema.prisma.'): string {
  const downTitle = 'Down script: the reverse of migration.sql, applied by npm run db:migrate:rollback. Review it; add the reverse of any data step.'
  return writeMigrationFolder(dir, name, now, {
    migration: `${header(title, plan.risks)}${plan.up}\n`,
    down: `${header(downTitle, plan.downRisks).replaceAll('DATA LOSS accepted', 'DATA LOSS')}${plan.down}\n`,
  })
}

/** The folders of an expand → data step → contract sequence, in apply order (no expand folder when it has nothing to do). */
export interface WrittenSequence {
  readonly expand: string | undefined
  readonly data: string
  readonly contract: string
}

/**
 * Writes the sequence as three migrations a second apart (`<name>_expand`, `<name>_data`,
 * `<name>_contract`), each with its down.sql; `rows[i]` is how many rows `plan.tasks[i]` concerns.
 */
export function writeExpandContract(plan: ExpandContractPlan, rows: readonly (number | undefined)[], name: string, where: string, now: Date, dir = MIGRATIONS_DIR): WrittenSequence {
  const at = (seconds: number) => new Date(now.getTime() + seconds * 1000)
  const expand = plan.expand.up === '' ? undefined : writeMigration(planOf(plan.expand.up, plan.expand.down), `${name}_expand`, at(0), dir)
  const contract = folderName(`${name}_contract`, at(2))
  const data = writeMigrationFolder(dir, `${name}_data`, at(1), {
    migration: dataStepSql(plan.tasks, rows, { expand: expand ?? 'the migrations before it', contract }, where),
    down: '-- Down script of the data step: the reverse of what migration.sql does, where it can be undone (e.g. copy\n-- the values back), applied by npm run db:migrate:rollback after the contract step has been rolled back.\n',
  })
  const title = `Contract step, generated by npm run db:migrate -- --expand-contract: safe once ${data} has run.`
  writeMigration(planOf(plan.contract.up, plan.contract.down), `${name}_contract`, at(2), dir, title)
  return { expand, data, contract }
}
