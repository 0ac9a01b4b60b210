// Prisma's `_prisma_migrations` table, read and written by this package with Prisma's own layout and
// meaning, so that either tool can take over a database the other migrated.
import { randomUUID } from 'node:crypto'
import type { LocalMigration } from './migration-files.ts'
import type { SqlSession } from './session.ts'

export interface HistoryRow {
  readonly id: string
  readonly name: string
  readonly checksum: string
  readonly finished: boolean
  readonly rolledBack: boolean
  readonly logs: string | null
}

// Prisma's own definition (schema-engine, postgres flavour).
const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`

export const ensureHistoryTable = (s: SqlSession): Promise<void> => s.exec(CREATE_TABLE)

/** Every row, oldest first; none when the table does not exist yet. */
export async function readHistory(s: SqlSession): Promise<HistoryRow[]> {
  const [table] = await s.query<{ exists: boolean }>(`SELECT to_regclass('_prisma_migrations') IS NOT NULL AS "exists"`)
  if (!table?.exists) return []
  const rows = await s.query<Record<string, unknown>>(
    `SELECT id, migration_name, checksum, finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS rolled_back, logs
       FROM "_prisma_migrations" ORDER BY started_at, migration_name`,
  )
  return rows.map((r) => ({
    id: String(r.id),
    name: String(r.migration_name),
    checksum: String(r.checksum),
    finished: r.finished === true,
    rolledBack: r.rolled_back === true,
    logs: r.logs === null ? null : String(r.logs),
  }))
}

/** Records `m` as applied (inside the migration's own transaction, so both happen or neither). */
export async function recordApplied(s: SqlSession, m: LocalMigration): Promise<void> {
  await s.query(
    `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count) VALUES ($1, $2, $3, now(), now(), 1)`,
    [randomUUID(), m.checksum, m.name],
  )
}

/**
 * Records a failed attempt. `rolledBack`: nothing of it stayed (the transaction was rolled back), so
 * the next deploy simply tries again; otherwise the database holds part of it and must be resolved.
 */
export async function recordFailed(s: SqlSession, m: LocalMigration, logs: string, rolledBack: boolean): Promise<void> {
  await s.query(
    `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, logs, started_at, rolled_back_at) VALUES ($1, $2, $3, $4, now(), ${rolledBack ? 'now()' : 'NULL'})`,
    [randomUUID(), m.checksum, m.name, logs],
  )
}

export async function markRolledBack(s: SqlSession, id: string): Promise<void> {
  await s.query(`UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE id = $1`, [id])
}

export async function updateChecksum(s: SqlSession, id: string, checksum: string): Promise<void> {
  await s.query(`UPDATE "_prisma_migrations" SET checksum = $2 WHERE id = $1`, [id, checksum])
}

export async function deleteRow(s: SqlSession, id: string): Promise<void> {
  await s.query(`DELETE FROM "_prisma_migrations" WHERE id = $1`, [id])
}

/** The row that says `name` is applied now (finished, not rolled back), if any. */
export const appliedRow = (rows: readonly HistoryRow[], name: string): HistoryRow | undefined =>
  rows.findLast((r) => r.name === name && r.finished && !r.rolledBack)

/** A failed attempt that left part of `name` behind and was not resolved yet. */
export const unresolvedFailure = (rows: readonly HistoryRow[], name?: string): HistoryRow | undefined =>
  rows.find((r) => (name === undefined || r.name === name) && !r.finished && !r.rolledBack)
