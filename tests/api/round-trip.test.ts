// Every seeded row of every model, the way a route returns it: read with the client → encode with
// the read schema → JSON text → valid against the OpenAPI component (ajv with formats) → decode →
// the same values the client returned.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { isDeepStrictEqual } from 'node:util'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import { parse } from 'yaml'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Decimal } from '@prisma/client/runtime/client'
import { z, type ZodObject, type ZodType } from 'zod'
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

// readSchema (generated/zod/codecs.ts) runs a read schema through a function zod's compiler built,
// and through zod's own walk only for what that function refuses. Its reference here is a clone of
// the same schema: a plain zod object, whose methods and `_zod.run` are zod's.
describe('read schemas: the compiled fast path against zod\'s own walk', () => {
  type Codec = ZodObject & { encode(v: unknown, p?: object): unknown; decode(v: unknown, p?: object): unknown; safeEncode(v: unknown): Outcome; safeDecode(v: unknown): Outcome }
  type Outcome = { success: boolean; data?: unknown; error?: { issues: unknown[] } }
  const readSchema = (model: string) => (zod as unknown as Record<string, Codec>)[`${model}Schema`]!
  const walk = (schema: Codec) => schema.clone() as Codec
  const arrays = new Map<Codec, z.ZodArray<Codec>>()

  /** What a call gave: the value (keys in order), or the issues it threw. */
  const outcome = (call: () => unknown): { value: unknown; keys?: string[] } | { issues: unknown } => {
    try {
      const value = call()
      return value !== null && typeof value === 'object' ? { value, keys: Object.keys(value) } : { value }
    } catch (error) {
      if (!(error instanceof z.ZodError)) throw error
      return { issues: error.issues }
    }
  }
  /** expect's deep equality, only where node's faster one finds a difference: ~20,000 values are compared. */
  const same = (actual: unknown, expected: unknown, where: string) => {
    if (!isDeepStrictEqual(actual, expected)) expect(actual, where).toStrictEqual(expected)
  }
  /**
   * Every way a route reaches the schema: its methods, inside a parent schema, and with options
   * (which take zod's methods: compared for the seeded rows only).
   */
  const sameAsWalk = (schema: Codec, reference: Codec, value: unknown, where: string, withOptions = false) => {
    const [inArray, referenceInArray] = [arrays.get(schema)!, arrays.get(reference)!]
    for (const way of ['encode', 'decode', 'parse'] as const) {
      same(outcome(() => schema[way](value)), outcome(() => reference[way](value)), `${where}: ${way}`)
      if (withOptions) same(outcome(() => schema[way](value, { reportInput: true })), outcome(() => reference[way](value, { reportInput: true })), `${where}: ${way} with options`)
    }
    for (const way of ['safeEncode', 'safeDecode', 'safeParse'] as const) {
      const [fast, slow] = [schema[way](value) as Outcome, reference[way](value) as Outcome]
      same({ success: fast.success, data: fast.data, issues: fast.error?.issues }, { success: slow.success, data: slow.data, issues: slow.error?.issues }, `${where}: ${way}`)
    }
    same(outcome(() => inArray.encode([value as never])), outcome(() => referenceInArray.encode([value as never])), `${where}: encode in an array`)
    same(outcome(() => inArray.decode([value as never])), outcome(() => referenceInArray.decode([value as never])), `${where}: decode in an array`)
  }

  /** Values of every kind a field may wrongly hold, client side and wire side, and edge cases of the right kind. */
  const odd: readonly unknown[] = [
    undefined, null, '', 'x', 'X'.repeat(600), 'cnotacuid', 'ABC', 'abc', '2026-13-01T00:00:00Z', '2026-01-31', '2026-01-31T09:00:00+01:00', '2026-01-31T09:00:00',
    'AAEC', 'not base64!', 0, -1, 1.5, 0.001, 99.999, 1e8, 1e12, 2147483648, -2147483649, 2 ** 53, NaN, Infinity, true, false, 10n, 2n ** 70n,
    new Date(NaN), new Date('2026-01-31T00:00:00.000Z'), new Date('+010000-01-01T00:00:00.000Z'), new Date('-000001-06-01T00:00:00.000Z'), new Date(8.64e15),
    new Decimal('0.001'), new Decimal('-1'), new Decimal('1e12'), new Decimal('12.34'), new Decimal(NaN), new Uint8Array([1, 2, 3]), {}, [], [1], { a: 1 },
  ]

  it('gives zod\'s results and zod\'s issues for every seeded row, client and JSON form, and for every odd value in every field', async () => {
    let cases = 0
    for (const { model } of fixtures) {
      const schema = readSchema(model)
      const reference = walk(schema)
      for (const s of [schema, reference]) arrays.set(s, z.array(s))
      const rows = await delegate(db, model).findMany()
      for (const row of rows) {
        sameAsWalk(schema, reference, row, `${model} ${String(row.id)}`, true)
        sameAsWalk(schema, reference, JSON.parse(JSON.stringify(schema.encode(row))), `${model} ${String(row.id)} as JSON`, true)
      }
      const [row] = rows
      if (!row) continue
      const json = schema.encode(row) as Record<string, unknown>
      for (const field of Object.keys(schema.shape)) {
        const { [field]: _, ...without } = row
        sameAsWalk(schema, reference, without, `${model}.${field} left out`)
        for (const value of odd) {
          sameAsWalk(schema, reference, { ...row, [field]: value }, `${model}.${field} = ${String(value)}`)
          sameAsWalk(schema, reference, { ...json, [field]: value }, `${model}.${field} = ${String(value)} in JSON`)
          cases += 2
        }
      }
    }
    expect(cases).toBeGreaterThan(1000)
  })

  it("takes the fast path for valid values: no field schema runs, except where zod's compiler refuses the schema", async () => {
    const walked: string[] = []
    for (const { model } of fixtures) {
      const schema = readSchema(model)
      const [row] = await delegate(db, model).findMany()
      if (!row) continue
      const json = JSON.parse(JSON.stringify(walk(schema).encode(row)))
      const fields = Object.values(schema.shape) as ZodType[]
      const runs = fields.map((field) => field._zod.run)
      let calls = 0
      fields.forEach((field, i) => (field._zod.run = (payload, ctx) => (calls++, runs[i]!(payload, ctx))))
      try {
        for (const call of [() => schema.encode(row), () => schema.decode(json), () => schema.safeEncode(row), () => z.array(schema).encode([row])]) call()
        if (calls) walked.push(model)
        calls = 0
        walk(schema).encode(row)
        expect(calls, `${model}: zod's walk runs the field schemas`).toBeGreaterThan(0)
      } finally {
        fields.forEach((field, i) => (field._zod.run = runs[i]!))
      }
    }
    // zod's compiler refuses a schema that may hold a cycle, as z.json() does (AuditLog's changes).
    expect(walked.sort()).toEqual(['AuditLog'])
  })
})
