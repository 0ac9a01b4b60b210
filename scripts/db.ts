// The one entry point of the db:* npm scripts: `node scripts/launch.mjs db <command> [options]` (the launcher runs it as a cached bundle).
// It checks the database first (src/db/preflight.ts) so that common faults end in one line saying
// what to do, then does the work (scripts/migrate-commands.ts; Prisma's CLI only generates the client
// and computes migration SQL). It exits through runScript, the only place that calls process.exit.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { type DatabaseConfig, loadDotenv, PACKAGE_ROOT, readDatabaseConfig, readTestDatabaseConfig } from '../src/db/config.ts'
import { DatabaseSetupError, runScript } from '../src/db/errors.ts'
import { describeTarget, type PreflightChecks, preflightDatabase } from '../src/db/preflight.ts'
import { generatePrismaClient } from '../src/db/prisma-cli.ts'
import { helpText } from './db-help.ts'
import { deployCommand, deployUpToDataStep, type MigrateContext, migrateCommand, migrationName, resetCommand, resolveCommand, rollbackCommand, statusCommand } from './migrate-commands.ts'
import { step as runStep, type StepOptions } from '../src/db/progress.ts'
import { refuseDevelopmentAsTest } from '../src/db/test-guard.ts'
import { openSession } from '../src/db/migrate/session.ts'
import { writeDatamodelLock } from '../src/db/migrate/datamodel-lock.ts'
import { prepareSchemaEngine } from '../src/db/migrate/schema-engine.ts'
import { keepAsSnapshot, type MigratedCopy, openMigratedCopy } from '../src/db/migrate/migrated-copy.ts'
import { SCHEMA_FILE } from '../src/db/schema-sql.ts'
import { prismaEmitter } from '../generators/emit/prisma/emit-prisma.ts'
import type { Ir } from '../generators/ir/types.ts'
import { compileModels } from '../generators/pipeline.ts'
import { planOutputs } from '../generators/write/write-files.ts'
import { localMigrationNames, MIGRATIONS_DIR } from '../src/db/migration-history.ts'
import { printLintOfNewMigrations } from '../generators/lint/migration-files.ts'
import { confirmDataLoss } from './confirm.ts'
import { migrateManagedObjects } from './managed-migration.ts'
import { planRenameSteps, readCatalog, writeRenameMigration } from './rename-migration.ts'

interface DbCommand {
  /** One line for --help. */
  readonly summary: string
  /** The work, after the checks below. */
  readonly run: (ctx: MigrateContext) => Promise<unknown>
  /** Checks before the work; undefined = the command needs none (generate, resolve). */
  readonly preflight?: PreflightChecks
  /** Targets the test database (TEST_DATABASE_URL or .pglite-test/). */
  readonly test?: boolean
  /** Deletes data: ask first. */
  readonly destructive?: boolean
  /** Creates migrations: turn `renamedFrom` into a rename migration first. */
  readonly renames?: boolean
  /** Opens the embedded database once for the checks and all its steps (none of them seeds). */
  readonly oneOpen?: boolean
}

const history = { migrationHistory: true, createDatabase: false }
const none = { migrationHistory: false, createDatabase: false }
// Imported on use: the seeder needs the generated Prisma client, which `db:generate` creates.
const runSeed = async ({ config }: MigrateContext) => (await import('../seed/run-seed.ts')).runSeed(config)
const prismaGenerate = ({ config }: MigrateContext) => generatePrismaClient(config, { terminal: true })
const migrate: DbCommand = {
  summary: 'apply pending migrations, create one for what the models changed (with down.sql) and apply it',
  run: migrateCommand, preflight: { migrationHistory: true, createDatabase: true }, renames: true, oneOpen: true,
}
const COMMANDS: Record<string, DbCommand> = {
  generate: { summary: 'generate the Prisma client', run: prismaGenerate },
  migrate,
  'migrate:dev': migrate,
  'migrate:deploy': { summary: 'apply pending migrations, each in one transaction', run: deployCommand, preflight: history, oneOpen: true },
  'migrate:status': { summary: 'say which migrations are applied, pending, failed or edited (exit 1 unless up to date)', run: statusCommand, preflight: none },
  'migrate:resolve': { summary: 'record a failed migration as --rolled-back <name> (to retry it) or --applied <name>', run: resolveCommand, preflight: none },
  'migrate:rollback': { summary: "apply the latest migration's down.sql in one transaction", run: rollbackCommand, preflight: history },
  // Re-seeds, as the README says (Prisma's own seed hook is not configured).
  'migrate:reset': { summary: 'empty the database, apply every migration again and re-seed', run: async (ctx) => { await resetCommand(ctx); await runSeed(ctx) }, preflight: none, destructive: true },
  'migrate:test': { summary: 'apply pending migrations to the test database', run: deployCommand, preflight: history, test: true, oneOpen: true },
  seed: { summary: 'fill the database with the generated fixtures', run: runSeed, preflight: history },
  'seed:test': { summary: 'seed the test database', run: runSeed, preflight: history, test: true },
  // The test database is disposable: it is reset without asking.
  'test:reset': { summary: 'reset and seed the test database, without asking', run: async (ctx) => { await resetCommand(ctx); await runSeed(ctx) }, preflight: none, test: true },
}

// Progress goes to stdout: stderr carries only the one-line reason when a command fails.
const step = <T>(title: string, work: () => Promise<T>, options: StepOptions = {}) => runStep(title, work, { stream: process.stdout, ...options })

async function main(name: string | undefined, args: string[]): Promise<void> {
  const command = name === undefined ? undefined : COMMANDS[name]
  if (!command) throw new DatabaseSetupError(`unknown command "${name ?? ''}"; use one of: ${Object.keys(COMMANDS).join(', ')}`)
  if (args.includes('--help') || args.includes('-h')) return console.log(helpText(name!, command.summary))
  loadDotenv()
  const config = command.test ? readTestDatabaseConfig() : readDatabaseConfig()
  const variable = command.test ? 'TEST_DATABASE_URL' : 'DATABASE_URL'
  if (command.test) refuseDevelopmentAsTest(config)
  if (command.test && config.target.kind === 'pglite') console.error(`db: no TEST_DATABASE_URL; using ${describeTarget(config)}`)
  const force = command.destructive === true && args.includes('--force')
  if (command.destructive && !force) {
    await confirmDataLoss(`This deletes ALL data in ${describeTarget(config)}`, ' and re-applies the migrations and the seed.', 'npm run db:migrate:reset -- --force')
  }
  const session = command.oneOpen && config.target.kind === 'pglite' ? await step(`open ${describeTarget(config)}`, () => openSession(config, variable)) : undefined
  let migrated: MigratedCopy | undefined
  if (command.renames) prepareSchemaEngine() // compiled in the background while the database opens
  try {
    if (command.preflight) await step(`check ${describeTarget(config)}`, () => preflightDatabase(config, variable, command.preflight!, session))
    if (command.renames) migrated = await step('open a copy of the database prisma/migrations build', () => openMigratedCopy(config.schema))
    const ctx: MigrateContext = { config, variable, args, session, migrated }
    const migrationsBefore = command.renames ? localMigrationNames() : undefined
    let ir: Ir | undefined // the models, compiled once for the rename and managed-object steps
    try {
      if (migrated) ir = await prepareRenames(args, migrated)
      await command.run(ctx)
    } finally {
      // Also when applying fails after the migration was written: it is on disk and will be applied.
      if (migrationsBefore) await printLintOfNewMigrations(MIGRATIONS_DIR, migrationsBefore, localMigrationNames())
    }
    if (ir && migrated) {
      // What Prisma's schema cannot hold (checks, comments) follows in a migration of its own.
      await migrateManagedObjects(ir, migrationName(args), migrated, args.includes('--create-only') ? undefined : () => deployUpToDataStep(ctx))
      // The migrations on disk now produce prisma/schema.prisma: the next db:migrate diffs from it,
      // and starts from the copy as it is now.
      writeDatamodelLock(readFileSync(SCHEMA_FILE, 'utf8'))
      await keepAsSnapshot(migrated)
    }
  } finally {
    await migrated?.db.close()
    await session?.close()
  }
}

/**
 * Before db:migrate diffs the schema: the schema must be generated from the current models, and
 * every pending `renamedFrom` becomes a migration of its own, dated a second earlier so it applies
 * before the migration made for the rest of the change.
 */
async function prepareRenames(args: readonly string[], migrated: MigratedCopy): Promise<Ir> {
  const { ir } = compileModels(join(PACKAGE_ROOT, 'models'), PACKAGE_ROOT)
  if (!ir) throw new DatabaseSetupError('the models are invalid; run npm run generate to see why')
  const schema = prismaEmitter.emit(ir) // only the schema: the other emitters' files are not needed here
  if (planOutputs(PACKAGE_ROOT, schema, []).changed.length) throw new DatabaseSetupError('prisma/schema.prisma is older than the models; run npm run generate first')
  const steps = planRenameSteps(ir, await readCatalog(migrated.db))
  const folder = writeRenameMigration(MIGRATIONS_DIR, migrationName(args), steps, new Date(Date.now() - 1000))
  if (!folder) return ir
  // Named one by one: a `table:` change is recognised by its columns, so the author sees what was taken for one.
  const tables = steps.flatMap((st) => /^ALTER TABLE "((?:[^"]|"")+)" RENAME TO "((?:[^"]|"")+)";$/.exec(st.up)?.slice(1, 3).join(' → ') ?? [])
  console.error(`db: wrote prisma/migrations/${folder} (and down.sql) with ${steps.length} rename(s) from renamedFrom and table: changes${tables.length ? `; tables renamed: ${tables.join(', ')}` : ''}`)
  return ir
}

const [name, ...args] = process.argv.slice(2)
await runScript(`db ${name ?? ''}`, () => main(name, args))
