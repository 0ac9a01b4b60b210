// A Bytes column written and read through the Prisma client, on each engine. The platform has no
// Bytes field, so the golden case's Member.avatar stands in: on PGlite, Prisma 6.19's base64 form of
// the value used to reach the bytea column as text and be refused (src/db/pglite-adapter.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openCaseDatabase, type CaseDatabase } from '../helpers/case-database.ts'

const serverUrl = process.env.TEST_DATABASE_URL?.trim()
const kinds = serverUrl ? (['pglite', 'postgres'] as const) : (['pglite'] as const)

describe.each(kinds)('a Bytes column on %s', (kind) => {
  let db: CaseDatabase
  beforeAll(async () => {
    db = await openCaseDatabase('gym-basics', kind, serverUrl)
  }, 300_000)
  afterAll(async () => {
    await db?.close()
  })

  it('stores the bytes given and returns them unchanged, a zero byte and 0xff included', async () => {
    const avatar = new Uint8Array([0, 1, 2, 127, 128, 255])
    const member = await db.prisma.member.create({ data: { id: 'cbytes0000000000000000001', email: 'bytes@example.com', displayName: 'B', passwordHash: 'x', avatar } })
    expect([...member.avatar]).toEqual([...avatar])
    const read = await db.prisma.member.findUnique({ where: { id: member.id } })
    expect([...read.avatar]).toEqual([...avatar])
    const [raw] = await db.prisma.$queryRawUnsafe(`SELECT encode(avatar, 'hex') AS hex FROM members WHERE id = 'cbytes0000000000000000001'`)
    expect(raw.hex).toBe('0001027f80ff')
  })
})
