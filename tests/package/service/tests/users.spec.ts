// A service's own test on a fresh migrated database from @pika/db/testing.
import { afterAll, expect, test } from 'vitest'
import { createTestDatabase, disposeTestTemplates } from '@pika/db/testing'
import { GymCreateSchema, UserCreateSchema } from '@pika/db/zod'

afterAll(() => disposeTestTemplates())

test('a service test gets a migrated database of its own', { timeout: 60_000 }, async () => {
  const db = await createTestDatabase()
  try {
    const input = UserCreateSchema.parse({ email: 'sam@example.com', firstName: 'Sam', lastName: 'Taylor' })
    const created = await db.prisma.user.create({ data: { ...input, passwordHash: 'argon2id-hash' } })
    expect(created.createdAt).toBeInstanceOf(Date)
    expect(await db.prisma.user.count()).toBe(1)
  } finally {
    await db.drop()
  }
})

test('a gym deleted through the installed client is soft-deleted: hidden, kept, its slug free again', { timeout: 60_000 }, async () => {
  const db = await createTestDatabase()
  try {
    const body = GymCreateSchema.parse({ name: 'Pika Central', slug: 'pika-central', address: { line1: '1 Main St', city: 'Leeds', postcode: 'LS1 1AA', country: 'GB' } })
    const gym = await db.prisma.gym.create({ data: body })
    await db.prisma.gym.delete({ where: { id: gym.id } })
    expect(await db.prisma.gym.count()).toBe(0)
    expect((await db.client.withDeleted.gym.findUniqueOrThrow({ where: { id: gym.id } })).deletedAt).toBeInstanceOf(Date)
    await db.prisma.gym.create({ data: body })
    await expect(db.prisma.gym.create({ data: body })).rejects.toMatchObject({ code: 'P2002' })
  } finally {
    await db.drop()
  }
})
