// The migrate commands of scripts/db.ts. Prisma only computes SQL here (`migrate diff`); applying,
// recording, resolving and rolling back are this package's own (src/db/migrate/), so that every
// migration is atomic on PGlite and on a server alike.
import { createInterface } from 'node:readline/promises'
import type { DatabaseConfig } from '../src/db/config.ts'
import { DatabaseSetupError } from '../src/db/errors.ts'
import { describeTarget } from '../src/db/preflight.ts'
import { migrationFile } from '../src/db/migrate/apply.ts'
import { acceptedTargets, acceptFlag, computeMigration, planOf, unaccepted, writeExpandContract, writeMigration } from '../src/db/migrate/create.ts'
import { countRisks, type DataLossRisk, dataLossRisks } from '../src/db/migrate/data-loss.ts'
import { DataStepToWriteError, deployOnSession, describeDeploy } from '../src/db/migrate/deploy.ts'
import { planExpandContract } from '../src/db/migrate/expand-contract.ts'
import { readHistory } from '../src/db/migrate/history-table.ts'
import { readLocalMigrations } from '../src/db/migrate/migration-files.ts'
import { emptySchema } from '../src/db/migrate/reset.ts'
import { parseResolveArgs, resolveMigration } from '../src/db/migrate/resolve.ts'
import { rollbackLatest } from '../src/db/migrate/rollback.ts'
import type { MigratedCopy } from '../src/db/migrate/migrated-copy.ts'
import { openSession, type SqlSession } from '../src/db/migrate/session.ts'
import { migrationStatus } from '../src/db/migrate/status.ts'
import { step } from '../src/db/progress.ts'

export interface MigrateContext {
  readonly config: DatabaseConfig
  /** DATABASE_URL or TEST_DATABASE_URL, for messages. */
  readonly variable: string
  readonly args: readonly string[]
  /**
   * The database, opened once for the whole command: on the embedded database each open costs
   * PostgreSQL's start-up (~1 s), and db:migrate would otherwise open it four times. Undefined:
   * each step opens its own connection.
   */
  readonly session?: SqlSession
  /** db:migrate's copy of the database the migrations build (src/db/migrate/migrated-copy.ts). */
  readonly migrated?: MigratedCopy
}

const say = (line: string) => console.log(`db: ${line}`)
const printApplied = (name: string) => say(`applied ${name}`)

async function withSession<T>(ctx: MigrateContext, work: (s: SqlSession, where: string) => Promise<T>): Promise<T> {
  if (ctx.session) return work(ctx.session, describeTarget(ctx.config))
  const s = await openSession(ctx.config, ctx.variable)
  try {
    return await work(s, describeTarget(ctx.config))
  } finally {
    await s.close()
  }
}

const deployPending = (ctx: MigrateContext) => withSession(ctx, (s, where) => deployOnSession(s, where, printApplied))

export async function deployCommand(ctx: MigrateContext): Promise<void> {
  say(describeDeploy(await deployPending(ctx), describeTarget(ctx.config)))
}

export async function statusCommand(ctx: MigrateContext): Promise<void> {
  const status = await withSession(ctx, async (s, where) => migrationStatus(await readHistory(s), readLocalMigrations(), where))
  for (const line of status.lines.slice(0, -1)) say(line)
  if (!status.upToDate) throw new DatabaseSetupError(status.lines.at(-1)!)
  say(status.lines.at(-1)!)
}

export async function resolveCommand(ctx: MigrateContext): Promise<void> {
  const { resolution, name } = parseResolveArgs(ctx.args)
  say(await withSession(ctx, (s) => resolveMigration(s, resolution, name)))
}

export async function rollbackCommand(ctx: MigrateContext): Promise<void> {
  say(await withSession(ctx, (s, where) => rollbackLatest(s, acceptedTargets(ctx.args), where)))
}

/** Empties the database's schema and applies every migration again. */
export async function resetCommand(ctx: MigrateContext): Promise<void> {
  const result = await withSession(ctx, async (s, where) => {
    await emptySchema(s)
    return deployOnSession(s, where, printApplied)
  })
  say(`emptied ${describeTarget(ctx.config)} and applied all ${result.applied.length} migration(s)`)
}

/**
 * `db:migrate`: applies pending migrations, creates one for what the models changed since (with
 * down.sql), and applies it unless --create-only. A change that loses data or fails on existing rows
 * is refused unless accepted, or written step by step (--expand-contract, or `s` at the prompt).
 */
export async function migrateCommand(ctx: MigrateContext): Promise<void> {
  const where = describeTarget(ctx.config)
  const before = await deployPending(ctx)
  if (!ctx.migrated) throw new Error('db:migrate opens its copy of the migrated database first (scripts/db.ts)')
  const migrated = ctx.migrated
  const { up, down, replayed } = await step('compute the migration and its down.sql', () => computeMigration(ctx.config, migrated.db), { stream: process.stdout })
  if (replayed) say('replayed the migrations to compute it: prisma/migrations/datamodel.lock was missing or older than them (it is written again below)')
  if (up === '') {
    say(`the migrations already match the models: no new migration. ${describeDeploy(before, where)}`)
    return
  }
  const risky = unaccepted(dataLossRisks(up), acceptedTargets(ctx.args))
  let stepByStep = false
  if (risky.length > 0) {
    stepByStep = (await offerExpandContract(ctx, up, down, risky)) === 'written'
    if (!stepByStep) await confirmRisks(ctx, risky)
  }
  if (!stepByStep) {
    const folder = writeMigration(planOf(up, down), migrationName(ctx.args), new Date())
    say(`created prisma/migrations/${folder}/migration.sql and down.sql (review down.sql before relying on it)`)
  }
  if (ctx.args.includes('--create-only')) {
    say(`not applied (--create-only): edit it if needed (add data steps), then run npm run db:migrate to apply it`)
    return
  }
  if (await deployUpToDataStep(ctx)) say(`${where} is up to date with the models`)
}

const reportedDataSteps = new Set<string>()

/**
 * Deploys; at a data step still to write, says what to do instead of failing (db:migrate has just
 * written it, or the author is still on it). Returns whether everything was applied.
 */
export async function deployUpToDataStep(ctx: MigrateContext): Promise<boolean> {
  try {
    await deployPending(ctx)
    return true
  } catch (error) {
    if (!(error instanceof DataStepToWriteError)) throw error
    if (reportedDataSteps.has(error.migration)) return false // db:migrate deploys twice when it also writes managed objects
    reportedDataSteps.add(error.migration)
    say(`stopped before ${migrationFile(error.migration)}: write the data step there (each "-- pika:fill-in" line says what, with its row count) and delete those lines; then npm run db:migrate applies it and the contract step after it`)
    return false
  }
}

/**
 * For a risky change that has a safe sequence: prints it with the rows each step touches and, as
 * asked (--expand-contract, or `s` at the prompt), writes it. Returns 'written', 'one' (the author
 * takes the single migration: confirm its risks as usual) or undefined (no sequence to offer).
 */
async function offerExpandContract(ctx: MigrateContext, up: string, down: string, risky: readonly DataLossRisk[]): Promise<'written' | 'one' | undefined> {
  const plan = planExpandContract(up, down)
  if (!plan) return undefined
  const where = describeTarget(ctx.config)
  const rows = (await withSession(ctx, (s) => countRisks(s, plan.tasks))).map((c) => c.rows)
  const count = (i: number) => (rows[i] === undefined ? '' : ` (${rows[i]} row(s) in ${where})`)
  const name = migrationName(ctx.args)
  console.error([
    'The new migration loses data or fails on existing rows. Step by step it is safe:',
    `  1. ${name}_expand: ${plan.expand.up === '' ? 'nothing to add first' : 'the new tables and columns, new required columns still optional'}`,
    `  2. ${name}_data: a data step you write:`,
    ...plan.tasks.map((t, i) => `       - ${t.what}${count(i)}`),
    `  3. ${name}_contract: ${[...new Set(plan.tasks.map((t) => t.contract))].join('; ')}; applied only once the data step is written`,
  ].join('\n'))
  const covered = new Set(plan.tasks.flatMap((t) => t.targets))
  const rest = risky.filter((r) => !covered.has(r.target))
  let choice = ctx.args.includes('--expand-contract') ? 's' : undefined
  if (choice === undefined && !process.stdin.isTTY) {
    throw new DatabaseSetupError(`the new migration loses data or fails on existing rows. Nothing was written; pass --expand-contract to write the safe sequence above, or ${acceptFlag(risky)} to accept exactly this as one migration`)
  }
  if (choice === undefined) {
    const prompt = createInterface({ input: process.stdin, output: process.stderr })
    choice = (await prompt.question('Write it [s]tep by step, as [o]ne migration (you confirm the loss next), or [N]othing? ')).trim().toLowerCase()
    prompt.close()
  }
  if (/^o(ne)?$/.test(choice)) return 'one'
  if (!/^s(tep)?/.test(choice)) throw new DatabaseSetupError('cancelled; no migration was written')
  if (rest.length > 0) await confirmRisks(ctx, rest) // what no step makes safe (a dropped table…) still needs consent
  const written = writeExpandContract(plan, rows, name, where, new Date())
  const folders = [written.expand, written.data, written.contract].filter((f) => f !== undefined)
  say(`created ${folders.map((f) => `prisma/migrations/${f}`).join(', ')} (each with down.sql); the data step is yours to write: ${migrationFile(written.data)}`)
  return 'written'
}

async function confirmRisks(ctx: MigrateContext, risks: readonly DataLossRisk[]): Promise<void> {
  const counted = await withSession(ctx, (s) => countRisks(s, risks))
  const lines = counted.map(({ risk, rows }) => `  - ${risk.what}${rows === undefined ? '' : ` (${rows} row(s) in ${describeTarget(ctx.config)})`}`)
  const advice = `to go step by step instead, see "Data steps" in docs/migrations.md`
  if (!process.stdin.isTTY) {
    throw new DatabaseSetupError(`the new migration loses data or fails on existing rows:${lines.join(';').replace(/^\s+/, ' ')}. Nothing was written; to accept exactly this, pass ${acceptFlag(risks)}, or ${advice}`)
  }
  console.error(`The new migration loses data or fails on existing rows:\n${lines.join('\n')}\n(${advice}; without a terminal pass ${acceptFlag(risks)})`)
  const prompt = createInterface({ input: process.stdin, output: process.stderr })
  const answer = await prompt.question('Create it anyway? [y/N] ')
  prompt.close()
  if (!/^y(es)?$/i.test(answer.trim())) throw new DatabaseSetupError('cancelled; no migration was written')
}

/** `--name add_gyms` / `--name=add_gyms`, made a safe folder name; `model` by default. */
export function migrationName(args: readonly string[]): string {
  const at = args.findIndex((a) => a === '--name' || a.startsWith('--name='))
  const raw = at < 0 ? 'model' : args[at]!.includes('=') ? args[at]!.split('=')[1]! : (args[at + 1] ?? 'model')
  return raw.replace(/[^A-Za-z0-9_]/g, '_') || 'model'
}
