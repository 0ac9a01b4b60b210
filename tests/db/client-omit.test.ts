// The configured client is safe by default: `private` fields (password and token hashes) are in no
// result unless a query asks for them, which is also what the read schemas describe.
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { clientOmit } from '../../generated/zod/client-omit.ts'
import { UserSchema } from '../../generated/zod/index.ts'
import { compileModels } from '../../generators/pipeline.ts'
import { createTestDatabase, type TestDatabase } from '../../src/testing/test-database.ts'

const root = join(import.meta.dirname, '..', '..')
let db: TestDatabase
beforeAll(async () => {
  db = await createTestDatabase()
})
afterAll(() => db?.drop())

describe('the configured client', () => {
  it('leaves private fields out of every result unless the query asks for them', async () => {
    const created = await db.prisma.user.create({ data: { email: 'sam@example.com', firstName: 'Sam', lastName: 'Taylor', passwordHash: 'argon2id-hash' } })
    expect(created).not.toHaveProperty('passwordHash')
    const found = await db.prisma.user.findUniqueOrThrow({ where: { id: created.id } })
    // @ts-expect-error the type agrees: passwordHash is not in a default result
    expect(found.passwordHash).toBeUndefined()
    const forSignIn = await db.prisma.user.findUniqueOrThrow({ where: { id: created.id }, omit: { passwordHash: false } })
    expect(forSignIn.passwordHash).toBe('argon2id-hash')
    expect(Object.keys(UserSchema.encode(found)).sort()).toEqual(Object.keys(found).sort()) // the read schema is the default result
  })

  it('omits exactly the fields the models mark private, which no read schema has', () => {
    const { ir } = compileModels(join(root, 'models'), root)
    const privateFields = Object.fromEntries(ir!.models.flatMap((m) => {
      const names = m.fields.filter((f) => f.kind === 'stored' && f.private).map((f) => f.name)
      return names.length ? [[m.name.charAt(0).toLowerCase() + m.name.slice(1), Object.fromEntries(names.map((n) => [n, true]))]] : []
    }))
    expect(clientOmit).toEqual(privateFields)
    expect(Object.keys(privateFields).length).toBeGreaterThan(0)
  })
})
