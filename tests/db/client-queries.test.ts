// Real queries through the generated client and our adapters, on each available target, against
// the platform's own schema (applied from the committed migrations).
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Prisma } from '../../src/db/client.ts'
import { type TestDatabase, testTargets } from './test-targets.ts'

const targets = testTargets()
afterAll(() => Promise.all(targets.map((t) => t.dispose())))

const person = (email: string) => ({ email, passwordHash: 'argon2id$placeholder', firstName: 'Ana', lastName: 'Lima' })
const address = { line1: '1 Main St', city: 'Leeds', postcode: 'LS1 1AA', country: 'GB' }

describe.each(targets)('client queries on $name', (target) => {
  let db: TestDatabase
  beforeEach(async () => {
    db = await target.create()
  })
  afterEach(() => db.drop())
  const prisma = () => db.prisma

  it('creates a user with a profile in one nested write and reads it back with include', async () => {
    await prisma().user.create({ data: { ...person('ana@pika.test'), profile: { create: { bio: 'Loves rowing.', phone: '+447700900123' } } } })
    const user = await prisma().user.findUniqueOrThrow({ where: { email: 'ana@pika.test' }, include: { profile: true } })
    expect(user.profile).toMatchObject({ bio: 'Loves rowing.', phone: '+447700900123', userId: user.id })
  })

  it('applies enum defaults', async () => {
    const user = await prisma().user.create({ data: person('bo@pika.test') })
    expect(user.role).toBe('USER')
    expect(user.status).toBe('ACTIVE')
  })

  it('round-trips Decimal(10,2) exactly, and increments it without float error', async () => {
    const user = await prisma().user.create({ data: person('cy@pika.test') })
    const payment = await prisma().payment.create({ data: { userId: user.id, amount: '12345678.91', type: 'DROP_IN' } })
    const read = await prisma().payment.findUniqueOrThrow({ where: { id: payment.id } })
    expect(read.amount).toBeInstanceOf(Prisma.Decimal)
    expect(read.amount.toFixed(2)).toBe('12345678.91')
    expect(read.currency).toBe('USD')
    const bumped = await prisma().payment.update({ where: { id: payment.id }, data: { amount: { increment: '0.09' } } })
    expect(bumped.amount.toFixed(2)).toBe('12345679.00')
  })

  it('round-trips String[] and Json, and filters on both', async () => {
    const amenities = ['sauna', 'früh-schwimmen', 'a,b']
    const gym = await prisma().gym.create({ data: { name: 'Pika Central', slug: 'pika-central', address, amenities, equipment: ['rower'] } })
    const read = await prisma().gym.findUniqueOrThrow({ where: { id: gym.id } })
    expect(read.amenities).toEqual(amenities)
    expect(read.address).toEqual(address)
    expect(await prisma().gym.count({ where: { amenities: { has: 'früh-schwimmen' } } })).toBe(1)
    expect(await prisma().gym.count({ where: { address: { path: ['city'], equals: 'Leeds' } } })).toBe(1)
  })

  it('reports a unique violation as P2002', async () => {
    await prisma().user.create({ data: person('di@pika.test') })
    const duplicate = prisma().user.create({ data: person('di@pika.test') })
    await expect(duplicate).rejects.toBeInstanceOf(Prisma.PrismaClientKnownRequestError)
    await expect(duplicate).rejects.toMatchObject({ code: 'P2002' })
  })

  it('cascades deletes: a gym takes its equipment, a user takes their profile', async () => {
    const gym = await prisma().gym.create({ data: { name: 'Pika North', slug: 'pika-north', address, equipmentItems: { create: [{ name: 'Rower', category: 'CARDIO' }, { name: 'Rack', category: 'STRENGTH' }] } } })
    expect(await prisma().gymEquipment.count({ where: { gymId: gym.id } })).toBe(2)
    // Gyms are soft-deleted by the configured client (tests/db/soft-delete.test.ts); withDeleted removes the row.
    await db.client.withDeleted.gym.delete({ where: { id: gym.id } })
    expect(await prisma().gymEquipment.count({ where: { gymId: gym.id } })).toBe(0)
    const user = await prisma().user.create({ data: { ...person('ed@pika.test'), profile: { create: {} } } })
    await prisma().user.delete({ where: { id: user.id } })
    expect(await prisma().userProfile.count({ where: { userId: user.id } })).toBe(0)
  })

  it('defaults equipment to quantity 1 and AVAILABLE', async () => {
    const gym = await prisma().gym.create({ data: { name: 'Pika East', slug: 'pika-east', address } })
    const item = await prisma().gymEquipment.create({ data: { gymId: gym.id, name: 'Bike', category: 'CARDIO' } })
    expect(item).toMatchObject({ quantity: 1, status: 'AVAILABLE' })
  })

  it('moves updatedAt on update and keeps createdAt', async () => {
    const user = await prisma().user.create({ data: person('fa@pika.test') })
    await new Promise((resolve) => setTimeout(resolve, 15))
    const updated = await prisma().user.update({ where: { id: user.id }, data: { role: 'TRAINER' } })
    expect(updated.updatedAt.getTime()).toBeGreaterThan(user.updatedAt.getTime())
    expect(updated.createdAt).toEqual(user.createdAt)
  })

  it('rolls back an interactive transaction that throws', async () => {
    const failing = prisma().$transaction(async (tx) => {
      await tx.user.create({ data: person('go@pika.test') })
      throw new Error('abort')
    })
    await expect(failing).rejects.toThrow('abort')
    expect(await prisma().user.count({ where: { email: 'go@pika.test' } })).toBe(0)
  })
})
