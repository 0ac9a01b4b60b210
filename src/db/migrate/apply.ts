// Applies migrations the way a busy production database needs: each in ONE transaction with its
// history row, sent whole (no client-side splitting at `;`), so a failure leaves nothing of it behind.
import { DatabaseSetupError, firstLine } from '../errors.ts'
import { recordApplied, recordFailed } from './history-table.ts'
import { type LocalMigration, NO_TRANSACTION_MARKER } from './migration-files.ts'
import type { SqlSession } from './session.ts'
import { lineAt, splitSqlStatements } from './sql-statements.ts'

// The advisory lock key Prisma Migrate takes too: two deploys (ours or Prisma's) never interleave.
const MIGRATE_LOCK = 72707369

/** Runs `work` holding the migrate lock (server only: PGlite is a single session anyway). */
export async function withMigrateLock<T>(s: SqlSession, work: () => Promise<T>): Promise<T> {
  if (s.kind === 'pglite') return work()
  await s.query(`SELECT pg_advisory_lock(${MIGRATE_LOCK})`)
  try {
    return await work()
  } finally {
    await s.query(`SELECT pg_advisory_unlock(${MIGRATE_LOCK})`)
  }
}

const TRANSACTION_CONTROL = /^(BEGIN|COMMIT|END|START TRANSACTION|ROLLBACK)(\s+(WORK|TRANSACTION))?$/i

/**
 * A script's own BEGIN/COMMIT (Prisma writes them around enum rewrites) would end the migration's
 * transaction early: they are blanked out, keeping every other character (and so line) where it was.
 */
export function blankTransactionControl(script: string): string {
  let out = script
  for (const st of splitSqlStatements(script)) {
    if (TRANSACTION_CONTROL.test(st.sql.trim())) out = out.slice(0, st.offset) + st.sql.replace(/\S/g, ' ') + out.slice(st.offset + st.sql.length)
  }
  return out
}

/** Where a migration failed: the line of migration.sql and the database's message. */
export interface FailurePlace {
  readonly line: number | undefined
  readonly message: string
}

export const migrationFile = (name: string, file = 'migration.sql') => `prisma/migrations/${name}/${file}`

/**
 * Applies `m` and records it. On failure throws a one-line DatabaseSetupError naming the line of
 * migration.sql; a transactional migration is rolled back whole and recorded as a rolled-back attempt.
 */
export async function applyMigration(s: SqlSession, m: LocalMigration): Promise<void> {
  if (m.noTransaction) return applyOutsideTransaction(s, m)
  await s.exec('BEGIN')
  try {
    await s.exec(blankTransactionControl(m.sql))
    await recordApplied(s, m)
    await s.exec('COMMIT')
  } catch (error) {
    await s.exec('ROLLBACK')
    const place = await locateFailure(s, m.sql, error)
    await recordFailed(s, m, describePlace(m.name, place), true)
    throw new DatabaseSetupError(
      `migration ${m.name} failed at ${describePlace(m.name, place)}; it was rolled back whole, so the database is as before it. ` +
        `Fix ${migrationFile(m.name)} (or the data it trips on) and run the command again`,
    )
  }
}

/** Runs a script in one transaction, rolling back on failure; the error names the failing line of `file`. */
export async function runScriptAtomically(s: SqlSession, script: string, file: string, then?: () => Promise<void>): Promise<void> {
  await s.exec('BEGIN')
  try {
    await s.exec(blankTransactionControl(script))
    await then?.()
    await s.exec('COMMIT')
  } catch (error) {
    await s.exec('ROLLBACK')
    const place = await locateFailure(s, script, error)
    throw new DatabaseSetupError(`${file}${place.line ? `:${place.line}` : ''} failed: ${place.message}; it was rolled back whole, so the database is as before`)
  }
}

/**
 * Runs a script that must run outside a transaction (a down.sql that is one CONCURRENTLY statement,
 * see runsOutsideTransaction) statement by statement, then `then`; the error names the failing line.
 */
export async function runScriptOutsideTransaction(s: SqlSession, script: string, file: string, then?: () => Promise<void>): Promise<void> {
  const failure = await execOneByOne(s, script)
  if (failure) throw new DatabaseSetupError(`${file}:${failure.line} failed: ${failure.message}; it runs outside a transaction, so the statements before it stay applied`)
  await then?.()
}

// CREATE INDEX CONCURRENTLY and friends refuse any transaction (even an implicit multi-statement
// one), so such a migration runs one statement at a time; a failure leaves the earlier ones applied.
async function applyOutsideTransaction(s: SqlSession, m: LocalMigration): Promise<void> {
  const failure = await execOneByOne(s, m.sql)
  if (failure) {
    await recordFailed(s, m, describePlace(m.name, failure), false)
    throw new DatabaseSetupError(
      `migration ${m.name} (${NO_TRANSACTION_MARKER}) failed at ${describePlace(m.name, failure)} after ${failure.applied} of ${failure.total} statement(s) had been applied; ` +
        `undo or finish them by hand, then run npm run db:migrate:resolve -- --rolled-back ${m.name} (to retry it) or --applied ${m.name}`,
    )
  }
  await recordApplied(s, m)
}

/** Each statement of `script` on its own (no transaction control); where it stopped, if a statement failed. */
async function execOneByOne(s: SqlSession, script: string): Promise<(FailurePlace & { line: number; applied: number; total: number }) | undefined> {
  const statements = splitSqlStatements(script).filter((st) => !TRANSACTION_CONTROL.test(st.sql.trim()))
  for (const [index, statement] of statements.entries()) {
    try {
      await s.exec(statement.sql)
    } catch (error) {
      return { line: statement.line, message: firstLine(error), applied: index, total: statements.length }
    }
  }
  return undefined
}

const describePlace = (name: string, place: FailurePlace) => `${migrationFile(name)}${place.line ? `:${place.line}` : ''}: ${place.message}`

/**
 * The line of the failing statement: PostgreSQL gives a position into the script for parse and name
 * errors; for the rest (a constraint a data step trips on...) the script is replayed statement by
 * statement inside a transaction that is rolled back, and the first statement that fails is the one.
 */
async function locateFailure(s: SqlSession, script: string, error: unknown): Promise<FailurePlace> {
  const message = firstLine(error)
  const position = Number((error as { position?: unknown })?.position)
  if (position > 0) return { line: lineAt(script, position - 1), message }
  await s.exec('BEGIN')
  try {
    for (const statement of splitSqlStatements(script)) {
      try {
        await s.exec(statement.sql)
      } catch {
        return { line: statement.line, message }
      }
    }
    return { line: undefined, message }
  } finally {
    await s.exec('ROLLBACK')
  }
}
