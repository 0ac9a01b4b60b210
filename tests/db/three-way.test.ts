// One rule, three enforcers: for every model of the platform and of the golden cases, the payloads
// the agreement test generates from the OpenAPI create schemas get the same verdict from zod, from
// ajv on OpenAPI and from the database (written through the Prisma client), except the rules listed
// as API-only.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { parse } from 'yaml'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ZodType } from 'zod'
import { managedSchema, type ManagedSchema } from '../../generators/emit/sql/managed-objects.ts'
import type { Ir, IrModel, IrStoredField } from '../../generators/ir/types.ts'
import { compileModels } from '../../generators/pipeline.ts'
import { PayloadFactory, type Schema } from '../helpers/payloads.ts'
import { caseExpectedDir, openCaseDatabase } from '../helpers/case-database.ts'
import { testTargets } from './test-targets.ts'

type AnyClient = Record<string, any>

const root = join(import.meta.dirname, '..', '..')

const ajv = new Ajv2020({ strict: true, multipleOfPrecision: 9 })
for (const format of ['email', 'uri', 'uuid', 'cuid', 'e164', 'date', 'date-time']) ajv.addFormat(format, true)
ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= -2147483648 && n <= 2147483647 })
ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isSafeInteger(n) })
ajv.addKeyword('components')
ajv.addKeyword('x-pika-checks')

/** One model set with its generated outputs: the platform, or a golden case's expected outputs. */
interface Suite {
  readonly name: string
  readonly ir: Ir
  readonly generated: string
  readonly schemas: Record<string, Schema>
  readonly fixtures: Record<string, { rows: { data: object; internal: object }[] }>
  readonly managed: ManagedSchema
  /** `Model.field.rule` (`Model.check.check` for a model check) of every rule the database checks. */
  readonly dbChecks: ReadonlySet<string>
  /** Fewest single-rule-broken payloads all three must refuse: proof that the suite tested something. */
  readonly minRefused: number
}

function suite(name: string, modelsDir: string, outputRoot: string, minRefused: number): Suite {
  const ir = compileModels(modelsDir, outputRoot).ir!
  const generated = join(outputRoot, 'generated')
  const document = parse(readFileSync(join(generated, 'openapi', 'openapi.yaml'), 'utf8')) as Schema
  const fixtures = Object.fromEntries(
    readdirSync(join(generated, 'fixtures'))
      .filter((f) => f.endsWith('.json') && f !== 'index.json')
      .flatMap((f) => Object.entries((JSON.parse(readFileSync(join(generated, 'fixtures', f), 'utf8')) as { models: Suite['fixtures'] }).models)),
  )
  const managed = managedSchema(ir)
  const dbChecks = new Set(managed.objects.flatMap((o) => (o.kind === 'check' ? [`${o.model}.${o.field ?? o.rule}.${o.field ? o.rule : 'check'}`] : [])))
  ajv.addSchema({ $id: name, components: document.components })
  return { name, ir, generated, schemas: document.components.schemas as Record<string, Schema>, fixtures, managed, dbChecks, minRefused }
}

/** The rule a single-rule mutation breaks, from the payload factory's description. */
const RULES: Readonly<Record<string, string>> = {
  'below minimum by one': 'min',
  'above maximum by one': 'max',
  'shorter than minLength by one': 'minLength',
  'longer than maxLength by one': 'maxLength',
  'bad format': 'format',
}

/** Rules the column's own type enforces: VarChar(n)/Char(n) lengths, SmallInt/Integer/Decimal(p,s) ranges. */
function nativeEnforces(field: IrStoredField, rule: string): boolean {
  const native = field.nativeType?.name
  if (rule === 'format') return field.type.kind === 'scalar' && field.type.scalar === 'DateTime' // a timestamp column takes only times
  if (rule === 'maxLength') return native === 'VarChar' || native === 'Char'
  if (rule === 'min' || rule === 'max') return field.type.kind === 'scalar' && (field.type.scalar === 'Int' || native === 'SmallInt' || (native === 'Decimal' && field.nativeType!.args.length > 0))
  return false
}

const suites = [
  suite('platform', join(root, 'models'), root, 100),
  ...readdirSync(join(root, 'tests', 'cases')).map((name) => suite(name, join(root, 'tests', 'cases', name, 'models'), caseExpectedDir(name), 10)),
]
const serverUrl = process.env.TEST_DATABASE_URL?.trim()

const ROLLBACK = new Error('rolled back on purpose')

/** Pairs of suite and engine: the platform on the package's test databases, each case on a database of its own. */
const runs = testTargets().flatMap((target) => suites.map((suite) => ({ name: `${suite.name} on ${target.name}`, suite, target })))

describe.each(runs)('three-way agreement: $name', ({ suite, target }) => {
  const { ir, schemas, fixtures, managed, dbChecks } = suite
  let prisma: AnyClient
  let close: () => Promise<void>
  let zod: Record<string, ZodType>
  beforeAll(async () => {
    if (suite.name === 'platform') {
      const db = await target.create()
      prisma = db.prisma as unknown as AnyClient
      close = async () => {
        await db.drop()
        await target.dispose()
      }
    } else {
      const db = await openCaseDatabase(suite.name, target.name, serverUrl)
      prisma = db.prisma
      close = db.close
    }
    zod = (await import(join(suite.generated, 'zod', 'index.ts'))) as Record<string, ZodType>
  }, 300_000)
  afterAll(async () => {
    await close?.()
  })

  /** Writes one row through the client in a transaction that is always rolled back; foreign keys are not checked. */
  async function databaseAccepts(model: IrModel, row: Record<string, unknown>): Promise<true | string> {
    const delegate = model.name.charAt(0).toLowerCase() + model.name.slice(1)
    try {
      await prisma.$transaction(async (tx: AnyClient) => {
        // Foreign keys point at rows this test does not create; CHECK constraints still apply.
        await tx.$executeRawUnsafe('SET LOCAL session_replication_role = replica')
        await (tx as unknown as Record<string, { create(args: object): Promise<unknown> }>)[delegate]!.create({ data: row })
        throw ROLLBACK
      })
    } catch (error) {
      if (error === ROLLBACK) return true
      return error instanceof Error ? error.message.replace(/\s+/g, ' ').slice(-300) : String(error)
    }
    return 'the transaction committed'
  }

  /**
   * The client's form of a wire payload (Date, Decimal, bigint): each field through its own codec where
   * its value is valid, as it is where it is not, so that the database judges the broken value itself.
   */
  function clientForm(name: string, payload: object): Record<string, unknown> {
    const shape = (zod[`${name}Schema`] as unknown as { shape: Record<string, ZodType> }).shape
    return Object.fromEntries(Object.entries(payload).map(([field, value]) => {
      const decoded = shape[field]?.safeDecode(value as never)
      return [field, decoded?.success ? decoded.data : value]
    }))
  }

  it('accepts every valid payload in all three, and refuses each broken rule in all three unless the rule is API-only', async () => {
    const factory = new PayloadFactory(schemas)
    const apiOnly: string[] = []
    let refusedByAll = 0
    for (const model of ir.models) {
      const fixture = fixtures[model.name]?.rows[0]
      const name = `${model.name}Create`
      const schema = schemas[name]!
      const validate = ajv.getSchema(`${suite.name}#/components/schemas/${name}`)!
      // Columns the create schema leaves out (read-only, private) come from the model's first fixture
      // row; a model without fixtures (no `seed:`) has none the database requires.
      const base = fixture ? clientForm(model.name, { ...fixture.internal, ...fixture.data }) : {}
      const valid = { ...base, ...clientForm(name, factory.valid(schema) as object) }
      const payload = factory.valid(schema)
      expect([zod[`${name}Schema`]!.safeParse(payload).success, validate(payload)], `${name}: valid payload`).toEqual([true, true])
      expect(await databaseAccepts(model, valid), `${model.name}: the database accepts the valid row`).toBe(true)

      for (const mutation of factory.mutations(schema)) {
        const [field, what] = mutation.breaksCheck ? ['', 'check'] : mutation.description.split(': ')
        const irField = model.fields.find((f): f is IrStoredField => f.kind === 'stored' && f.name === field)
        // `length: n` is tested as one character short or over; the model states it as `length`.
        const stated = RULES[what ?? '']
        const rule = mutation.breaksCheck ? 'check' : stated && irField?.constraints.length !== undefined && /Length$/.test(stated) ? 'length' : stated
        if (!rule || !mutation.mustReject) continue
        const key = mutation.breaksCheck ? `${model.name}.${mutation.breaksCheck}.check` : `${model.name}.${field}.${rule}`
        const expressible = dbChecks.has(key) || (irField !== undefined && nativeEnforces(irField, rule))
        const inZod = zod[`${name}Schema`]!.safeParse(mutation.payload).success
        const inOpenApi = validate(mutation.payload) as boolean
        const inDb = await databaseAccepts(model, { ...base, ...clientForm(name, mutation.payload as object) })
        expect(inZod, `${name} ${mutation.description}: zod refuses`).toBe(false)
        if (!mutation.breaksCheck) expect(inOpenApi, `${name} ${mutation.description}: OpenAPI refuses`).toBe(false)
        if (expressible) {
          expect(inDb, `${name} ${mutation.description}: the database refuses`).not.toBe(true)
          refusedByAll++
        } else {
          apiOnly.push(`${model.name}.${field} ${rule}${inDb === true ? '' : ' (the database refused it anyway)'}`)
        }
      }
    }
    expect(refusedByAll).toBeGreaterThan(suite.minRefused)
    // Every rule the database let through is one the generator lists as API-only (prisma/managed.sql's header).
    const listed = new Set(managed.apiOnly.map((r) => `${r.model}.${r.field} ${r.rule}`))
    expect(apiOnly.filter((r) => !listed.has(r.split(' (')[0]!))).toEqual([])
    if (suite.name === 'platform') expect(apiOnly.length).toBeGreaterThan(0)
  }, 600_000)
})
