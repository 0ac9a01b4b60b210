// The one entry point of the db:* npm scripts: `tsx scripts/db.ts <command> [prisma args...]`.
// It checks the database first (src/db/preflight.ts) so that common faults end in one line saying
// what to do, then runs the Prisma CLI. It exits through runScript, the only place that calls process.exit.
import { join } from 'node:path'
import { type DatabaseConfig, loadDotenv, PACKAGE_ROOT, readDatabaseConfig, readTestDatabaseConfig } from '../src/db/config.ts'
import { DatabaseSetupError, runScript } from '../src/db/errors.ts'
import { describeTarget, type PreflightChecks, preflightDatabase } from '../src/db/preflight.ts'
import { runPrismaOrThrow } from '../src/db/prisma-cli.ts'
import { prismaEmitter } from '../generators/emit/prisma/emit-prisma.ts'
import { compileModels } from '../generators/pipeline.ts'
import { planOutputs } from '../generators/write/write-files.ts'
import { localMigrationNames, MIGRATIONS_DIR } from '../src/db/migration-history.ts'
import { printLintOfNewMigrations } from '../generators/lint/migration-files.ts'
import { readSchemaSql } from '../src/db/schema-sql.ts'
import { confirmDataLoss } from './confirm.ts'
import { catalogOfMigrations, planRenames, writeRenameMigration } from './rename-migration.ts'

interface DbCommand {
  /** The Prisma CLI command to run, if any. */
  readonly prisma?: readonly string[]
  /** Work done in this process after the CLI command (seeding). */
  readonly then?: (config: DatabaseConfig) => Promise<unknown>
  /** Checks before the CLI runs; undefined = the command needs no database (generate). */
  readonly preflight?: PreflightChecks
  /** Targets the test database (TEST_DATABASE_URL or .pglite-test/). */
  readonly test?: boolean
  /** Deletes data: ask first. */
  readonly destructive?: boolean
  /** Creates migrations: turn `renamedFrom` into a rename migration first. */
  readonly renames?: boolean
}

const history = { migrationHistory: true, createDatabase: false }
// Imported on use: the seeder needs the generated Prisma client, which `db:generate` creates.
const runSeed = async (config: DatabaseConfig) => (await import('../seed/run-seed.ts')).runSeed(config)
const migrateDev: DbCommand = { prisma: ['migrate', 'dev'], preflight: { migrationHistory: true, createDatabase: true }, renames: true }
const COMMANDS: Record<string, DbCommand> = {
  generate: { prisma: ['generate'] },
  migrate: migrateDev,
  'migrate:dev': migrateDev,
  'migrate:deploy': { prisma: ['migrate', 'deploy'], preflight: history },
  'migrate:status': { prisma: ['migrate', 'status'], preflight: history },
  'migrate:reset': { prisma: ['migrate', 'reset', '--force'], preflight: { migrationHistory: false, createDatabase: false }, destructive: true },
  'migrate:test': { prisma: ['migrate', 'deploy'], preflight: history, test: true },
  seed: { then: runSeed, preflight: history },
  'seed:test': { then: runSeed, preflight: history, test: true },
  // The test database is disposable: it is reset without asking.
  'test:reset': { prisma: ['migrate', 'reset', '--force', '--skip-seed'], then: runSeed, preflight: { migrationHistory: false, createDatabase: false }, test: true },
}

async function main(name: string | undefined, args: string[]): Promise<void> {
  const command = name === undefined ? undefined : COMMANDS[name]
  if (!command) throw new DatabaseSetupError(`unknown command "${name ?? ''}"; use one of: ${Object.keys(COMMANDS).join(', ')}`)
  loadDotenv()
  const config = command.test ? readTestDatabaseConfig() : readDatabaseConfig()
  const variable = command.test ? 'TEST_DATABASE_URL' : 'DATABASE_URL'
  if (command.test && config.target.kind === 'pglite') console.error(`db: no TEST_DATABASE_URL; using ${describeTarget(config)}`)
  const force = command.destructive === true && args.includes('--force')
  if (command.destructive && !force) {
    await confirmDataLoss(`This deletes ALL data in ${describeTarget(config)}`, ' and re-applies the migrations.', 'npm run db:migrate:reset -- --force')
  }
  if (command.preflight) await preflightDatabase(config, variable, command.preflight)
  const migrationsBefore = command.renames ? localMigrationNames() : undefined
  if (command.renames) {
    await prepareRenames(args)
    // With the WebAssembly engine, `migrate dev` fails ("shadow DB must be provided through an
    // external factory") when it has pending migrations to apply first; apply them beforehand.
    await runPrismaOrThrow(['migrate', 'deploy'], config, { what: 'applying pending migrations' })
  }
  try {
    if (command.prisma) {
      const prismaArgs = [...command.prisma, ...args.filter((a) => !(force && a === '--force'))]
      await runPrismaOrThrow(prismaArgs, config, { terminal: true, what: `prisma ${command.prisma.join(' ')}` })
    }
  } finally {
    // Also when Prisma fails after writing the migration: it is on disk and will be applied.
    if (migrationsBefore) await printLintOfNewMigrations(MIGRATIONS_DIR, migrationsBefore, localMigrationNames())
  }
  await command.then?.(config)
}

/**
 * Before `migrate dev` diffs the schema: the schema must be generated from the current models, and
 * every pending `renamedFrom` becomes a migration of its own, dated a second earlier so it applies
 * before the migration Prisma creates for the rest of the change.
 */
async function prepareRenames(args: readonly string[]): Promise<void> {
  const { ir } = compileModels(join(PACKAGE_ROOT, 'models'), PACKAGE_ROOT)
  if (!ir) throw new DatabaseSetupError('the models are invalid; run npm run generate to see why')
  const schema = prismaEmitter.emit(ir) // only the schema: the other emitters' files are not needed here
  if (planOutputs(PACKAGE_ROOT, schema, []).changed.length) throw new DatabaseSetupError('prisma/schema.prisma is older than the models; run npm run generate first')
  const statements = planRenames(ir, await catalogOfMigrations(await readSchemaSql('migrations')))
  const nameAt = args.findIndex((a) => a === '--name' || a.startsWith('--name='))
  const name = (nameAt < 0 ? 'model' : args[nameAt]!.includes('=') ? args[nameAt]!.split('=')[1]! : (args[nameAt + 1] ?? 'model')).replace(/[^A-Za-z0-9_]/g, '_')
  const folder = writeRenameMigration(MIGRATIONS_DIR, name, statements, new Date(Date.now() - 1000))
  if (folder) console.error(`db: wrote prisma/migrations/${folder} with ${statements.length} rename(s) from renamedFrom`)
}

const [name, ...args] = process.argv.slice(2)
await runScript(`db ${name ?? ''}`, () => main(name, args))
