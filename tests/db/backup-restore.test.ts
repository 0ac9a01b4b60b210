// db:backup / db:restore are only as good as a restore: back up a seeded database, change and delete
// rows, restore, and every table must hold exactly what it held at the backup moment.
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import { backupDatabase, restoreDatabase } from '../../src/db/backup/backup.ts'
import { backupFileName, listBackups, pruneBackups, readBackupSettings } from '../../src/db/backup/backup-files.ts'
import { PACKAGE_ROOT, pgliteTarget, readDatabaseConfig, serverTarget } from '../../src/db/config.ts'
import { openPGlite } from '../../src/db/open-pglite.ts'
import { applySchemaSql, readSchemaSql } from '../../src/db/schema-sql.ts'
import { createTestDatabase } from '../../src/testing/test-database.ts'
import { readFixtures } from '../../seed/read-fixtures.ts'
import { seedDatabase } from '../../seed/seed-database.ts'
import { tableContents } from '../helpers/table-contents.ts'

const serverUrl = process.env.TEST_DATABASE_URL?.trim()
const scratch = mkdtempSync(join(tmpdir(), 'pika-backup-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

/** Changes that touch several tables: an update, deletes of leaf rows, an insert. */
const CHANGES = `UPDATE gyms SET name = name || ' (renamed)';
  DELETE FROM session_reviews; DELETE FROM audit_logs;
  UPDATE users SET "firstName" = 'Changed' WHERE id = (SELECT min(id) FROM users)`

/** Runs `npm run db:<command>` as a user would (through the launcher npm runs), with DATABASE_URL=url. */
function cli(command: 'backup' | 'restore', args: string[], env: Record<string, string>) {
  const result = spawnSync(process.execPath, ['scripts/launch.mjs', 'backup', command, ...args], {
    cwd: PACKAGE_ROOT, encoding: 'utf8', env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  })
  return { status: result.status, out: result.stdout + result.stderr }
}

describe.skipIf(!serverUrl)('db:backup and db:restore on a PostgreSQL server', () => {
  it('restore brings back every table as it was at the backup, refuses a non-empty database without --force, and fills an empty one', async () => {
    const db = await createTestDatabase({ kind: 'postgres', serverUrl })
    const empty = await createTestDatabase({ kind: 'postgres', serverUrl })
    const client = new pg.Client({ connectionString: db.url })
    await client.connect()
    const rows = (sql: string) => client.query(sql).then((r) => r.rows)
    try {
      await seedDatabase(db.client.driver, await readFixtures())
      const atBackup = await tableContents(rows)
      const dir = join(scratch, 'server')
      const backup = cli('backup', [], { DATABASE_URL: db.url!, BACKUP_DIR: dir })
      expect(backup.out).toMatch(/Backed up database .* to .*\.dump/)
      expect(backup.status).toBe(0)
      const [file] = readdirSync(dir)
      expect(file).toMatch(/^pika-pika_test_\w+-\d{8}T\d{9}Z\.dump$/)

      await client.query(CHANGES)
      const changed = await tableContents(rows)
      expect(changed).not.toEqual(atBackup)

      const config = { ...readDatabaseConfig({}), target: serverTarget('DATABASE_URL', db.url!) }
      await expect(restoreDatabase(config, join(dir, file!), false)).rejects.toThrow(/is not empty \(\d+ tables\).*--force/)
      expect(await tableContents(rows)).toEqual(changed)

      const forced = cli('restore', [join(dir, file!), '--force'], { DATABASE_URL: db.url! })
      expect(forced.out).toContain('Restored')
      expect(forced.status).toBe(0)
      expect(await tableContents(rows)).toEqual(atBackup)

      // Into a database with no tables at all (not even the migrations'): no --force needed.
      await (empty.client.driver as pg.Pool).query('DROP SCHEMA public CASCADE; CREATE SCHEMA public')
      await restoreDatabase({ ...config, target: serverTarget('DATABASE_URL', empty.url!) }, join(dir, file!), false)
      const restored = new pg.Client({ connectionString: empty.url })
      await restored.connect()
      expect(await tableContents((sql) => restored.query(sql).then((r) => r.rows))).toEqual(atBackup)
      await restored.end()
    } finally {
      await client.end()
      await Promise.all([db.drop(), empty.drop()])
    }
  })
})

describe('db:backup and db:restore on the embedded database', () => {
  it('restore brings back every table as it was at the backup; a non-empty folder is replaced only when asked', async () => {
    const dataDir = join(scratch, 'pglite')
    const db = await openPGlite(dataDir)
    const rows = (sql: string) => db.query<Record<string, unknown>>(sql).then((r) => r.rows)
    await applySchemaSql(db, await readSchemaSql('migrations'))
    await seedDatabase(db, await readFixtures())
    const atBackup = await tableContents(rows)
    await db.close()

    const config = { ...readDatabaseConfig({}), target: pgliteTarget(dataDir) }
    const { file } = await backupDatabase(config, { dir: join(scratch, 'pglite-backups'), keep: 7 })
    expect(file).toMatch(/pika-pglite-\d{8}T\d{9}Z\.tar\.gz$/)

    const changing = await openPGlite(dataDir)
    await changing.exec(CHANGES)
    const changed = await tableContents((sql) => changing.query<Record<string, unknown>>(sql).then((r) => r.rows))
    await changing.close()
    expect(changed).not.toEqual(atBackup)

    await expect(restoreDatabase(config, file, false)).rejects.toThrow(/is not empty \(\d+ tables\)/)
    await restoreDatabase(config, file, true)
    const restored = await openPGlite(dataDir)
    expect(await tableContents((sql) => restored.query<Record<string, unknown>>(sql).then((r) => r.rows))).toEqual(atBackup)
    await restored.close()
  }, 180_000) // six openings of an embedded folder: seconds each when idle, a minute in all on a loaded machine
})

describe('backup retention (BACKUP_KEEP)', () => {
  it('keeps the newest backups of the database, and leaves other databases\' and foreign files alone', () => {
    const dir = join(scratch, 'retention')
    mkdirSync(dir, { recursive: true })
    const days = [3, 1, 4, 2, 5].map((d) => backupFileName('shop', 'postgres', new Date(Date.UTC(2026, 10, d, 3))))
    const others = [backupFileName('other', 'postgres', new Date(Date.UTC(2026, 10, 1))), backupFileName('shop', 'pglite', new Date(Date.UTC(2026, 10, 1))), 'notes.txt', `${days[0]}.partial`]
    for (const name of [...days, ...others]) writeFileSync(join(dir, name), 'x')
    expect(pruneBackups(dir, 'shop', 'postgres', 2).sort()).toEqual([days[1], days[3], days[0]].sort())
    expect(listBackups(dir, 'shop', 'postgres')).toEqual([days[2], days[4]])
    expect(readdirSync(dir).sort()).toEqual([days[2], days[4], ...others].sort())
    expect(() => readBackupSettings({ BACKUP_KEEP: '0' })).toThrow(/BACKUP_KEEP must be a whole number >= 1/)
  })
})
