// The migrate commands of scripts/db.ts. Prisma only computes SQL here (`migrate diff`); applying,
// recording, resolving and rolling back are this package's own (src/db/migrate/), so that every
// migration is atomic on PGlite and on a server alike.
import { createInterface } from 'node:readline/promises'
import type { DatabaseConfig } from '../src/db/config.ts'
import { DatabaseSetupError } from '../src/db/errors.ts'
import { describeTarget } from '../src/db/preflight.ts'
import { acceptedTargets, acceptFlag, diffDown, diffUp, migrationsSource, planOf, unaccepted, writeMigration } from '../src/db/migrate/create.ts'
import { countRisks, type DataLossRisk, dataLossRisks } from '../src/db/migrate/data-loss.ts'
import { deployOnSession, describeDeploy } from '../src/db/migrate/deploy.ts'
import { readHistory } from '../src/db/migrate/history-table.ts'
import { readLocalMigrations } from '../src/db/migrate/migration-files.ts'
import { emptySchema } from '../src/db/migrate/reset.ts'
import { parseResolveArgs, resolveMigration } from '../src/db/migrate/resolve.ts'
import { rollbackLatest } from '../src/db/migrate/rollback.ts'
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
 * down.sql), and applies it unless --create-only.
 */
export async function migrateCommand(ctx: MigrateContext): Promise<void> {
  const where = describeTarget(ctx.config)
  const before = await deployPending(ctx)
  // Both diffs at once: two Prisma processes, each mostly start-up, on two cores. When `up` is empty
  // (nothing changed) `down` is not needed, but waiting for it costs no more than `up` alone.
  const [up, down] = await step('compute the migration and its down.sql (prisma migrate diff)', async () => {
    const source = await migrationsSource(ctx.config)
    return Promise.all([diffUp(ctx.config, source), diffDown(ctx.config, source)])
  }, { stream: process.stdout })
  if (up === '') {
    say(`the migrations already match the models: no new migration. ${describeDeploy(before, where)}`)
    return
  }
  const risky = unaccepted(dataLossRisks(up), acceptedTargets(ctx.args))
  if (risky.length > 0) await confirmRisks(ctx, risky)
  const folder = writeMigration(planOf(up, down), migrationName(ctx.args), new Date())
  say(`created prisma/migrations/${folder}/migration.sql and down.sql (review down.sql before relying on it)`)
  if (ctx.args.includes('--create-only')) {
    say(`not applied (--create-only): edit it if needed (add data steps), then run npm run db:migrate to apply it`)
    return
  }
  await deployPending(ctx)
  say(`${where} is up to date with the models`)
}

async function confirmRisks(ctx: MigrateContext, risks: readonly DataLossRisk[]): Promise<void> {
  const counted = await withSession(ctx, (s) => countRisks(s, risks))
  const lines = counted.map(({ risk, rows }) => `  - ${risk.what}${rows === undefined ? '' : ` (${rows} row(s) in ${describeTarget(ctx.config)})`}`)
  const advice = `to go step by step instead (add nullable, backfill, then require; create, copy, then drop), see "Data steps" in docs/migrations.md`
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
