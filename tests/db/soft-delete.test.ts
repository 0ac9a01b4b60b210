// Soft deletion (Gym has `softDelete: true`): the configured client hides deleted rows and turns
// delete into an update; `withDeleted` sees every row and deletes for real; the database keeps the
// slug unique among live rows only (a partial unique index), whoever writes.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { GymCreateSchema, GymSchema } from '../../generated/zod/index.ts'
import { Prisma } from '../../src/db/client.ts'
import { testTargets, type TestDatabase } from './test-targets.ts'

const address = { line1: '1 Main St', city: 'Leeds', postcode: 'LS1 1AA', country: 'GB' }

describe.each(testTargets())('soft delete on $name', (target) => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await target.create()
  }, 300_000)
  afterAll(async () => {
    await db?.drop()
    await target.dispose()
  })
  const prisma = () => db.prisma
  const all = () => db.client.withDeleted
  let n = 0
  const gym = (slug: string) => prisma().gym.create({ data: { name: `Gym ${++n}`, slug, address } })

  it('delete marks the row deleted and returns it; the row stays in the table', async () => {
    const created = await gym('soft-one')
    const deleted = await prisma().gym.delete({ where: { id: created.id } })
    expect(deleted).toMatchObject({ id: created.id, slug: 'soft-one' })
    expect(deleted.deletedAt).toBeInstanceOf(Date)
    const [row] = await all().$queryRaw<{ deletedAt: Date | null }[]>`SELECT "deletedAt" FROM gyms WHERE id = ${created.id}`
    expect(row?.deletedAt).toBeInstanceOf(Date)
  })

  it('hides deleted rows from findMany, findFirst, findUnique, count and aggregate', async () => {
    const live = await gym('hide-live')
    const gone = await gym('hide-gone')
    await prisma().gym.delete({ where: { id: gone.id } })
    const slugs = { slug: { in: ['hide-live', 'hide-gone'] } }
    expect((await prisma().gym.findMany({ where: slugs })).map((g) => g.id)).toEqual([live.id])
    expect(await prisma().gym.findUnique({ where: { id: gone.id } })).toBeNull()
    await expect(prisma().gym.findUniqueOrThrow({ where: { id: gone.id } })).rejects.toMatchObject({ code: 'P2025' })
    expect(await prisma().gym.findFirst({ where: { slug: 'hide-gone' } })).toBeNull()
    expect(await prisma().gym.count({ where: slugs })).toBe(1)
    expect((await prisma().gym.aggregate({ where: slugs, _count: { _all: true } }))._count._all).toBe(1)
    // Inside a transaction too.
    expect(await prisma().$transaction((tx) => tx.gym.count({ where: slugs }))).toBe(1)
  })

  it('shows deleted rows when asked: a where on deletedAt, or the withDeleted client', async () => {
    const gone = await gym('asked-gone')
    await prisma().gym.delete({ where: { id: gone.id } })
    expect((await prisma().gym.findMany({ where: { slug: 'asked-gone', deletedAt: { not: null } } })).map((g) => g.id)).toEqual([gone.id])
    expect(await all().gym.findUnique({ where: { id: gone.id } })).toMatchObject({ id: gone.id, deletedAt: expect.any(Date) })
    expect(await all().gym.count({ where: { slug: 'asked-gone' } })).toBe(1)
  })

  it('deleteMany marks the live matching rows and counts them; a deleted row cannot be deleted again', async () => {
    const a = await gym('many-a')
    await gym('many-b')
    await prisma().gym.delete({ where: { id: a.id } })
    expect(await prisma().gym.deleteMany({ where: { slug: { startsWith: 'many-' } } })).toEqual({ count: 1 })
    expect(await all().gym.count({ where: { slug: { startsWith: 'many-' }, deletedAt: { not: null } } })).toBe(2)
    await expect(prisma().gym.delete({ where: { id: a.id } })).rejects.toMatchObject({ code: 'P2025' })
    // In a transaction, delete is the same update.
    const c = await gym('many-c')
    await prisma().$transaction((tx) => tx.gym.delete({ where: { id: c.id } }))
    expect(await all().gym.findUnique({ where: { id: c.id } })).toMatchObject({ deletedAt: expect.any(Date) })
  })

  it('a new row may reuse a deleted row\'s unique slug, but not a live row\'s: the database refuses', async () => {
    const old = await gym('reused')
    await prisma().gym.delete({ where: { id: old.id } })
    const again = await gym('reused')
    expect(again.id).not.toBe(old.id)
    const duplicate = gym('reused')
    await expect(duplicate).rejects.toBeInstanceOf(Prisma.PrismaClientKnownRequestError)
    await expect(duplicate).rejects.toMatchObject({ code: 'P2002' })
    // Any writer: plain SQL meets the same partial unique index.
    const raw = all().$executeRawUnsafe(`INSERT INTO gyms (id, name, slug, address, "updatedAt") VALUES ('c${'9'.repeat(24)}', 'Raw', 'reused', '{}', now())`)
    await expect(raw).rejects.toMatchObject({ code: 'P2010' })
    await expect(raw).rejects.toThrow(/gyms_slug_partial_key/)
    // Restoring the deleted row while its slug is taken is refused too.
    await expect(all().gym.update({ where: { id: old.id }, data: { deletedAt: null } })).rejects.toMatchObject({ code: 'P2002' })
  })

  it('leaves related rows alone: equipment of a deleted gym stays and still includes its (deleted) gym', async () => {
    const g = await prisma().gym.create({ data: { name: 'Related', slug: 'related', address, equipmentItems: { create: [{ name: 'Rower', category: 'CARDIO' }] } } })
    await prisma().gym.delete({ where: { id: g.id } })
    const item = await prisma().gymEquipment.findFirst({ where: { gymId: g.id }, include: { gym: true } })
    expect(item?.gym).toMatchObject({ id: g.id, deletedAt: expect.any(Date) })
    expect(await prisma().gym.findUnique({ where: { id: g.id }, include: { equipmentItems: true } })).toBeNull()
    // The withDeleted client deletes for real, and the foreign keys cascade.
    await all().gym.delete({ where: { id: g.id } })
    expect(await prisma().gymEquipment.count({ where: { gymId: g.id } })).toBe(0)
  })
})

describe('soft delete in the generated outputs', () => {
  it('the read schema shows deletedAt (null while live); create inputs do not take it', () => {
    expect(GymSchema.shape.deletedAt.safeParse(null).success).toBe(true)
    expect(GymSchema.shape.deletedAt.safeParse('2026-01-06T14:00:00Z').success).toBe(true)
    expect('deletedAt' in GymCreateSchema.shape).toBe(false)
  })

  it('the fixtures hold deleted gyms beside live ones', () => {
    const fixtures = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'generated', 'fixtures', 'gym.json'), 'utf8')) as { models: { Gym: { rows: { internal: { deletedAt?: string } }[] } } }
    const deleted = fixtures.models.Gym.rows.filter((r) => r.internal.deletedAt !== undefined)
    expect(deleted.length).toBeGreaterThan(0)
    expect(deleted.length).toBeLessThan(fixtures.models.Gym.rows.length)
  })
})
