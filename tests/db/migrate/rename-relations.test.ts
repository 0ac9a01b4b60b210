// A model rename (renamedFrom) and a `table:` change over every relation kind, on a populated
// database: the rename migration carries implicit m:n join tables (also when the A/B order flips),
// their constraints and the autoincrement sequence along, so no row is lost and the result is exactly
// what the new schema creates; its down.sql goes back to the old catalog, and up again.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { prismaEmitter } from '../../../generators/emit/prisma/emit-prisma.ts'
import type { Ir } from '../../../generators/ir/types.ts'
import { compileModels } from '../../../generators/pipeline.ts'
import { catalogOfMigrations, planRenames, planRenameSteps, writeRenameMigration } from '../../../scripts/rename-migration.ts'
import { prismaErrorLine, runPrismaCli, sqlOnlyConfig } from '../../../src/db/prisma-cli.ts'
import { deployOnSession } from '../../../src/db/migrate/deploy.ts'
import { readLocalMigrations } from '../../../src/db/migrate/migration-files.ts'
import { rollbackLatest } from '../../../src/db/migrate/rollback.ts'
import type { SqlSession } from '../../../src/db/migrate/session.ts'
import { describeSchema } from '../../helpers/schema-catalog.ts'
import { engines, migrationsFolder } from './sessions.ts'

const scratch = mkdtempSync(join(tmpdir(), 'pika-rename-relations-'))
const folders: string[] = [scratch]
afterAll(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })))

// Room has a 1:n parent (Gym), a 1:1 child (Door) and two implicit m:n (Tag, Amenity). Renamed to
// Venue, `_RoomToTag` becomes `_TagToVenue` (A and B swap) and `_AmenityToRoom` `_AmenityToVenue`.
// `extra`: a line of the Room model (renamedFrom, table).
const models = (room: string, extra = '') => `description: Rooms of gyms.
models:
  Gym:
    fields:
      id:    { type: Int, id: true, default: autoincrement() }
      name:  { type: String }
      rooms: { type: ${room}, list: true }
  ${room}:
    ${extra}
    fields:
      id:        { type: Int, id: true, default: autoincrement() }
      label:     { type: String }
      gym:       { type: Gym, relation: { fields: [gymId], references: [id] } }
      gymId:     { type: Int }
      door:      { type: Door, optional: true }
      tags:      { type: Tag, list: true }
      amenities: { type: Amenity, list: true }
  Door:
    fields:
      id:     { type: Int, id: true, default: autoincrement() }
      room:   { type: ${room}, relation: { fields: [roomId], references: [id] } }
      roomId: { type: Int, unique: true }
  Tag:
    fields:
      id:    { type: Int, id: true, default: autoincrement() }
      rooms: { type: ${room}, list: true }
  Amenity:
    fields:
      id:    { type: Int, id: true, default: autoincrement() }
      rooms: { type: ${room}, list: true }
`

function compile(name: string, yaml: string): Ir {
  const dir = join(scratch, name)
  mkdirSync(join(dir, 'models'), { recursive: true })
  writeFileSync(join(dir, 'models', 'rooms.yaml'), yaml)
  const { ir, diagnostics } = compileModels(join(dir, 'models'), dir)
  if (!ir) throw new Error(diagnostics.map((d) => d.message).join('\n'))
  return ir
}

async function schemaSqlOf(ir: Ir, name: string): Promise<string> {
  const file = join(scratch, `${name}.prisma`)
  writeFileSync(file, prismaEmitter.emit(ir)[0]!.content)
  const result = await runPrismaCli(['migrate', 'diff', '--from-empty', '--to-schema-datamodel', file, '--script'], sqlOnlyConfig())
  if (result.exitCode !== 0) throw new Error(prismaErrorLine(result))
  return result.stdout
}

const before = compile('before', models('Room'))
const after = compile('after', models('Venue', 'renamedFrom: Room'))
let sql: Promise<[string, string]> | undefined
const schemas = () => (sql ??= Promise.all([schemaSqlOf(before, 'before'), schemaSqlOf(after, 'after')]))

const populate = (roomTable: string) => `INSERT INTO "Gym" ("name") SELECT 'gym ' || g FROM generate_series(1, 3) g;
INSERT INTO "${roomTable}" ("label", "gymId") SELECT 'room ' || r, 1 + r % 3 FROM generate_series(1, 200) r;
INSERT INTO "Door" ("roomId") SELECT r FROM generate_series(1, 200, 2) r;
INSERT INTO "Tag" DEFAULT VALUES; INSERT INTO "Tag" DEFAULT VALUES; INSERT INTO "Tag" DEFAULT VALUES;
INSERT INTO "Amenity" DEFAULT VALUES; INSERT INTO "Amenity" DEFAULT VALUES;
INSERT INTO "_RoomToTag" ("A", "B") SELECT r, 1 + r % 3 FROM generate_series(1, 200) r;
INSERT INTO "_RoomToTag" ("A", "B") SELECT r, 1 + (r + 1) % 3 FROM generate_series(1, 200, 5) r;
INSERT INTO "_AmenityToRoom" ("A", "B") SELECT 1 + r % 2, r FROM generate_series(1, 200, 3) r;`
const POPULATE = populate('Room')

const pairs = async (s: SqlSession, sql: string) => (await s.query<{ p: string }>(sql)).map((r) => r.p).sort()
const catalog = (s: SqlSession) => describeSchema({ query: async (q: string) => ({ rows: await s.query(q) }) } as never)

describe('renaming a model over every relation kind', () => {
  it('plans the table, join-table and sequence renames', { timeout: 300_000 }, async () => {
    const statements = planRenames(after, await catalogOfMigrations((await schemas())[0]))
    expect(statements).toContain('ALTER TABLE "Room" RENAME TO "Venue";')
    expect(statements).toContain('ALTER TABLE "_RoomToTag" RENAME TO "_TagToVenue";')
    expect(statements).toContain('ALTER TABLE "_AmenityToRoom" RENAME TO "_AmenityToVenue";')
    expect(statements).toContain('ALTER SEQUENCE "Room_id_seq" RENAME TO "Venue_id_seq";')
  })

  describe.each(engines())('on $name', (engine) => {
    it('keeps every row and pair, ends in the schema the new models create, and rolls back and forward', { timeout: 300_000 }, async () => {
      const [oldSql, newSql] = await schemas()
      const dir = renameFolder(oldSql, planRenameSteps(after, await catalogOfMigrations(oldSql)))
      const [s, fresh] = [await engine.open(), await engine.open()]
      try {
        await deployOnSession(s, 'db', undefined, readLocalMigrations(dir).slice(0, 1))
        const oldCatalog = await catalog(s)
        await s.exec(POPULATE)
        const counts = await s.query(`SELECT (SELECT count(*) FROM "Room") AS rooms, (SELECT count(*) FROM "Door") AS doors, (SELECT count(*) FROM "Gym") AS gyms`)
        const tagPairs = await pairs(s, `SELECT "A" || '-' || "B" AS p FROM "_RoomToTag"`) // room-tag
        const amenityPairs = await pairs(s, `SELECT "A" || '-' || "B" AS p FROM "_AmenityToRoom"`) // amenity-room
        expect(tagPairs.length).toBe(240)

        const expectRenamed = async () => {
          expect(await s.query(`SELECT (SELECT count(*) FROM "Venue") AS rooms, (SELECT count(*) FROM "Door") AS doors, (SELECT count(*) FROM "Gym") AS gyms`)).toEqual(counts)
          expect(await pairs(s, `SELECT "B" || '-' || "A" AS p FROM "_TagToVenue"`)).toEqual(tagPairs) // A is now the tag
          expect(await pairs(s, `SELECT "A" || '-' || "B" AS p FROM "_AmenityToVenue"`)).toEqual(amenityPairs)
        }
        expect((await deployOnSession(s, 'db', undefined, readLocalMigrations(dir))).applied).toHaveLength(1)
        await expectRenamed()
        await deployOnSession(fresh, 'db', undefined, readLocalMigrations(freshFolder(newSql)))
        const newCatalog = await catalog(fresh)
        expect(await catalog(s)).toEqual(newCatalog)

        // down.sql: back to the old names, every row and pair where it was.
        await expect(rollbackLatest(s, new Set(), 'db', readLocalMigrations(dir))).resolves.toMatch(/^rolled back \d+_rooms_renames/)
        expect(await catalog(s)).toEqual(oldCatalog)
        expect(await s.query(`SELECT (SELECT count(*) FROM "Room") AS rooms, (SELECT count(*) FROM "Door") AS doors, (SELECT count(*) FROM "Gym") AS gyms`)).toEqual(counts)
        expect(await pairs(s, `SELECT "A" || '-' || "B" AS p FROM "_RoomToTag"`)).toEqual(tagPairs)
        expect(await pairs(s, `SELECT "A" || '-' || "B" AS p FROM "_AmenityToRoom"`)).toEqual(amenityPairs)

        // … and up again.
        await deployOnSession(s, 'db', undefined, readLocalMigrations(dir))
        await expectRenamed()
        expect(await catalog(s)).toEqual(newCatalog)
        expect(await s.query(`INSERT INTO "Venue" ("label", "gymId") VALUES ('new', 1) RETURNING "id"`)).toEqual([{ id: 201 }])
      } finally {
        await Promise.all([s.close(), fresh.close()])
      }
    })
  })
})

// `table:` changed, model name kept: the join tables (named after the models) stay as they are, the
// table, its own keys and its sequence are renamed; Prisma alone would drop and re-create the table.
describe('changing the table of a model over every relation kind', () => {
  const tableBefore = compile('table-before', models('Room', 'table: rooms'))
  const tableAfter = compile('table-after', models('Room', 'table: venues'))
  let tableSql: Promise<[string, string]> | undefined
  const tableSchemas = () => (tableSql ??= Promise.all([schemaSqlOf(tableBefore, 'table-before'), schemaSqlOf(tableAfter, 'table-after')]))

  it('plans the table, key and sequence renames, and none for a genuinely new table', { timeout: 300_000 }, async () => {
    const [oldSql] = await tableSchemas()
    const statements = planRenames(tableAfter, await catalogOfMigrations(oldSql))
    expect(statements).toContain('ALTER TABLE "rooms" RENAME TO "venues";')
    expect(statements).toContain('ALTER TABLE "venues" RENAME CONSTRAINT "rooms_pkey" TO "venues_pkey";')
    expect(statements).toContain('ALTER TABLE "venues" RENAME CONSTRAINT "rooms_gymId_fkey" TO "venues_gymId_fkey";')
    expect(statements).toContain('ALTER SEQUENCE "rooms_id_seq" RENAME TO "venues_id_seq";')
    // A model with other columns is a new table, not the old one renamed.
    const other = compile('table-other', models('Room', 'table: venues').replace('label:     { type: String }', 'title:     { type: String }'))
    expect(planRenames(other, await catalogOfMigrations(oldSql))).toEqual([])
  })

  describe.each(engines())('on $name', (engine) => {
    it('keeps every row and pair, ends in the schema the new models create, and rolls back', { timeout: 300_000 }, async () => {
      const [oldSql, newSql] = await tableSchemas()
      const dir = renameFolder(oldSql, planRenameSteps(tableAfter, await catalogOfMigrations(oldSql)))
      const [s, fresh] = [await engine.open(), await engine.open()]
      try {
        await deployOnSession(s, 'db', undefined, readLocalMigrations(dir).slice(0, 1))
        const oldCatalog = await catalog(s)
        await s.exec(populate('rooms'))
        const rooms = await s.query(`SELECT "id", "label", "gymId" FROM "rooms" ORDER BY "id"`)
        const tagPairs = await pairs(s, `SELECT "A" || '-' || "B" AS p FROM "_RoomToTag"`)
        const amenityPairs = await pairs(s, `SELECT "A" || '-' || "B" AS p FROM "_AmenityToRoom"`)
        const doors = await s.query(`SELECT "id", "roomId" FROM "Door" ORDER BY "id"`)

        await deployOnSession(s, 'db', undefined, readLocalMigrations(dir))
        expect(await s.query(`SELECT "id", "label", "gymId" FROM "venues" ORDER BY "id"`)).toEqual(rooms)
        expect(await pairs(s, `SELECT "A" || '-' || "B" AS p FROM "_RoomToTag"`)).toEqual(tagPairs)
        expect(await pairs(s, `SELECT "A" || '-' || "B" AS p FROM "_AmenityToRoom"`)).toEqual(amenityPairs)
        expect(await s.query(`SELECT "id", "roomId" FROM "Door" ORDER BY "id"`)).toEqual(doors)
        await deployOnSession(fresh, 'db', undefined, readLocalMigrations(freshFolder(newSql)))
        expect(await catalog(s)).toEqual(await catalog(fresh))
        // The foreign keys follow the table: a pair naming no venue is refused.
        await expect(s.exec(`INSERT INTO "_RoomToTag" ("A", "B") VALUES (999, 1)`)).rejects.toThrow(/foreign key/)

        await rollbackLatest(s, new Set(), 'db', readLocalMigrations(dir))
        expect(await catalog(s)).toEqual(oldCatalog)
        expect(await s.query(`SELECT "id", "label", "gymId" FROM "rooms" ORDER BY "id"`)).toEqual(rooms)
      } finally {
        await Promise.all([s.close(), fresh.close()])
      }
    })
  })
})

/** The new schema as the only migration: what a database created from the new models holds (history table included). */
function freshFolder(newSql: string): string {
  const dir = migrationsFolder({ '1_new': newSql })
  folders.push(dir)
  return dir
}

/** A migrations folder: the old schema as `1_base`, then the rename migration as db:migrate writes it. */
function renameFolder(oldSql: string, steps: Parameters<typeof writeRenameMigration>[2]): string {
  const dir = migrationsFolder({ '1_base': oldSql })
  folders.push(dir)
  expect(writeRenameMigration(dir, 'rooms', steps, new Date())).toMatch(/^\d{14}_rooms_renames$/)
  return dir
}
