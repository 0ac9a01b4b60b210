import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { validate as validateOpenApi } from '@readme/openapi-parser'
import { Ajv2020 } from 'ajv/dist/2020.js'
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

/** ajv for OpenAPI 3.1 schemas: strict, so a schema that is not valid JSON Schema 2020-12 fails to compile. */
function openApiAjv(document: Schema) {
  const ajv = new Ajv2020({ strict: true, allErrors: false })
  // The patterns beside each format enforce it, identically in zod; the format names are annotations here.
  for (const format of ['email', 'uri', 'uuid', 'cuid', 'e164', 'date', 'date-time']) ajv.addFormat(format, true)
  ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= -2147483648 && n <= 2147483647 })
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isSafeInteger(n) })
  ajv.addKeyword('components') // the document root is not a schema; its components are reached by $ref
  ajv.addSchema({ $id: 'pika', components: document.components })
  return ajv
}

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
      for (const { description, payload, mustReject } of cases) {
        const inZod = zodSchema.safeParse(payload).success
        const inOpenApi = validateJson(payload) as boolean
        expect({ name, description, zod: inZod }).toEqual({ name, description, zod: inOpenApi })
        if (description === 'valid') expect(inZod, `${name}: the valid payload is accepted`).toBe(true)
        if (mustReject) expect(inZod, `${name}: ${description} is rejected`).toBe(false)
        checked++
      }
    }
    expect(checked).toBeGreaterThan(50)
  })

  it('carries descriptions through unchanged, whatever characters they hold', async () => {
    const { ir } = compileModels(models, root)
    for (const model of ir!.models.filter((m) => m.description)) {
      expect(zod[`${model.name}Schema`]!.description).toBe(model.description)
      expect(schemas[model.name]!.description).toBe(model.description)
    }
  })
})
