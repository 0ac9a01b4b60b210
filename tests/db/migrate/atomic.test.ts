// Each migration is sent whole and applied in one transaction, on PGlite and on a server alike: SQL
// that a naive `;` split breaks still applies, and a failure leaves the database as it was.
import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { deployOnSession } from '../../../src/db/migrate/deploy.ts'
import { readHistory } from '../../../src/db/migrate/history-table.ts'
import { readLocalMigrations } from '../../../src/db/migrate/migration-files.ts'
import { resolveMigration } from '../../../src/db/migrate/resolve.ts'
import type { SqlSession } from '../../../src/db/migrate/session.ts'
import { migrationStatus } from '../../../src/db/migrate/status.ts'
import { engines, migrationsFolder } from './sessions.ts'

const folders: string[] = []
afterAll(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })))
const folder = (migrations: Record<string, string>) => {
  const dir = migrationsFolder(migrations)
  folders.push(dir)
  return dir
}

const SEMICOLONS = `-- A note; with a semicolon
CREATE TABLE "medication" (
  "id" SERIAL PRIMARY KEY,
  /* the label; shown on the box */
  "instructions" TEXT NOT NULL DEFAULT 'Take with food; do not crush.'
);
CREATE FUNCTION "shout"(t TEXT) RETURNS TEXT LANGUAGE plpgsql AS $$
BEGIN
  RETURN upper(t) || '!'; -- two statements; in one body
END;
$$;
INSERT INTO "medication" DEFAULT VALUES;
`

const FAILS_LAST = `CREATE TABLE "first_table" ("id" INT PRIMARY KEY);
CREATE TABLE "second_table" ("id" INT PRIMARY KEY);
INSERT INTO "first_table" VALUES (1);
ALTER TABLE "second_table" ADD COLUMN "note" TEXT NOT NULL;
INSERT INTO "second_table" ("id") VALUES (1);
`

const tableExists = async (s: SqlSession, table: string) =>
  (await s.query<{ ok: boolean }>(`SELECT to_regclass($1) IS NOT NULL AS ok`, [table]))[0]!.ok

describe.each(engines())('migrations on $name', (engine) => {
  async function withDb<T>(work: (s: SqlSession) => Promise<T>): Promise<T> {
    const s = await engine.open()
    try {
      return await work(s)
    } finally {
      await s.close()
    }
  }

  it('apply whole: ; in a string default, in -- and /* */ comments and in a $$ body', () => withDb(async (s) => {
    const local = readLocalMigrations(folder({ '1_semicolons': SEMICOLONS }))
    await deployOnSession(s, 'the test db', undefined, local)
    const [row] = await s.query<{ instructions: string; shouted: string }>(`SELECT instructions, "shout"('hi') AS shouted FROM medication`)
    expect(row).toEqual({ instructions: 'Take with food; do not crush.', shouted: 'HI!' })
    expect((await readHistory(s)).map((r) => [r.name, r.finished])).toEqual([['1_semicolons', true]])
  }))

  it('a migration failing on its last statement leaves no table, names the line, and status says so', () => withDb(async (s) => {
    const local = readLocalMigrations(folder({ '1_fails_last': FAILS_LAST }))
    await expect(deployOnSession(s, 'the test db', undefined, local)).rejects.toThrow(
      /migration 1_fails_last failed at prisma\/migrations\/1_fails_last\/migration\.sql:5: .*null.*rolled back whole, so the database is as before it/,
    )
    expect(await tableExists(s, 'first_table')).toBe(false)
    expect(await tableExists(s, 'second_table')).toBe(false)
    const status = migrationStatus(await readHistory(s), local, 'the test db')
    expect(status.upToDate).toBe(false)
    expect(status.lines[0]).toMatch(/^1_fails_last: pending; its last attempt failed and was rolled back whole \(.*migration\.sql:5: /)
    expect(status.lines.at(-1)).toBe('the test db: 0 of 1 migration(s) applied, 1 pending; apply them with npm run db:migrate:deploy')
  }))

  it('a syntax error is placed on its own line by the server position', () => withDb(async (s) => {
    const local = readLocalMigrations(folder({ '1_typo': `CREATE TABLE "a" ("id" INT);\n\nCREATE TABEL "b" ("id" INT);\n` }))
    await expect(deployOnSession(s, 'db', undefined, local)).rejects.toThrow(/migration\.sql:3: syntax error/)
    expect(await tableExists(s, 'a')).toBe(false)
  }))

  it('a fixed migration applies on the next run after a failed attempt', () => withDb(async (s) => {
    const dir = folder({ '1_fix_me': FAILS_LAST })
    await expect(deployOnSession(s, 'db', undefined, readLocalMigrations(dir))).rejects.toThrow(/failed/)
    writeFileSync(join(dir, '1_fix_me', 'migration.sql'), FAILS_LAST.replace('TEXT NOT NULL', "TEXT NOT NULL DEFAULT ''"))
    const result = await deployOnSession(s, 'db', undefined, readLocalMigrations(dir))
    expect(result.applied).toEqual(['1_fix_me'])
    expect(migrationStatus(await readHistory(s), readLocalMigrations(dir), 'db').upToDate).toBe(true)
  }))

  it('-- pika:no-transaction runs CREATE INDEX CONCURRENTLY, and a lone CONCURRENTLY statement needs no marker', () => withDb(async (s) => {
    const local = readLocalMigrations(folder({
      '1_table': 'CREATE TABLE "visit" ("id" INT PRIMARY KEY, "gym" TEXT);',
      '2_index': '-- pika:no-transaction\nCREATE INDEX CONCURRENTLY "visit_gym_idx" ON "visit" ("gym");\nCREATE INDEX CONCURRENTLY "visit_id_gym_idx" ON "visit" ("id", "gym");\n',
      '3_lone': '-- CreateIndex\nCREATE INDEX CONCURRENTLY "visit_lone_idx" ON "visit" ("gym", "id");\n', // the lint's advice, no marker
    }))
    expect(local.map((m) => m.noTransaction)).toEqual([false, true, true])
    await deployOnSession(s, 'db', undefined, local)
    for (const index of ['visit_gym_idx', 'visit_id_gym_idx', 'visit_lone_idx']) expect(await tableExists(s, index)).toBe(true)
  }))

  it('a failed no-transaction migration blocks until resolved, then --rolled-back lets it run again', () => withDb(async (s) => {
    const dir = folder({ '1_half': '-- pika:no-transaction\nCREATE TABLE "kept" ("id" INT);\nCREATE INDEX CONCURRENTLY "x" ON "missing" ("id");\n' })
    await expect(deployOnSession(s, 'db', undefined, readLocalMigrations(dir))).rejects.toThrow(/migration\.sql:3: .*after 1 of 2 statement\(s\) had been applied/)
    await expect(deployOnSession(s, 'db', undefined, readLocalMigrations(dir))).rejects.toThrow(/failed earlier on db .* db:migrate:resolve -- --rolled-back 1_half/)
    await s.exec('DROP TABLE "kept"') // the by-hand undo
    writeFileSync(join(dir, '1_half', 'migration.sql'), '-- pika:no-transaction\nCREATE TABLE "kept" ("id" INT);\nCREATE INDEX CONCURRENTLY "x" ON "kept" ("id");\n')
    await expect(resolveMigrationIn(s, dir, 'rolled-back', '1_half')).resolves.toMatch(/recorded 1_half as rolled back/)
    expect((await deployOnSession(s, 'db', undefined, readLocalMigrations(dir))).applied).toEqual(['1_half'])
  }))

  it('an applied migration edited afterwards is refused with what to do, until accepted', () => withDb(async (s) => {
    const dir = folder({ '1_edited': 'CREATE TABLE "t" ("id" INT);' })
    await deployOnSession(s, 'db', undefined, readLocalMigrations(dir))
    writeFileSync(join(dir, '1_edited', 'migration.sql'), 'CREATE TABLE "t" ("id" BIGINT);')
    await expect(deployOnSession(s, 'db', undefined, readLocalMigrations(dir))).rejects.toThrow(
      /1_edited\/migration\.sql was edited after it was applied to db; restore it .* db:migrate:resolve -- --applied 1_edited/,
    )
    expect(migrationStatus(await readHistory(s), readLocalMigrations(dir), 'db').lines[0]).toMatch(/^1_edited: applied, but migration\.sql was EDITED since/)
    await resolveMigrationIn(s, dir, 'applied', '1_edited')
    expect(migrationStatus(await readHistory(s), readLocalMigrations(dir), 'db').upToDate).toBe(true)
  }))
})

// resolveMigration reads prisma/migrations; these tests use a folder of their own.
const resolveMigrationIn = (s: SqlSession, dir: string, resolution: 'applied' | 'rolled-back', name: string) =>
  resolveMigration(s, resolution, name, readLocalMigrations(dir))
