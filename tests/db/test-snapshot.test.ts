// Embedded test databases come from one migrated snapshot on disk: each copy is its own database,
// and a changed migration makes a new snapshot instead of serving the old schema.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { MIGRATIONS_DIR } from '../../src/db/migration-history.ts'
import { ensurePGliteSnapshot, openSnapshotCopy } from '../../src/db/pglite-snapshot.ts'
import { createTestDatabase } from '../../src/testing/test-database.ts'

const scratch = mkdtempSync(join(tmpdir(), 'pika-snapshot-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

const tableExists = async (db: { query: (sql: string) => Promise<{ rows: unknown[] }> }, table: string) =>
  (await db.query(`SELECT 1 FROM information_schema.tables WHERE table_name = '${table}'`)).rows.length === 1

describe('embedded test databases from a snapshot', () => {
  it('gives each createTestDatabase() its own database', async () => {
    const [a, b] = await Promise.all([createTestDatabase({ kind: 'pglite' }), createTestDatabase({ kind: 'pglite' })])
    try {
      await a.prisma.user.create({ data: { email: 'only-in-a@pika.test', passwordHash: 'x', firstName: 'A', lastName: 'A' } })
      await b.prisma.user.create({ data: { email: 'only-in-b@pika.test', passwordHash: 'x', firstName: 'B', lastName: 'B' } })
      expect((await a.prisma.user.findMany()).map((u) => u.email)).toEqual(['only-in-a@pika.test'])
      expect((await b.prisma.user.findMany()).map((u) => u.email)).toEqual(['only-in-b@pika.test'])
    } finally {
      await Promise.all([a.drop(), b.drop()])
    }
    const c = await createTestDatabase({ kind: 'pglite' })
    try {
      expect(await c.prisma.user.count()).toBe(0) // writes never reach the snapshot
    } finally {
      await c.drop()
    }
  })

  it('builds a new snapshot when a migration changes, once even when workers ask together', async () => {
    const migrationsDir = join(scratch, 'migrations')
    const cacheDir = join(scratch, 'cache')
    cpSync(MIGRATIONS_DIR, migrationsDir, { recursive: true })
    const together = await Promise.all([1, 2, 3].map(() => ensurePGliteSnapshot({ migrationsDir, cacheDir })))
    expect(new Set(together).size).toBe(1)
    expect(readdirSync(cacheDir)).toEqual([together[0]!.split('/').at(-1)]) // no lock or half-written file left

    mkdirSync(join(migrationsDir, '29990101000000_extra'))
    writeFileSync(join(migrationsDir, '29990101000000_extra', 'migration.sql'), 'CREATE TABLE "extra_table" ("id" INTEGER);\n')
    const changed = await ensurePGliteSnapshot({ migrationsDir, cacheDir })
    expect(changed).not.toBe(together[0])

    const [before, after] = await Promise.all([openSnapshotCopy(together[0]!), openSnapshotCopy(changed)])
    try {
      expect(await tableExists(before, 'users')).toBe(true)
      expect(await tableExists(before, 'extra_table')).toBe(false)
      expect(await tableExists(after, 'extra_table')).toBe(true)
    } finally {
      await Promise.all([before.close(), after.close()])
    }
  }, 180_000) // two snapshot builds (every migration on a fresh PGlite): ~18 s idle, over 60 s on a loaded machine
})
