// db:migrate computes its migration without replaying prisma/migrations: from the migrated snapshot
// (the one createTestDatabase() copies) when it must ask Prisma's CLI, and in this process, as a
// diff of two Prisma schemas, when prisma/migrations/datamodel.lock records the schema the
// migrations produce. Both must give exactly what Prisma's own replay gives, or a migration would
// come out wrong.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { readDatabaseConfig } from '../../../src/db/config.ts'
import { computeMigration, diffDown, diffUp, migrationsSource } from '../../../src/db/migrate/create.ts'
import { readDatamodelLock, writeDatamodelLock } from '../../../src/db/migrate/datamodel-lock.ts'
import { openMigratedCopy } from '../../../src/db/migrate/migrated-copy.ts'
import { ensurePGliteSnapshot, keepAsPGliteSnapshot, openSnapshotCopy } from '../../../src/db/pglite-snapshot.ts'
import type { PGlite } from '@electric-sql/pglite'
import { MIGRATIONS_DIR } from '../../../src/db/migration-history.ts'
import { SCHEMA_FILE } from '../../../src/db/schema-sql.ts'

const scratch = mkdtempSync(join(tmpdir(), 'pika-diff-snapshot-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

const schema = readFileSync(SCHEMA_FILE, 'utf8')
const config = readDatabaseConfig({ PGLITE_DIR: join(scratch, 'never-opened') })

function edit(name: string, change: (text: string) => string): string {
  const edited = change(schema)
  expect(edited).not.toBe(schema)
  const file = join(scratch, `${name}.prisma`)
  writeFileSync(file, edited)
  return file
}

describe('db:migrate diffs from the migrated snapshot', () => {
  it('give the same migration and down.sql for a one-field change as replaying the migrations', async () => {
    const file = edit('one-field', (s) => s.replace(/^model Gym \{\n/m, (line) => `${line}  nickname String?\n`))
    const snapshot = await migrationsSource(config)
    expect(snapshot.env).toBeDefined() // the embedded database does diff from the snapshot
    const [up, down] = await Promise.all([diffUp(config, snapshot, file), diffDown(config, snapshot, file)])
    const replay = { dir: 'prisma/migrations' }
    const [upReplayed, downReplayed] = await Promise.all([diffUp(config, replay, file), diffDown(config, replay, file)])

    expect(up).toMatch(/ALTER TABLE "gyms" ADD COLUMN\s+"nickname" TEXT;/)
    expect(down).toMatch(/ALTER TABLE "gyms" DROP COLUMN "nickname";/)
    expect(up).toBe(upReplayed)
    expect(down).toBe(downReplayed)
  })
})

describe('db:migrate diffs from prisma/migrations/datamodel.lock', () => {
  it("runs the schema engine build Prisma's CLI pins (the same WebAssembly)", () => {
    // After an upgrade of prisma, @prisma/schema-engine-wasm must follow: package.json pins it to this version.
    const version = (name: string) => JSON.parse(readFileSync(join('node_modules', name, 'package.json'), 'utf8')).version
    expect(version('@prisma/schema-engine-wasm')).toBe(version('@prisma/engines-version'))
    expect(readFileSync(join('node_modules', '@prisma/schema-engine-wasm', 'schema_engine_bg.wasm')).equals(readFileSync(join('node_modules', 'prisma', 'build', 'schema_engine_bg.wasm')))).toBe(true)
  })

  it('is committed for the committed migrations, and records the committed schema', () => {
    // Stale or missing, every db:migrate would replay the migrations (seconds) until one rewrites it.
    expect(readDatamodelLock(), 'run npm run db:migrate to write prisma/migrations/datamodel.lock').toBe(schema)
  })

  it('gives the same migration and down.sql as replaying the migrations, for many kinds of change at once', async () => {
    const file = edit('many', (s) =>
      s
        .replace(/^model Gym \{\n/m, (line) => `${line}  nickname String? @db.VarChar(40)\n  floors Int @default(1)\n`) // new columns
        .replace(/^  phone +String\?\n/m, '') // a dropped column (gyms.phone)
        .replace(/^( {2}stripePriceId String\?) +@unique\n(?= {2}payments +Payment\[\]\n\n {2}@@index\(\[isActive\]\)\n {2}@@map\("credit_packs"\))/m, '$1\n') // a dropped unique
        .replace(/^( {2}ip +String\? +)@db\.VarChar\(45\)/m, '$1@db.VarChar(64)') // a longer column
        .replace(/^( {2}OTHER\n\})(?=\n\n\/\/\/ Availability)/m, '  MACHINES\n$1') // a new enum value
        .replace(/^(model WaitingListEntry \{)/m, 'model GymNote {\n  id    String @id @default(cuid())\n  gymId String\n  text  String\n\n  @@index([gymId])\n  @@map("gym_notes")\n}\n\n$1'), // a new table
    )
    const copy = await openMigratedCopy(undefined)
    try {
      const fromLock = await computeMigration(config, copy.db, file)
      expect(fromLock.replayed).toBe(false)
      const replay = { dir: 'prisma/migrations' }
      const [up, down] = await Promise.all([diffUp(config, replay, file), diffDown(config, replay, file)])
      expect(up).toMatch(/ADD COLUMN\s+"nickname" VARCHAR\(40\)/)
      expect(up).toMatch(/DROP COLUMN "phone"/)
      expect(up).toMatch(/ALTER TYPE "EquipmentCategory" ADD VALUE 'MACHINES'/)
      expect(up).toMatch(/CREATE TABLE "gym_notes"/)
      expect(up).toMatch(/DROP INDEX "credit_packs_stripePriceId_key"/)
      expect(up).toMatch(/"ip" SET DATA TYPE VARCHAR\(64\)/)
      expect(fromLock.up).toBe(up)
      // An index that down.sql creates again: the replay names the key's order as introspected
      // ("stripePriceId" ASC), the schema diff leaves out the default, as migration.sql first wrote it.
      const defaultOrder = (sql: string) => sql.replace(/ ASC(?=[,)])/g, '')
      expect(down).toMatch(/"stripePriceId" ASC\)/)
      expect(fromLock.down).toBe(defaultOrder(down))
    } finally {
      await copy.db.close()
    }
  }, 120_000)

  it('is ignored once a migration is edited, added or removed, so a stale schema never makes a migration', () => {
    const dir = join(scratch, 'migrations')
    cpSync(MIGRATIONS_DIR, dir, { recursive: true })
    writeDatamodelLock('model A {}\n', dir)
    expect(readDatamodelLock(dir)).toBe('model A {}\n')

    const first = '20200101000000_extra'
    mkdirSync(join(dir, first))
    writeFileSync(join(dir, first, 'migration.sql'), 'SELECT 1;\n')
    expect(readDatamodelLock(dir)).toBeUndefined() // added
    writeDatamodelLock('model A {}\n', dir)
    writeFileSync(join(dir, first, 'migration.sql'), 'SELECT 2;\n')
    expect(readDatamodelLock(dir)).toBeUndefined() // edited
    writeDatamodelLock('model A {}\n', dir)
    rmSync(join(dir, first), { recursive: true })
    expect(readDatamodelLock(dir)).toBeUndefined() // removed
  })
})

describe("db:migrate's migrated copy, kept as the next snapshot", () => {
  /** What a database holds, as PostgreSQL renders it: columns, constraints, indexes, comments. */
  const catalog = async (db: PGlite) => {
    const rows = async (sql: string) => (await db.query<Record<string, unknown>>(sql)).rows.map((r) => JSON.stringify(r)).sort()
    return {
      columns: await rows(`SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns WHERE table_schema = 'public'`),
      constraints: await rows(`SELECT conrelid::regclass::text AS t, conname, pg_get_constraintdef(oid) AS d FROM pg_constraint WHERE connamespace = 'public'::regnamespace`),
      indexes: await rows(`SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'`),
      comments: await rows(`SELECT objoid::regclass::text AS t, objsubid, description FROM pg_description WHERE classoid = 'pg_class'::regclass`),
    }
  }

  it('holds exactly what building the snapshot from the migrations gives', async () => {
    const dir = join(scratch, 'kept-migrations')
    cpSync(MIGRATIONS_DIR, dir, { recursive: true })
    const kept = join(scratch, 'kept-cache')
    const copy = await openSnapshotCopy(await ensurePGliteSnapshot({ migrationsDir: dir, cacheDir: kept }))
    const added = 'ALTER TABLE "gyms" ADD COLUMN "nickname" VARCHAR(40);\nCREATE INDEX "gyms_nickname_idx" ON "gyms"("nickname");\nCOMMENT ON COLUMN "gyms"."nickname" IS \'Short name.\';\n'
    mkdirSync(join(dir, '20991231000000_nickname'))
    writeFileSync(join(dir, '20991231000000_nickname', 'migration.sql'), added)
    await copy.exec(added) // what db:migrate does to its copy
    await keepAsPGliteSnapshot(copy, { migrationsDir: dir, cacheDir: kept })
    await copy.close()

    const built = join(scratch, 'built-cache')
    const [fromKept, fromBuilt] = await Promise.all([
      ensurePGliteSnapshot({ migrationsDir: dir, cacheDir: kept }).then((f) => openSnapshotCopy(f)),
      ensurePGliteSnapshot({ migrationsDir: dir, cacheDir: built }).then((f) => openSnapshotCopy(f)),
    ])
    try {
      const expected = await catalog(fromBuilt)
      expect(expected.columns.some((c) => c.includes('"nickname"'))).toBe(true)
      expect(await catalog(fromKept)).toEqual(expected)
    } finally {
      await Promise.all([fromKept.close(), fromBuilt.close()])
    }
  }, 180_000)
})
