// The database's side of "formats mean what they say": the calendar-impossible values zod and the
// OpenAPI document refuse (tests/api/zod-openapi.test.ts) are refused by PostgreSQL too, and the
// hard valid ones zod accepts are stored as the same instant.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createTestDatabase, type TestDatabase } from '../../src/testing/test-database.ts'

const IMPOSSIBLE = {
  timestamptz: ['2026-13-45T09:00:00Z', '2026-02-30T09:00:00Z', '2025-02-29T09:00:00Z', '2026-04-31T09:00:00Z', '2026-01-31T09:60:00Z', '2026-01-31T99:00:00Z'],
  date: ['2026-13-01', '2026-02-30', '2025-02-29', '1900-02-29', '2026-04-31', '2026-00-10'],
}
const VALID = {
  timestamptz: ['2024-02-29T23:59:59.999+05:30', '2000-02-29T00:00:00Z', '2026-12-31T23:59:59-12:00'],
  date: ['2024-02-29', '2000-02-29', '2026-12-31'],
}
const ZOD = { timestamptz: z.iso.datetime({ offset: true }), date: z.iso.date() }

let db: TestDatabase
/** Straight to PostgreSQL (pg pool or PGlite: both take query(sql, params)), no client in between. */
const select = (type: string, value: string) =>
  (db.client.driver as unknown as { query(sql: string, params: unknown[]): Promise<{ rows: { v: Date }[] }> }).query(`SELECT $1::${type} AS v`, [value])
beforeAll(async () => {
  db = await createTestDatabase()
})
afterAll(() => db?.drop())

describe.each(['timestamptz', 'date'] as const)('a %s column', (type) => {
  it('refuses the values zod refuses as impossible', async () => {
    for (const value of IMPOSSIBLE[type]) {
      expect(ZOD[type].safeParse(value).success, value).toBe(false)
      await expect(select(type, value), value).rejects.toThrow(/out of range|invalid input syntax/)
    }
  })

  it('keeps the valid ones zod accepts, as the instant zod decodes', async () => {
    for (const value of VALID[type]) {
      expect(ZOD[type].safeParse(value).success, value).toBe(true)
      const [row] = (await select(type, value)).rows
      expect(row!.v.toISOString(), value).toBe(new Date(type === 'date' ? `${value}T00:00:00Z` : value).toISOString())
    }
  })
})
