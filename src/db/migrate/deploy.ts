// `db:migrate:deploy`: applies every pending migration, each atomically (see apply.ts), under
// Prisma's advisory lock, after refusing a history it cannot build on.
import type { DatabaseConfig } from '../config.ts'
import { checkAppliedChecksums, checkMigrationHistory } from '../migration-history.ts'
import { describeTarget } from '../preflight.ts'
import { DatabaseSetupError } from '../errors.ts'
import { applyMigration, migrationFile, withMigrateLock } from './apply.ts'
import { appliedRow, ensureHistoryTable, type HistoryRow, readHistory } from './history-table.ts'
import { FILL_IN_MARKER, type LocalMigration, matchesChecksum, readLocalMigrations } from './migration-files.ts'
import { openSession, type SqlSession } from './session.ts'

export interface DeployResult {
  /** Names applied by this run, in order. */
  readonly applied: readonly string[]
  /** How many were applied before this run. */
  readonly alreadyApplied: number
}

/** Refuses a database ahead of the folder, one with an unresolved failure, or an edited migration. */
export function checkHistory(rows: readonly HistoryRow[], local: readonly LocalMigration[], where: string): void {
  checkMigrationHistory(rows, local.map((m) => m.name), where)
  const byName = new Map(local.map((m) => [m.name, m]))
  checkAppliedChecksums(rows, (row) => byName.has(row.name) && !matchesChecksum(byName.get(row.name)!, row.checksum!), where)
}

/** The local migrations that `rows` does not show as applied, in order. */
export const pendingMigrations = (rows: readonly HistoryRow[], local: readonly LocalMigration[]): LocalMigration[] =>
  local.filter((m) => !appliedRow(rows, m.name))

/** Deploy stopped before a data step whose placeholders are not filled in (the ones before it are applied). */
export class DataStepToWriteError extends DatabaseSetupError {
  constructor(readonly migration: string, readonly applied: readonly string[]) {
    super(
      `${migrationFile(migration)} is a data step still to write (it has "${FILL_IN_MARKER}" lines): write its SQL and delete those lines, ` +
        `then run the command again; ${applied.length} migration(s) before it were applied, nothing from it on`,
    )
  }
}

/**
 * Applies the pending migrations on an open session; `onApplied` is told of each one. Stops with
 * DataStepToWriteError at a data step still to write, so the contract after it waits for the backfill.
 */
export async function deployOnSession(s: SqlSession, where: string, onApplied: (name: string) => void = () => {}, local = readLocalMigrations()): Promise<DeployResult> {
  return withMigrateLock(s, async () => {
    await ensureHistoryTable(s)
    const rows = await readHistory(s)
    checkHistory(rows, local, where)
    const pending = pendingMigrations(rows, local)
    const applied: string[] = []
    for (const m of pending) {
      if (m.dataStepToWrite) throw new DataStepToWriteError(m.name, applied)
      await applyMigration(s, m)
      applied.push(m.name)
      onApplied(m.name)
    }
    return { applied: pending.map((m) => m.name), alreadyApplied: local.length - pending.length }
  })
}

export async function deploy(config: DatabaseConfig, variable: string, onApplied?: (name: string) => void): Promise<DeployResult> {
  const s = await openSession(config, variable)
  try {
    return await deployOnSession(s, describeTarget(config), onApplied)
  } finally {
    await s.close()
  }
}

/** The summary line of a deploy: what happened, in words. */
export function describeDeploy(result: DeployResult, where: string): string {
  if (result.applied.length === 0) return `${where} is up to date: all ${result.alreadyApplied} migration(s) were already applied; nothing to do`
  return `applied ${result.applied.length} migration(s) to ${where} (${result.alreadyApplied} were already applied); it is up to date`
}
