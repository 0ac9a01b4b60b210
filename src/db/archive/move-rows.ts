// Moves old rows into the archive table in batches. Each batch is ONE statement (select keys,
// delete, insert the deleted rows), so it commits or rolls back as a whole: a crash or kill at any
// moment leaves every row in exactly one of the two tables, and a re-run simply goes on.
import { quoteIdentifier as q } from '../schema-sql.ts'
import type { ArchiveTable } from './archive-plan.ts'

/** Runs one SQL statement with $n parameters and returns its rows (pg.Client or PGlite). */
export type Query = (sql: string, params?: readonly unknown[]) => Promise<Record<string, any>[]>

export interface ArchiveOptions {
  /** Rows per batch (transaction). */
  readonly batchSize: number
  /** Pause between batches, to leave the primary room for the app's own queries. */
  readonly pauseMs: number
  readonly now: Date
}

export interface MovedReport {
  readonly model: string
  readonly rows: number
  readonly batches: number
  readonly cutoff: Date
}

/** Creates the archive table (same columns, defaults, constraints and indexes) and adds columns added to the source since. */
async function ensureArchiveTable(query: Query, t: ArchiveTable, sourceSchema: string): Promise<void> {
  const source = `${q(sourceSchema)}.${q(t.table)}`
  const archive = `${q(t.archiveSchema)}.${q(t.table)}`
  await query(`CREATE SCHEMA IF NOT EXISTS ${q(t.archiveSchema)}`)
  // INCLUDING INDEXES copies the primary key: a row can never be in the archive twice. Foreign
  // keys are not copied: archived rows may outlive the rows they referred to.
  await query(`CREATE TABLE IF NOT EXISTS ${archive} (LIKE ${source} INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES)`)
  const missing = await query(
    `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type FROM pg_attribute a
     WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped
       AND a.attname NOT IN (SELECT attname FROM pg_attribute WHERE attrelid = $2::regclass AND attnum > 0 AND NOT attisdropped)
     ORDER BY a.attnum`,
    [source, archive],
  )
  for (const { name, type } of missing) await query(`ALTER TABLE ${archive} ADD COLUMN ${q(name)} ${type}`)
}

export async function archiveTable(query: Query, t: ArchiveTable, sourceSchema: string, options: ArchiveOptions): Promise<MovedReport> {
  await ensureArchiveTable(query, t, sourceSchema)
  const source = `${q(sourceSchema)}.${q(t.table)}`
  const columns = (await query(`SELECT attname AS name FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum`, [source]))
    .map((c) => q(c.name)).join(', ')
  const key = t.key.map(q)
  const cutoff = new Date(options.now.getTime() - t.afterDays * 86_400_000)
  // SKIP LOCKED: a second archiver running at the same time takes other rows instead of waiting.
  const batch = `WITH batch AS (SELECT ${key.join(', ')} FROM ${source} WHERE ${q(t.column)} < $1::timestamp ORDER BY ${q(t.column)} LIMIT $2 FOR UPDATE SKIP LOCKED),
    moved AS (DELETE FROM ${source} x USING batch b WHERE ${key.map((k) => `x.${k} = b.${k}`).join(' AND ')} RETURNING x.*),
    inserted AS (INSERT INTO ${q(t.archiveSchema)}.${q(t.table)} (${columns}) SELECT ${columns} FROM moved RETURNING 1)
    SELECT count(*)::int AS n FROM inserted`
  let rows = 0
  let batches = 0
  for (;;) {
    // Prisma stores DateTime as UTC in timestamp without time zone: compare with the UTC text.
    const [{ n }] = (await query(batch, [cutoff.toISOString().replace('Z', ''), options.batchSize])) as [{ n: number }]
    if (n === 0) break
    rows += n
    batches += 1
    if (options.pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, options.pauseMs))
  }
  return { model: t.model, rows, batches, cutoff }
}
