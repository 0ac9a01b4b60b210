// seedDatabase with more rows than one piece of COPY data (the fast path straight into the table and
// its fallback for rows already there), fields left out, and values that COPY's text format must
// carry unchanged, for every kind of column.
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ModelFixtures } from '../../seed/read-fixtures.ts'
import { CHUNK_ROWS, copyValue, seedDatabase } from '../../seed/seed-database.ts'
import { type TestDatabase, testTargets } from '../db/test-targets.ts'

const targets = testTargets()
afterAll(() => Promise.all(targets.map((t) => t.dispose())))

const id = (i: number) => `cbulk${String(i).padStart(20, '0')}`

/** `count` valid users; every third leaves role and the timestamps out, so they take their defaults. */
function users(count: number): ModelFixtures {
  const rows = Array.from({ length: count }, (_, i) => ({
    id: id(i),
    email: `bulk${i}@example.com`,
    passwordHash: `$argon2id$v=19$m=65536,t=3,p=4$c2VlZHNhbHQ$hash${i}`,
    firstName: 'Bulk',
    lastName: `User ${i}`,
    ...(i % 3 === 0 ? {} : { role: 'TRAINER', createdAt: '2026-01-05T09:00:00.000Z', updatedAt: '2026-01-06T09:00:00.000Z' }),
  }))
  return { model: 'User', table: 'users', conversions: { createdAt: 'DateTime', updatedAt: 'DateTime' }, sequences: [], rows }
}

const TRICKY = [
  'tab\there, line\nbreak, return\r\n',
  '\\N',
  'NULL',
  '{"a",b}, {}',
  '"quoted", comma',
  '$seed$); DROP TABLE users; --',
  'ends in $seed',
  '$seed1$ and $seed2$',
  "it's a 'quote' and a \"double\" one",
  'back\\slash \\x00 \\n',
  '$$ $ $a$ $seed',
  'é ü 🐇 日本',
  '{"not": "json"}',
]

describe.each(targets)('seeding in bulk on $name', (target) => {
  let db: TestDatabase
  beforeEach(async () => {
    db = await target.create()
  })
  afterEach(() => db.drop())

  const count = async () => db.prisma.user.count({ where: { id: { startsWith: 'cbulk' } } })

  it('inserts more rows than one batch holds; re-runs insert only what is missing', async () => {
    const fixtures = users(2 * CHUNK_ROWS + 37)
    const total = fixtures.rows.length
    expect(await seedDatabase(db.client.driver, [fixtures])).toEqual([{ model: 'User', rows: total, inserted: total }])
    expect(await count()).toBe(total)
    const defaulted = await db.prisma.user.findUniqueOrThrow({ where: { id: id(3) } })
    expect(defaulted.role).toBe('USER')
    expect(defaulted.createdAt.getTime()).toBeGreaterThan(Date.UTC(2026, 0, 7))
    const given = await db.prisma.user.findUniqueOrThrow({ where: { id: id(4) } })
    expect([given.role, given.createdAt.toISOString(), given.updatedAt.toISOString()]).toEqual(['TRAINER', '2026-01-05T09:00:00.000Z', '2026-01-06T09:00:00.000Z'])

    expect((await seedDatabase(db.client.driver, [fixtures]))[0]!.inserted).toBe(0)
    const missing = [id(5), id(CHUNK_ROWS + 5), id(total - 1)]
    await db.prisma.user.deleteMany({ where: { id: { in: missing } } })
    expect((await seedDatabase(db.client.driver, [fixtures]))[0]!.inserted).toBe(3)
    expect(await count()).toBe(total)
  })

  it('refuses two rows that share a unique value, naming both, instead of skipping one in silence', async () => {
    const fixtures = users(CHUNK_ROWS + 10)
    const original = fixtures.rows[CHUNK_ROWS + 3]!
    const clash = { ...original, id: id(999_999) } // same email, new key
    const error = await seedDatabase(db.client.driver, [{ ...fixtures, file: 'user.json', rows: [...fixtures.rows, clash] }]).then(() => undefined, (e: Error) => e)
    expect(error?.message).toMatch(/^seeding User failed, nothing was written: the fixture rows .* both have email=".*", which must be unique/)
    for (const named of [`id="${original.id}" (user.json row ${CHUNK_ROWS + 4})`, `id="${clash.id}" (user.json row ${CHUNK_ROWS + 11})`, `email="${original.email}"`]) expect(error?.message).toContain(named)
    expect(await count()).toBe(0)
  })

  it('is all or nothing when a late row fails, and names that row', async () => {
    const fixtures = users(2 * CHUNK_ROWS + 37)
    const rows = fixtures.rows.map((row, i) => (i === CHUNK_ROWS + 10 ? { ...row, firstName: null } : row))
    await expect(seedDatabase(db.client.driver, [{ ...fixtures, rows }])).rejects.toThrow(
      `seeding User (row ${CHUNK_ROWS + 11}) failed, nothing was written: null value in column "firstName"`,
    )
    expect(await count()).toBe(0)
  })

  it('names the missing key when a row points at nothing', async () => {
    const gym = { id: 'cbulkgym00000000000000002', name: 'Gym', slug: 'gym-2', address: { city: 'Leeds' } }
    const item = { id: 'cbulkitem0000000000000001', gymId: 'cnogym0000000000000000000', name: 'Rower', category: 'CARDIO', quantity: 1 }
    await expect(
      seedDatabase(db.client.driver, [
        { model: 'Gym', table: 'gyms', conversions: {}, sequences: [], rows: [gym] },
        { model: 'GymEquipment', table: 'gym_equipment', conversions: {}, sequences: [], rows: [item] },
      ]),
    ).rejects.toThrow(/seeding GymEquipment failed, nothing was written: .*foreign key.* \(Key \("?gymId"?\)=\(cnogym0+\) is not present/)
    expect(await db.prisma.gym.count({ where: { id: gym.id } })).toBe(0)
  })

  it('reads back every value exactly, whatever it contains', async () => {
    const rows = TRICKY.map((text, i) => ({ ...users(1).rows[0]!, id: id(i), email: `tricky${i}@example.com`, firstName: text, lastName: [...text].reverse().join('') }))
    const gym = { id: 'cbulkgym00000000000000001', name: TRICKY[0], slug: 'tricky', address: { line1: TRICKY[1], city: TRICKY[3], nested: { list: TRICKY, n: 1.5, ok: true, none: null } }, amenities: TRICKY, equipment: [] }
    const pack = { id: 'cbulkpack0000000000000001', name: TRICKY[2], credits: 10, price: 1234.5, validityDays: 30 }
    await seedDatabase(db.client.driver, [
      { model: 'User', table: 'users', conversions: {}, sequences: [], rows },
      { model: 'Gym', table: 'gyms', conversions: {}, sequences: [], rows: [gym] },
      { model: 'CreditPack', table: 'credit_packs', conversions: { price: 'Decimal' }, sequences: [], rows: [pack] },
    ])
    const stored = await db.prisma.user.findMany({ where: { id: { startsWith: 'cbulk' } }, orderBy: { id: 'asc' } })
    expect(stored.map((u) => [u.firstName, u.lastName])).toEqual(rows.map((r) => [r.firstName, r.lastName]))
    const storedGym = await db.prisma.gym.findUniqueOrThrow({ where: { id: gym.id } })
    expect([storedGym.name, storedGym.address, storedGym.amenities, storedGym.equipment]).toEqual([gym.name, gym.address, gym.amenities, []])
    expect((await db.prisma.creditPack.findUniqueOrThrow({ where: { id: pack.id } })).price.toString()).toBe('1234.5')
  })

  it('loads every kind of column the model language maps to, and reads it back as given', async () => {
    const sql = (text: string) => (db.client.driver as { query(sql: string): Promise<{ rows: Record<string, unknown>[] }> }).query(text)
    await sql(`CREATE TYPE seed_mood AS ENUM ('CALM', 'BUSY')`)
    await sql(`CREATE TABLE seed_kinds (id integer PRIMARY KEY, big bigint, money numeric(10,2), raw bytea, ok boolean NOT NULL DEFAULT true,
        moods seed_mood[], counts integer[], docs jsonb[], doc json, at timestamptz NOT NULL)`)
    const row = { id: 1, big: '9007199254740993', money: '12.30', raw: Buffer.from('tab\t\\x').toString('base64'), moods: ['BUSY', 'CALM'], counts: [1, -2], docs: [{ a: 'x"y' }, ['\\'], null], doc: 'just text', at: '2026-01-05T09:00:00.000Z' }
    await seedDatabase(db.client.driver, [{ model: 'Kinds', table: 'seed_kinds', conversions: { big: 'BigInt', money: 'Decimal', raw: 'Bytes', at: 'DateTime' }, sequences: [], rows: [row] }])
    const [stored] = (await sql(`SELECT big::text, money::text, encode(raw, 'base64') AS raw, ok, moods::text[] AS moods, counts, array_to_json(docs) AS docs, doc::text AS doc, to_json(at)::text AS at FROM seed_kinds`)).rows
    expect(stored).toEqual({ big: row.big, money: row.money, raw: row.raw, ok: true, moods: row.moods, counts: row.counts, docs: row.docs, doc: '"just text"', at: '"2026-01-05T09:00:00+00:00"' })
  })
})

describe('copyValue', () => {
  it('escapes what COPY reads as syntax and quotes every array element', () => {
    expect(copyValue('a\tb\nc\\d\re', 'scalar', undefined)).toBe('a\\tb\\nc\\\\d\\re')
    expect(copyValue(null, 'scalar', undefined)).toBe('\\N')
    expect(copyValue(['x', 'a "b"', 'c\\d', null], 'array', undefined)).toBe('{"x","a \\\\"b\\\\"","c\\\\\\\\d",NULL}')
    expect(copyValue('text', 'json', undefined)).toBe('"text"')
    expect(copyValue([{ a: 1 }], 'json array', undefined)).toBe('{"{\\\\"a\\\\":1}"}')
    expect(copyValue('AQID', 'scalar', 'Bytes')).toBe('\\\\x010203')
  })
})
