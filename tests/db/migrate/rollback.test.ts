// db:migrate:rollback: the latest migration's down.sql runs in one transaction with the removal of its
// history row; up → down → up ends in the same catalog; a down.sql that drops data needs consent.
import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { deployOnSession } from '../../../src/db/migrate/deploy.ts'
import { readLocalMigrations } from '../../../src/db/migrate/migration-files.ts'
import { rollbackLatest } from '../../../src/db/migrate/rollback.ts'
import type { SqlSession } from '../../../src/db/migrate/session.ts'
import { describeSchema } from '../../helpers/schema-catalog.ts'
import { engines, migrationsFolder } from './sessions.ts'

const BASE = `CREATE TABLE "gym" ("id" SERIAL PRIMARY KEY, "name" TEXT NOT NULL);`
const UP = `CREATE TYPE "Level" AS ENUM ('LOW', 'HIGH');
ALTER TABLE "gym" ADD COLUMN "level" "Level" NOT NULL DEFAULT 'LOW';
CREATE TABLE "room" ("id" SERIAL PRIMARY KEY, "gymId" INT NOT NULL REFERENCES "gym" ("id"), "label" TEXT NOT NULL DEFAULT 'Room; main');
CREATE UNIQUE INDEX "room_gymId_label_key" ON "room" ("gymId", "label");`
const DOWN = `-- reverse of 2_rooms
DROP TABLE "room";
ALTER TABLE "gym" DROP COLUMN "level";
DROP TYPE "Level";`

const folders: string[] = []
afterAll(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })))

const catalog = (s: SqlSession) => describeSchema({ query: async (sql: string) => ({ rows: await s.query(sql) }) } as never)

describe.each(engines())('rollback on $name', (engine) => {
  it('up → down → up gives the same catalog, and a data-dropping down.sql needs --accept-data-loss', async () => {
    const dir = migrationsFolder({ '1_base': BASE, '2_rooms': UP })
    folders.push(dir)
    writeFileSync(join(dir, '2_rooms', 'down.sql'), DOWN)
    const s = await engine.open()
    try {
      await deployOnSession(s, 'db', undefined, readLocalMigrations(dir).slice(0, 1))
      const before = await catalog(s)
      await deployOnSession(s, 'db', undefined, readLocalMigrations(dir))
      const up = await catalog(s)
      await s.exec(`INSERT INTO "gym" ("name") VALUES ('North'); INSERT INTO "room" ("gymId") VALUES (1)`)

      await expect(rollbackIn(s, dir, [])).rejects.toThrow(/loses data: drops table room and every row in it \(1 row\(s\)\); drops column gym\.level .*\(1 row\(s\)\)\. Nothing was changed; to accept it, pass --accept-data-loss=room,gym\.level/)
      expect(await catalog(s)).toEqual(up)
      await expect(rollbackIn(s, dir, ['room', 'gym.level'])).resolves.toMatch(/rolled back 2_rooms on db/)
      expect(await catalog(s)).toEqual(before)
      expect(await s.query(`SELECT name FROM "gym"`)).toEqual([{ name: 'North' }])

      expect((await deployOnSession(s, 'db', undefined, readLocalMigrations(dir))).applied).toEqual(['2_rooms'])
      expect(await catalog(s)).toEqual(up)
    } finally {
      await s.close()
    }
  })

  it('runs a down.sql that is one CONCURRENTLY statement outside a transaction, as deploy runs its migration', async () => {
    const dir = migrationsFolder({ '1_base': BASE, '2_index': 'CREATE UNIQUE INDEX CONCURRENTLY "gym_lower_name_key" ON "gym" (lower("name"));' })
    folders.push(dir)
    writeFileSync(join(dir, '2_index', 'down.sql'), '-- reverse of 2_index\nDROP INDEX CONCURRENTLY "gym_lower_name_key";\n')
    const s = await engine.open()
    try {
      await deployOnSession(s, 'db', undefined, readLocalMigrations(dir))
      const indexes = async () => (await s.query(`SELECT indexname FROM pg_indexes WHERE tablename = 'gym' ORDER BY 1`)).map((r) => (r as { indexname: string }).indexname)
      expect(await indexes()).toContain('gym_lower_name_key')
      await expect(rollbackIn(s, dir, [])).resolves.toMatch(/rolled back 2_index on db/)
      expect(await indexes()).not.toContain('gym_lower_name_key')
    } finally {
      await s.close()
    }
  })

  it('a failing down.sql leaves the migration applied and the database as it was', async () => {
    const dir = migrationsFolder({ '1_base': BASE, '2_rooms': UP })
    folders.push(dir)
    writeFileSync(join(dir, '2_rooms', 'down.sql'), `DROP TABLE "room";\nINSERT INTO "gym" ("name") VALUES (NULL);\n`)
    const s = await engine.open()
    try {
      await deployOnSession(s, 'db', undefined, readLocalMigrations(dir))
      const up = await catalog(s)
      await expect(rollbackIn(s, dir, ['room'])).rejects.toThrow(/2_rooms\/down\.sql:2 failed: .*null value in column "name".* rolled back whole/)
      expect(await catalog(s)).toEqual(up)
    } finally {
      await s.close()
    }
  })
})

const rollbackIn = (s: SqlSession, dir: string, accepted: string[]) => rollbackLatest(s, new Set(accepted), 'db', readLocalMigrations(dir))
