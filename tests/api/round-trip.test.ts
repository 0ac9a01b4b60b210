// Every seeded row of every model, the way a route returns it: read with the client → encode with
// the read schema → JSON text → valid against the OpenAPI component (ajv with formats) → decode →
// the same values the client returned.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import { parse } from 'yaml'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ZodType } from 'zod'
import * as zod from '../../generated/zod/index.ts'
import { readFixtures, type ModelFixtures } from '../../seed/read-fixtures.ts'
import { seedDatabase } from '../../seed/seed-database.ts'
import { createTestDatabase, type TestDatabase } from '../../src/testing/test-database.ts'

const root = join(import.meta.dirname, '..', '..')
const document = parse(readFileSync(join(root, 'generated', 'openapi', 'openapi.yaml'), 'utf8'))
// multipleOfPrecision: Decimal scales are `multipleOf: 0.01`, which plain binary division gets wrong (docs/api-types.md).
const ajv = addFormats.default(new Ajv2020({ strict: true, multipleOfPrecision: 9 }), { mode: 'full' })
ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= -2147483648 && n <= 2147483647 })
ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isSafeInteger(n) })
for (const format of ['cuid', 'e164']) ajv.addFormat(format, true) // enforced by their patterns
ajv.addKeyword('components')
ajv.addSchema({ $id: 'pika', components: document.components })

type Delegate = { findMany(): Promise<Record<string, unknown>[]> }
// withDeleted: soft-deleted seed rows (gyms) round-trip too, deletedAt included.
const delegate = (db: TestDatabase, model: string) => (db.client.withDeleted as unknown as Record<string, Delegate>)[model.charAt(0).toLowerCase() + model.slice(1)]!

let db: TestDatabase
let fixtures: ModelFixtures[]
beforeAll(async () => {
  db = await createTestDatabase()
  fixtures = await readFixtures()
  await seedDatabase(db.client.driver, fixtures)
})
afterAll(() => db?.drop())

describe('client rows through the read schemas and back', () => {
  it('encodes every seeded row into JSON the OpenAPI component accepts, and decodes it into the same row', async () => {
    let rows = 0
    for (const { model } of fixtures) {
      const schema = (zod as unknown as Record<string, ZodType>)[`${model}Schema`]!
      const validate = ajv.getSchema(`pika#/components/schemas/${model}`)!
      const readFields = Object.keys(document.components.schemas[model].properties)
      for (const row of await delegate(db, model).findMany()) {
        const json = JSON.parse(JSON.stringify(schema.encode(row)))
        expect(validate(json) ? [] : validate.errors, `${model} ${String(row.id)}`).toEqual([])
        expect(Object.keys(json).sort()).toEqual([...readFields].sort())
        expect(schema.decode(json)).toEqual(Object.fromEntries(readFields.map((f) => [f, row[f]])))
        rows++
      }
    }
    expect(rows).toBe(fixtures.reduce((n, f) => n + f.rows.length, 0))
  })

  it('encodes a row read with included relations and private fields into exactly the read schema', async () => {
    const user = await db.prisma.user.findFirstOrThrow({ include: { profile: true, bookings: true }, omit: { passwordHash: false } })
    expect(user.passwordHash).toEqual(expect.any(String))
    const json = zod.UserSchema.encode(user)
    expect(Object.keys(json).sort()).toEqual(Object.keys(document.components.schemas.User.properties).sort())
    expect(json.createdAt).toBe(user.createdAt.toISOString())
  })
})
