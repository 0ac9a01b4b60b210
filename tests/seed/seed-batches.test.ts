// seedDatabase with more rows than one batch (several statements in flight, the fast path without
// ON CONFLICT and its fallback), and fixture text that the inlined SQL literal must carry unchanged.
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ModelFixtures } from '../../seed/read-fixtures.ts'
import { BATCH_SIZE, dollarQuote, seedDatabase } from '../../seed/seed-database.ts'
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
  '$seed$); DROP TABLE users; --',
  'ends in $seed',
  '$seed1$ and $seed2$',
  "it's a 'quote' and a \"double\" one",
  'back\\slash \\x00 \\n',
  '$$ $ $a$ $seed',
  'é ü 🐇 日本',
  '{"not": "json"}',
]

describe.each(targets)('seeding in batches on $name', (target) => {
  let db: TestDatabase
  beforeEach(async () => {
    db = await target.create()
  })
  afterEach(() => db.drop())

  const count = async () => db.prisma.user.count({ where: { id: { startsWith: 'cbulk' } } })

  it('inserts more rows than one batch holds; re-runs insert only what is missing', async () => {
    const fixtures = users(2 * BATCH_SIZE + 37)
    const total = fixtures.rows.length
    expect(await seedDatabase(db.prisma, [fixtures])).toEqual([{ model: 'User', rows: total, inserted: total }])
    expect(await count()).toBe(total)
    const defaulted = await db.prisma.user.findUniqueOrThrow({ where: { id: id(3) } })
    expect(defaulted.role).toBe('USER')
    expect(defaulted.createdAt.getTime()).toBeGreaterThan(Date.UTC(2026, 0, 7))
    const given = await db.prisma.user.findUniqueOrThrow({ where: { id: id(4) } })
    expect([given.role, given.createdAt.toISOString(), given.updatedAt.toISOString()]).toEqual(['TRAINER', '2026-01-05T09:00:00.000Z', '2026-01-06T09:00:00.000Z'])

    expect((await seedDatabase(db.prisma, [fixtures]))[0]!.inserted).toBe(0)
    const missing = [id(5), id(BATCH_SIZE + 5), id(total - 1)]
    await db.prisma.user.deleteMany({ where: { id: { in: missing } } })
    expect((await seedDatabase(db.prisma, [fixtures]))[0]!.inserted).toBe(3)
    expect(await count()).toBe(total)
  })

  it('skips a row that clashes on another unique column, as ON CONFLICT DO NOTHING does', async () => {
    const fixtures = users(BATCH_SIZE + 10)
    const clash = { ...fixtures.rows[BATCH_SIZE + 3]!, id: id(999_999) } // same email, new key
    const [report] = await seedDatabase(db.prisma, [{ ...fixtures, rows: [...fixtures.rows, clash] }])
    expect(report).toEqual({ model: 'User', rows: BATCH_SIZE + 11, inserted: BATCH_SIZE + 10 })
    expect(await db.prisma.user.findUnique({ where: { id: id(999_999) } })).toBeNull()
  })

  it('is all or nothing when a later batch fails, and names that batch', async () => {
    const fixtures = users(2 * BATCH_SIZE + 37)
    const rows = fixtures.rows.map((row, i) => (i === BATCH_SIZE + 10 ? { ...row, firstName: null } : row))
    await expect(seedDatabase(db.prisma, [{ ...fixtures, rows }])).rejects.toThrow(`seeding User (rows ${BATCH_SIZE + 1}-${2 * BATCH_SIZE}) failed, nothing was written`)
    expect(await count()).toBe(0)
  })

  it('reads back every value exactly, whatever it contains', async () => {
    const rows = TRICKY.map((text, i) => ({ ...users(1).rows[0]!, id: id(i), email: `tricky${i}@example.com`, firstName: text, lastName: [...text].reverse().join('') }))
    const gym = { id: 'cbulkgym00000000000000001', name: TRICKY[0], slug: 'tricky', address: { line1: TRICKY[1], city: TRICKY[3], nested: { list: TRICKY, n: 1.5, ok: true, none: null } }, amenities: TRICKY, equipment: [] }
    const pack = { id: 'cbulkpack0000000000000001', name: TRICKY[2], credits: 10, price: 1234.5, validityDays: 30 }
    await seedDatabase(db.prisma, [
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

  it('dollarQuote gives back exactly its text, for any text', async () => {
    for (const text of [...TRICKY, '', '$', '$seed', 'x$seed', '$seed$', '$seed$$seed1$$seed2', "'; SELECT 1; --"]) {
      const [row] = await db.prisma.$queryRawUnsafe<{ v: string }[]>(`SELECT ${dollarQuote(text)}::text AS v`)
      expect(row!.v).toBe(text)
    }
  })
})

describe('dollarQuote', () => {
  it('picks a tag whose $tag occurs nowhere in the text', () => {
    expect(dollarQuote('abc')).toBe('$seed$abc$seed$')
    expect(dollarQuote('ends in $seed')).toBe('$seed1$ends in $seed$seed1$')
    expect(dollarQuote('$seed$ $seed1')).toBe('$seed2$$seed$ $seed1$seed2$')
  })
})
