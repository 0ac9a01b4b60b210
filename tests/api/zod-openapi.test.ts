import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { validate as validateOpenApi } from '@readme/openapi-parser'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import { parse } from 'yaml'
import { beforeAll, describe, expect, it } from 'vitest'
import type { ZodType } from 'zod'
import { compileModels } from '../../generators/pipeline.ts'
import { PayloadFactory, type Schema } from '../helpers/payloads.ts'

/** Generated sets to check: the golden case, and the platform's own models once generated. */
const repoRoot = join(import.meta.dirname, '..', '..')
const outputs = [
  { name: 'golden case gym-basics', root: join(repoRoot, 'tests', 'cases', 'gym-basics', 'expected'), models: join(repoRoot, 'tests', 'cases', 'gym-basics', 'models') },
  { name: 'the platform models', root: repoRoot, models: join(repoRoot, 'models') },
]

/**
 * ajv for OpenAPI 3.1 schemas: strict, so a schema that is not valid JSON Schema 2020-12 fails to
 * compile; with ajv-formats' full checks of the standard formats, as a service would validate.
 */
function openApiAjv(document: Schema) {
  // multipleOfPrecision: Decimal scales are `multipleOf: 0.01`, which plain binary division gets wrong (65.13 / 0.01).
  const ajv = addFormats.default(new Ajv2020({ strict: true, allErrors: false, multipleOfPrecision: 9 }), { mode: 'full' })
  for (const format of ['cuid', 'e164']) ajv.addFormat(format, true) // the language's own: their patterns enforce them
  ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= -2147483648 && n <= 2147483647 })
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isSafeInteger(n) })
  ajv.addKeyword('components') // the document root is not a schema; its components are reached by $ref
  ajv.addKeyword('x-pika-checks') // model checks: JSON Schema cannot compare two properties (zod and the database enforce them)
  ajv.addSchema({ $id: 'pika', components: document.components })
  return ajv
}

/** Values no calendar, clock or address has, and valid ones a careless check gets wrong. */
const FORMAT_CASES: Record<string, { impossible: string[]; valid: string[] }> = {
  'date-time': {
    impossible: ['2026-13-45T99:99Z', '2026-02-30T09:00:00Z', '2025-02-29T09:00:00Z', '2026-04-31T09:00:00Z', '2026-01-31T24:00:00Z', '2026-01-31T09:60:00Z', '2026-01-31T09:00:61Z', '2026-01-31T09:00:00+24:00', '2026-01-31T09:00Z', '2026-01-31 09:00:00Z', '2026-01-31T09:00:00'],
    valid: ['2024-02-29T23:59:59.999+05:30', '2000-02-29T00:00:00Z', '2026-12-31T23:59:59-12:00'],
  },
  date: {
    impossible: ['2026-13-01', '2026-00-10', '2026-02-30', '2025-02-29', '1900-02-29', '2026-04-31', '2026-1-5', '2026-01-31T00:00:00Z'],
    valid: ['2024-02-29', '2000-02-29', '2026-12-31'],
  },
  email: {
    impossible: ['no-at-sign.example.com', 'a@@example.com', 'a..b@example.com', '.a@example.com', 'a@example', 'a b@example.com', 'a@-example.com'],
    valid: ['sam.taylor+gym@example.co.uk', "o'neil@example.com"],
  },
  uuid: {
    impossible: ['123e4567-e89b-42d3-a456-42661417400', '123e4567-e89b-42d3-a456-4266141740000', 'g23e4567-e89b-42d3-a456-426614174000', '123e4567e89b42d3a456426614174000', 'urn:uuid:123e4567-e89b-42d3-a456-426614174000'],
    valid: ['123e4567-e89b-12d3-a456-426614174000', '00000000-0000-0000-0000-000000000000'],
  },
  uri: {
    impossible: ['not a url', 'https://', 'https://exa mple.com', 'ftp://example.com/file', 'https://[::1/x', '//example.com/a'],
    valid: ['https://example.com/a?b=c#d', 'http://localhost:8080/x'],
  },
}
/** The formats each model set uses (the golden case, then the platform), so none goes untested. */
const FORMATS_OF = [['date', 'date-time', 'email', 'uri', 'uuid'], ['date', 'date-time', 'email', 'uri']]

describe.each(outputs)('API schemas of $name', ({ root, models }) => {
  const document = parse(readFileSync(join(root, 'generated', 'openapi', 'openapi.yaml'), 'utf8')) as Schema
  const schemas = document.components.schemas as Record<string, Schema>
  let zod: Record<string, ZodType>

  beforeAll(async () => {
    zod = (await import(join(root, 'generated', 'zod', 'index.ts'))) as Record<string, ZodType>
  })

  it('is a valid OpenAPI 3.1 document', async () => {
    const result = await validateOpenApi(structuredClone(document) as never)
    expect(result.valid ? [] : result.errors).toEqual([])
  })

  it('has a valid JSON Schema 2020-12 for every component, and the same components as zod', () => {
    const ajv = openApiAjv(document)
    for (const name of Object.keys(schemas)) {
      expect(() => ajv.getSchema(`pika#/components/schemas/${name}`), name).not.toThrow()
      expect(zod[`${name}Schema`], `${name}Schema is exported by zod`).toBeDefined()
    }
  })

  it('gives the same verdict in zod and OpenAPI on valid and broken payloads of every schema', () => {
    const ajv = openApiAjv(document)
    const factory = new PayloadFactory(schemas)
    let checked = 0
    for (const [name, schema] of Object.entries(schemas)) {
      if (schema.type !== 'object') continue
      const validateJson = ajv.getSchema(`pika#/components/schemas/${name}`)!
      const zodSchema = zod[`${name}Schema`]!
      const cases = [{ description: 'valid', payload: factory.valid(schema), mustReject: false }, ...factory.mutations(schema)]
      for (const { description, payload, mustReject, breaksCheck } of cases) {
        const inZod = zodSchema.safeParse(payload).success
        const inOpenApi = validateJson(payload) as boolean
        // A model check compares two fields: zod enforces it, JSON Schema cannot (the one known gap).
        if (breaksCheck) expect({ name, description, zod: inZod, openApi: inOpenApi }).toEqual({ name, description, zod: false, openApi: true })
        else expect({ name, description, zod: inZod }).toEqual({ name, description, zod: inOpenApi })
        if (description === 'valid') expect(inZod, `${name}: the valid payload is accepted`).toBe(true)
        if (mustReject) expect(inZod, `${name}: ${description} is rejected`).toBe(false)
        checked++
      }
    }
    expect(checked).toBeGreaterThan(50)
  })

  it('rejects impossible values of every format in zod and OpenAPI alike, and accepts the hard valid ones', () => {
    const ajv = openApiAjv(document)
    const factory = new PayloadFactory(schemas)
    const seen = new Set<string>()
    for (const [name, schema] of Object.entries(schemas)) {
      if (schema.type !== 'object' || !schema.properties) continue
      // A field a model check compares (endTime > startTime) would also break the check, which only zod
      // can see; the format is judged on the other fields of that format.
      const checked = new Set((schema['x-pika-checks'] ?? []).flatMap((c: { rule: string }) => c.rule.split(/\s+/)))
      for (const [field, property] of Object.entries(schema.properties as Record<string, Schema>)) {
        const cases = FORMAT_CASES[property.format]
        if (!cases || checked.has(field)) continue
        seen.add(property.format)
        const validateJson = ajv.getSchema(`pika#/components/schemas/${name}`)!
        const valid = factory.valid(schema) as Record<string, unknown>
        for (const [value, accepted] of [...cases.impossible.map((v) => [v, false] as const), ...cases.valid.map((v) => [v, true] as const)]) {
          const payload = { ...valid, [field]: value }
          const verdicts = { zod: zod[`${name}Schema`]!.safeParse(payload).success, openapi: validateJson(payload) }
          expect({ name, field, value, ...verdicts }).toEqual({ name, field, value, zod: accepted, openapi: accepted })
        }
      }
    }
    expect([...seen].sort()).toEqual(FORMATS_OF[models === outputs[0]!.models ? 0 : 1])
  })

  it('carries descriptions through unchanged, whatever characters they hold', async () => {
    const { ir } = compileModels(models, root)
    for (const model of ir!.models.filter((m) => m.description)) {
      expect(zod[`${model.name}Schema`]!.description).toBe(model.description)
      expect(schemas[model.name]!.description).toBe(model.description)
    }
  })
})
