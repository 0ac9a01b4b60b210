// A service's own test on a fresh migrated database from @pika/db/testing.
import { afterAll, expect, test } from 'vitest'
import { createTestDatabase, disposeTestTemplates } from '@pika/db/testing'
import { UserCreateSchema } from '@pika/db/zod'

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
