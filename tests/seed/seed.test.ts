import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import { FIXTURES_DIR, readFixtures, type ModelFixtures } from '../../seed/read-fixtures.ts'
import { seedDatabase } from '../../seed/seed-database.ts'
import { type TestDatabase, testTargets } from '../db/test-targets.ts'

const targets = testTargets()
afterAll(() => Promise.all(targets.map((t) => t.dispose())))

/** Row counts of every seeded model's table. */
async function counts(db: TestDatabase, fixtures: readonly ModelFixtures[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {}
  for (const f of fixtures) {
    const [row] = await db.prisma.$queryRawUnsafe<{ n: bigint | number }[]>(`SELECT count(*) AS n FROM "${f.table}"`)
    out[f.model] = Number(row!.n)
  }
  return out
}

describe.each(targets)('seeding on $name', (target) => {
  let db: TestDatabase
  let fixtures: ModelFixtures[]
  beforeEach(async () => {
    db = await target.create()
    fixtures = await readFixtures()
  })
  afterEach(() => db.drop())

  it('loads every fixture row into a fresh database without a constraint error, and a second run changes nothing', async () => {
    const first = await seedDatabase(db.client.driver, fixtures)
    expect(first.every((r) => r.inserted === r.rows)).toBe(true)
    const expected = Object.fromEntries(fixtures.map((f) => [f.model, f.rows.length]))
    expect(await counts(db, fixtures)).toEqual(expected)
    expect(fixtures.length).toBeGreaterThan(20)

    const second = await seedDatabase(db.client.driver, fixtures)
    expect(second.map((r) => r.inserted)).toEqual(second.map(() => 0))
    expect(await counts(db, fixtures)).toEqual(expected)
  })

  it('ships the platform basics: an admin, a trainer, subscription plans, gyms with equipment, sessions with bookings', async () => {
    await seedDatabase(db.client.driver, fixtures)
    expect(await db.prisma.user.count({ where: { role: 'ADMIN' } })).toBeGreaterThanOrEqual(1)
    expect(await db.prisma.user.count({ where: { role: 'TRAINER' } })).toBeGreaterThanOrEqual(1)
    expect(await db.prisma.subscriptionPlan.count()).toBeGreaterThanOrEqual(2)
    const gyms = await db.prisma.gym.findMany({ include: { equipmentItems: true, sessions: { include: { bookings: true } } } })
    expect(gyms.length).toBeGreaterThanOrEqual(2)
    expect(gyms.some((g) => g.equipmentItems.length > 0)).toBe(true)
    expect(gyms.some((g) => g.sessions.some((s) => s.bookings.length > 0))).toBe(true)
    for (const session of await db.prisma.session.findMany()) expect(session.endTime.getTime()).toBeGreaterThan(session.startTime.getTime())
    // Gyms are soft-deleted: the seed holds deleted ones, which the configured client hides.
    const deleted = await db.client.withDeleted.gym.count({ where: { deletedAt: { not: null } } })
    expect(deleted).toBeGreaterThan(0)
    expect(await db.client.withDeleted.gym.count()).toBe(gyms.length + deleted)
  })

  it('is all or nothing: a failure in a late model leaves the database exactly as it was', async () => {
    const last = fixtures.at(-1)!
    const poisoned = [...fixtures.slice(0, -1), { ...last, rows: last.rows.map((r) => ({ ...r, userId: 'cnobody00000000000000000x' })) }]
    expect(Object.keys(last.rows[0]!)).toContain('userId')
    await expect(seedDatabase(db.client.driver, poisoned)).rejects.toThrow(new RegExp(`seeding ${last.model} failed, nothing was written: .*foreign key.*\\(Key \\(userId\\)=\\(cnobody0+x\\) is not present`))
    expect(Object.values(await counts(db, fixtures)).every((n) => n === 0)).toBe(true)
  })

  it("names both rows when a row of the database's own already holds a fixture row's unique value", async () => {
    const users = fixtures.find((f) => f.model === 'User')!
    const admin = users.rows[0]!
    // Someone signed up with the admin's email before the seed ran: same email, another id.
    const squatter = { ...admin, id: 'csquatter0000000000000001' }
    await seedDatabase(db.client.driver, [{ ...users, rows: [squatter] }])
    const failure = seedDatabase(db.client.driver, fixtures).then(() => '', (e: Error) => e.message)
    expect(await failure).toMatch(new RegExp('^' +
      `seeding User failed, nothing was written: the fixture row id="${admin.id}" (user.json row 1) has email=${JSON.stringify(admin.email)}, which the database already holds in another User row (id="csquatter0000000000000001")`.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
    )
    expect(await counts(db, fixtures)).toEqual({ ...Object.fromEntries(fixtures.map((f) => [f.model, 0])), User: 1 })
  })
})

describe('fixture files edited by hand', () => {
  function editedFixtures(file: string, edit: (json: any) => void): string {
    const dir = mkdtempSync(join(tmpdir(), 'pika-fixtures-'))
    cpSync(FIXTURES_DIR, dir, { recursive: true })
    const json = JSON.parse(readFileSync(join(dir, file), 'utf8'))
    edit(json)
    writeFileSync(join(dir, file), JSON.stringify(json))
    return dir
  }

  it('are refused before the database is touched, naming the model, row and field', async () => {
    const badEmail = editedFixtures('user.json', (json) => (json.models.User.rows[1].data.email = 'not-an-email'))
    await expect(readFixtures(badEmail)).rejects.toThrow(/user\.json, User row 2: field email must be a valid email/)
    const unknownField = editedFixtures('gym.json', (json) => (json.models.Gym.rows[0].data.colour = 'red'))
    await expect(readFixtures(unknownField)).rejects.toThrow(/gym\.json, Gym row 1: unknown field colour/)
    const badInternal = editedFixtures('user.json', (json) => (json.models.User.rows[0].internal.creditBalance = -5))
    await expect(readFixtures(badInternal)).rejects.toThrow(/User row 1: field creditBalance/)
  })

  it('are refused when not JSON at all', async () => {
    const dir = editedFixtures('gym.json', () => {})
    writeFileSync(join(dir, 'gym.json'), '{ "models": ')
    await expect(readFixtures(dir)).rejects.toThrow(/gym\.json is not valid JSON/)
  })
})
