import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse as parseYaml } from 'yaml'
import { emitters } from '../../generators/emit/registry.ts'
import { compileModels, emitFiles } from '../../generators/pipeline.ts'

/** Values that must not change type between the model and the outputs (tests/hostile/values/models). */
const { ir, diagnostics } = compileModels(join(import.meta.dirname, 'values', 'models'), '.')
const files = new Map(emitFiles(ir!, emitters).map((f) => [f.path, f.content]))
const file = (path: string) => files.get(path) ?? expect.fail(`no ${path}`)

describe('a Decimal written as a string', () => {
  it('compiles', () => expect(diagnostics).toEqual([]))

  it('is a number in fixtures, OpenAPI defaults and examples, and the Prisma default', () => {
    const fixtures = JSON.parse(file('generated/fixtures/shop.json')) as { models: { Product: { rows: { data: Record<string, unknown> }[] } } }
    expect(fixtures.models.Product.rows[0]!.data.price).toBe(19.99)
    const schemas = parseYaml(file('generated/openapi/openapi.yaml')).components.schemas
    expect(schemas.ProductCreate.properties.price).toMatchObject({ type: 'number', default: 45.5, examples: [12.3] })
    expect(file('prisma/schema.prisma')).toMatch(/price +Decimal +@default\(45\.5\) @db\.Decimal\(10, 2\)/)
  })
})

describe('deprecated', () => {
  it('marks the zod schemas, types and properties @deprecated', () => {
    const zod = file('generated/zod/shop.ts')
    expect(zod).toContain('/**\n * Sold at the desk.\n * @deprecated\n */\nexport const ProductSchema = readSchema(z.object({')
    expect(zod).toContain('/** @deprecated */\nexport type Product = z.infer<typeof ProductSchema>;')
    expect(zod).toContain('/** @deprecated */\nexport const TierSchema = z.enum(')
    expect(zod).toMatch(/ {2}\/\*\* @deprecated \*\/\n {2}fax: z\.string\(\)/)
    expect(zod.match(/@deprecated \*\/\n {2}tier/)).toBeNull()
  })
})

describe('an enum used only inside a Json shape', () => {
  it('is a zod enum but not a database type', () => {
    expect(file('generated/zod/shop.ts')).toContain("export const LabelColourSchema = z.enum(['RED', 'GREEN']);")
    expect(file('prisma/schema.prisma')).not.toMatch(/enum LabelColour/)
    expect(file('prisma/schema.prisma')).toMatch(/^enum Tier \{/m)
  })
})

describe('an autoincrement column that is not the id', () => {
  it('has a value in every fixture row (COPY cannot ask for the default), and its sequence is moved past them', () => {
    const block = (JSON.parse(file('generated/fixtures/shop.json')) as { models: { Product: { sequences?: string[]; rows: { data: Record<string, unknown>; internal: Record<string, unknown> }[] } } }).models.Product
    const tickets = block.rows.map((row) => row.internal.ticket ?? row.data.ticket)
    expect(tickets).toHaveLength(7)
    expect(tickets.every((t) => Number.isInteger(t))).toBe(true)
    expect(tickets.slice(0, 3)).toEqual([7, 9, 10])
    expect(new Set(tickets).size).toBe(7)
    expect(block.sequences).toContain('ticket')
  })
})

describe('the emitted schema', () => {
  it('is in `prisma format` order, also for @unique beside @default(autoincrement())', async () => {
    const { formatPrismaSchema } = await import('../helpers/prisma-schema.ts')
    const schema = file('prisma/schema.prisma')
    expect(schema).toMatch(/ticket +Int +@unique @default\(autoincrement\(\)\)/)
    expect(formatPrismaSchema(schema)).toBe(schema)
  })
})
