// A model rename (renamedFrom) over every relation kind, on a populated database: the rename
// migration carries implicit m:n join tables (also when the A/B order flips) and the autoincrement
// sequence along, so no row is lost and the result is exactly what the new schema creates.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { prismaEmitter } from '../../../generators/emit/prisma/emit-prisma.ts'
import type { Ir } from '../../../generators/ir/types.ts'
import { compileModels } from '../../../generators/pipeline.ts'
import { catalogOfMigrations, planRenames } from '../../../scripts/rename-migration.ts'
import { prismaErrorLine, runPrismaCli, sqlOnlyConfig } from '../../../src/db/prisma-cli.ts'
import type { SqlSession } from '../../../src/db/migrate/session.ts'
import { describeSchema } from '../../helpers/schema-catalog.ts'
import { engines } from './sessions.ts'

const scratch = mkdtempSync(join(tmpdir(), 'pika-rename-relations-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

// Room has a 1:n parent (Gym), a 1:1 child (Door) and two implicit m:n (Tag, Amenity). Renamed to
// Venue, `_RoomToTag` becomes `_TagToVenue` (A and B swap) and `_AmenityToRoom` `_AmenityToVenue`.
const models = (room: string, renamedFrom = '') => `description: Rooms of gyms.
models:
  Gym:
    fields:
      id:    { type: Int, id: true, default: autoincrement() }
      name:  { type: String }
      rooms: { type: ${room}, list: true }
  ${room}:
    ${renamedFrom}
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

const POPULATE = `INSERT INTO "Gym" ("name") SELECT 'gym ' || g FROM generate_series(1, 3) g;
INSERT INTO "Room" ("label", "gymId") SELECT 'room ' || r, 1 + r % 3 FROM generate_series(1, 200) r;
INSERT INTO "Door" ("roomId") SELECT r FROM generate_series(1, 200, 2) r;
INSERT INTO "Tag" DEFAULT VALUES; INSERT INTO "Tag" DEFAULT VALUES; INSERT INTO "Tag" DEFAULT VALUES;
INSERT INTO "Amenity" DEFAULT VALUES; INSERT INTO "Amenity" DEFAULT VALUES;
INSERT INTO "_RoomToTag" ("A", "B") SELECT r, 1 + r % 3 FROM generate_series(1, 200) r;
INSERT INTO "_RoomToTag" ("A", "B") SELECT r, 1 + (r + 1) % 3 FROM generate_series(1, 200, 5) r;
INSERT INTO "_AmenityToRoom" ("A", "B") SELECT 1 + r % 2, r FROM generate_series(1, 200, 3) r;`

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
    it('keeps every row and pair, and ends in the schema the new models create', { timeout: 300_000 }, async () => {
      const [oldSql, newSql] = await schemas()
      const statements = planRenames(after, await catalogOfMigrations(oldSql))
      const [s, fresh] = [await engine.open(), await engine.open()]
      try {
        await s.exec(oldSql)
        await s.exec(POPULATE)
        const counts = await s.query(`SELECT (SELECT count(*) FROM "Room") AS rooms, (SELECT count(*) FROM "Door") AS doors, (SELECT count(*) FROM "Gym") AS gyms`)
        const tagPairs = await pairs(s, `SELECT "A" || '-' || "B" AS p FROM "_RoomToTag"`) // room-tag
        const amenityPairs = await pairs(s, `SELECT "A" || '-' || "B" AS p FROM "_AmenityToRoom"`) // amenity-room
        expect(tagPairs.length).toBe(240)

        await s.exec(`BEGIN; ${statements.join('\n')} COMMIT;`)
        expect(await s.query(`SELECT (SELECT count(*) FROM "Venue") AS rooms, (SELECT count(*) FROM "Door") AS doors, (SELECT count(*) FROM "Gym") AS gyms`)).toEqual(counts)
        expect(await pairs(s, `SELECT "B" || '-' || "A" AS p FROM "_TagToVenue"`)).toEqual(tagPairs) // A is now the tag
        expect(await pairs(s, `SELECT "A" || '-' || "B" AS p FROM "_AmenityToVenue"`)).toEqual(amenityPairs)
        expect(await s.query(`INSERT INTO "Venue" ("label", "gymId") VALUES ('new', 1) RETURNING "id"`)).toEqual([{ id: 201 }])

        await fresh.exec(newSql)
        expect(await catalog(s)).toEqual(await catalog(fresh))
      } finally {
        await Promise.all([s.close(), fresh.close()])
      }
    })
  })
})
