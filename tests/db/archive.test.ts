// db:archive moves rows past the model's policy (AuditLog: 365 days by createdAt) into the archive
// table in batches. Killed mid-run and re-run, it must have lost and duplicated nothing.
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { compileModels } from '../../generators/pipeline.ts'
import { planArchive } from '../../src/db/archive/archive-plan.ts'
import { archiveTable } from '../../src/db/archive/move-rows.ts'
import { PACKAGE_ROOT } from '../../src/db/config.ts'
import { applySchemaSql, readSchemaSql } from '../../src/db/schema-sql.ts'
import { createTestDatabase } from '../../src/testing/test-database.ts'

const serverUrl = process.env.TEST_DATABASE_URL?.trim()
const OLD = 3000
const RECENT = 500

/** `npm run db:archive` as a user runs it; `onStart` gets the child to kill it. */
function archive(url: string, env: Record<string, string>, onStart: (kill: () => void) => void = () => {}) {
  const child = spawn(process.execPath, ['scripts/launch.mjs', 'archive'], { cwd: PACKAGE_ROOT, env: { ...process.env, DATABASE_URL: url, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  child.stdout.on('data', (d) => (out += d))
  child.stderr.on('data', (d) => (out += d))
  onStart(() => child.kill('SIGKILL'))
  return new Promise<{ code: number | null; signal: string | null; out: string }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, out })))
}

describe.skipIf(!serverUrl)('db:archive on a PostgreSQL server (TEST_DATABASE_URL)', () => {
  it('moves exactly the old rows, in batches; killed mid-run and re-run, no row is lost or duplicated', async () => {
    const db = await createTestDatabase({ kind: 'postgres', serverUrl })
    const client = new pg.Client({ connectionString: db.url })
    await client.connect()
    const one = async (sql: string) => (await client.query(sql)).rows[0]
    try {
      await client.query(`INSERT INTO audit_logs (id, "createdAt", action, "entityType", "entityId", changes)
        SELECT 'cold' || lpad(i::text, 21, '0'), now() - interval '400 days' - i * interval '1 minute', 'UPDATE', 'Session', 'session' || i, jsonb_build_object('after', jsonb_build_object('n', i)) FROM generate_series(1, ${OLD}) i;
        INSERT INTO audit_logs (id, "createdAt", action, "entityType", "entityId") SELECT 'cnew' || lpad(i::text, 21, '0'), now() - i * interval '1 hour', 'LOGIN', 'User', 'user' || i FROM generate_series(1, ${RECENT}) i`)
      const oldRows = `SELECT md5(string_agg(to_jsonb(t)::text, ',' ORDER BY id)) AS sum, count(*)::int AS n FROM %s t WHERE id LIKE 'cold%%'`
      const original = await one(oldRows.replace('%s', 'audit_logs').replace('%%', '%'))

      // Slowed down (20 ms between batches of 50) so the kill lands in the middle.
      const killed = await archive(db.url!, { ARCHIVE_BATCH_SIZE: '50', ARCHIVE_PAUSE_MS: '20' }, async (kill) => {
        for (;;) {
          await new Promise((r) => setTimeout(r, 50))
          const progress = await one(`SELECT to_regclass('archive.audit_logs') IS NOT NULL AS ready`)
          if (progress.ready && (await one('SELECT count(*)::int AS n FROM archive.audit_logs')).n >= 500) return kill()
        }
      })
      expect(killed.signal).toBe('SIGKILL')
      const [left, archived, both] = [
        (await one(`SELECT count(*)::int AS n FROM audit_logs WHERE id LIKE 'cold%'`)).n,
        (await one('SELECT count(*)::int AS n FROM archive.audit_logs')).n,
        (await one('SELECT count(*)::int AS n FROM audit_logs JOIN archive.audit_logs USING (id)')).n,
      ]
      expect(archived).toBeGreaterThanOrEqual(500)
      expect(left).toBeGreaterThan(0) // it really was stopped mid-run
      expect(left + archived).toBe(OLD)
      expect(both).toBe(0)

      const rerun = await archive(db.url!, {})
      expect(rerun.out).toContain(`AuditLog: moved ${left} rows older than`)
      expect(rerun.out).toMatch(/Archived \d+ rows of 1 model\(s\) from database .* into schema archive/)
      expect(rerun.code).toBe(0)
      expect(await one(`SELECT count(*)::int AS n FROM audit_logs WHERE "createdAt" < now() - interval '365 days'`)).toEqual({ n: 0 })
      expect((await one('SELECT count(*)::int AS n FROM audit_logs')).n).toBe(RECENT)
      expect(await one(oldRows.replace('%s', 'archive.audit_logs').replace('%%', '%'))).toEqual(original) // every old row, once, unchanged

      expect((await archive(db.url!, {})).out).toContain('AuditLog: moved 0 rows')
    } finally {
      await client.end()
      await db.drop()
    }
  }, 60_000)
})

describe('db:archive on the embedded database', () => {
  it('moves the rows past the policy in batches, keeps the rest, and a second run finds nothing', async () => {
    const [table] = planArchive(compileModels(join(PACKAGE_ROOT, 'models'), PACKAGE_ROOT).ir!, undefined)
    expect(table).toMatchObject({ model: 'AuditLog', table: 'audit_logs', archiveSchema: 'archive', column: 'createdAt', afterDays: 365, key: ['id'] })
    const db = await PGlite.create()
    try {
      await applySchemaSql(db, await readSchemaSql('migrations'))
      await db.exec(`INSERT INTO audit_logs (id, "createdAt", action, "entityType", "entityId")
        SELECT 'clog' || lpad(i::text, 21, '0'), now() - i * interval '10 days', 'LOGIN', 'User', 'user' || i FROM generate_series(1, 60) i`) // ids are cuid-shaped (a CHECK enforces the model's format); 24 of them (37..60) are over 365 days old
      const query = (sql: string, params?: readonly unknown[]) => db.query<Record<string, any>>(sql, params as unknown[]).then((r) => r.rows)
      const options = { batchSize: 10, pauseMs: 0, now: new Date() }
      expect(await archiveTable(query, table!, 'public', options)).toMatchObject({ model: 'AuditLog', rows: 24, batches: 3 })
      const ids = async (from: string) => (await query(`SELECT id FROM ${from} ORDER BY "createdAt"`)).map((r) => r.id)
      expect(await ids('archive.audit_logs')).toEqual(Array.from({ length: 24 }, (_, i) => `clog${String(60 - i).padStart(21, '0')}`)) // oldest first
      expect(await ids('audit_logs')).toHaveLength(36)
      expect(await archiveTable(query, table!, 'public', options)).toMatchObject({ rows: 0, batches: 0 })
    } finally {
      await db.close()
    }
  }, 120_000)
})
