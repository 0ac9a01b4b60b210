// Request bodies decoded by the input schemas go straight into the client's create/update, and what
// the client stores is what the body said: Decimal, DATE, date-time and a JSON null (SQL NULL).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AuditLogCreateSchema, AuditLogSchema, CreditPackCreateSchema, CreditPackSchema, CreditPackUpdateSchema } from '../../generated/zod/index.ts'
import { createTestDatabase, type TestDatabase } from '../../src/testing/test-database.ts'

let db: TestDatabase
beforeAll(async () => {
  db = await createTestDatabase()
})
afterAll(() => db?.drop())

describe('input schemas', () => {
  it('decode a body into the data create and update take, and the stored row encodes back to it', async () => {
    const body = { name: 'Ten sessions', credits: 10, price: 99.5, validityDays: 180 }
    const created = await db.prisma.creditPack.create({ data: CreditPackCreateSchema.parse(body) })
    expect(CreditPackSchema.encode(created)).toMatchObject(body)
    const updated = await db.prisma.creditPack.update({ where: { id: created.id }, data: CreditPackUpdateSchema.parse({ price: 89.99, validityDays: null }) })
    expect(CreditPackSchema.encode(updated)).toMatchObject({ ...body, price: 89.99, validityDays: null })
  })

  it('turn a JSON null in a nullable Json column into SQL NULL', async () => {
    const data = AuditLogCreateSchema.parse({ action: 'LOGIN', entityType: 'User', entityId: 'cuser0000000000000000001', changes: null })
    const row = await db.prisma.auditLog.create({ data })
    expect(row.changes).toBeNull()
    const [stored] = await db.prisma.$queryRawUnsafe<{ isNull: boolean }[]>('SELECT changes IS NULL AS "isNull" FROM audit_logs WHERE id = $1', row.id)
    expect(stored!.isNull).toBe(true) // SQL NULL, not the JSON value null
    expect(AuditLogSchema.encode(row).changes).toBeNull()
  })

  it('refuse a body the client would refuse, before it reaches the database', () => {
    expect(CreditPackCreateSchema.safeParse({ name: 'Ten', credits: 10, price: -1 }).success).toBe(false)
    expect(CreditPackCreateSchema.safeParse({ name: 'Ten', credits: 10, price: 9.5, validityDays: undefined }).success).toBe(false) // exactOptional
  })
})
