import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { prismaEmitter } from '../../generators/emit/prisma/emit-prisma.ts'
import { buildIr } from '../../generators/ir/build-ir.ts'
import { loadModels } from '../../generators/load/load-models.ts'
import { compileModels, emitFiles } from '../../generators/pipeline.ts'
import { validateModels } from '../../generators/validate/validate-models.ts'
import { validatePrismaSchema } from '../helpers/prisma-schema.ts'

/**
 * Every construct Prisma refuses must be refused by a language rule first, with a position, and not
 * end as "internal error" after emitting. For each rule below: the broken-model case is refused with
 * the rule's code, and with the rule's diagnostics set aside the emitted schema is one Prisma's own
 * validator refuses, so the rule is needed.
 */
const casesDir = join(import.meta.dirname, '..', 'compiler', 'diagnostics')
const scratch = mkdtempSync(join(tmpdir(), 'pika-prisma-rejections-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

const rules: [caseName: string, code: string, prismaSays: RegExp][] = [
  ['prisma-scalar-model-name', 'PIKA203', /"Bytes" is a reserved scalar type name/],
  ['unnamed-self-relation', 'PIKA505', /Ambiguous self relation detected/],
  ['two-fields-one-column', 'PIKA207', /Field "name" is already defined on model "Gym"/],
  ['constraint-name-twice', 'PIKA207', /constraint name `gym_idx` has to be unique/],
  ['native-type-out-of-range', 'PIKA306', /Expected a nonnegative integer[\s\S]*M can range from 0 to 6/],
]

/** The Prisma schema the compiler would emit if the diagnostics with `code` were not there. */
function schemaWithout(modelsDir: string, code: string): string {
  const validation = validateModels(loadModels(modelsDir).files)
  expect(validation.diagnostics.map((d) => d.code)).toContain(code)
  expect(validation.diagnostics.filter((d) => d.code !== code)).toEqual([])
  const ir = buildIr(validation, 'models')
  return emitFiles(ir, [prismaEmitter]).find((f) => f.path === 'prisma/schema.prisma')!.content
}

/** Prisma's error text for a schema it refuses, or undefined when it accepts it. */
function prismaRejection(schema: string): string | undefined {
  try {
    validatePrismaSchema(schema)
    return undefined
  } catch (error) {
    return (JSON.parse((error as Error).message) as { message: string }).message
  }
}

describe('Prisma rejections are language rules', () => {
  it.each(rules)('%s: refused as %s; without the rule Prisma refuses the schema', (caseName, code, prismaSays) => {
    const schema = schemaWithout(join(casesDir, caseName, 'models'), code)
    expect(prismaRejection(schema)).toMatch(prismaSays)
  })

  it('SetNull on a composite key with a required field is refused, although Prisma accepts the schema', () => {
    const schema = schemaWithout(join(casesDir, 'set-null-composite-required-field', 'models'), 'PIKA506')
    expect(prismaRejection(schema)).toBeUndefined()
    expect(schema).toMatch(/@relation\(fields: \[tenantId, memberId\], references: \[tenantId, id\], onDelete: SetNull\)/)
  })
})

describe('defaults Prisma wants in another form are written in that form', () => {
  function compileOne(name: string, yaml: string): string {
    const dir = join(scratch, name)
    mkdirSync(dir, { recursive: true })
    writeFileSync(join(dir, 'gym.yaml'), yaml)
    const { ir, diagnostics } = compileModels(dir, '.')
    expect(diagnostics).toEqual([])
    const schema = emitFiles(ir!, [prismaEmitter]).find((f) => f.path === 'prisma/schema.prisma')!.content
    expect(prismaRejection(schema)).toBeUndefined()
    return schema
  }
  const model = (fields: string) => `models:\n  Gym:\n    fields:\n      id: { type: String, id: true, default: cuid() }\n${fields}`

  it('a BigInt default given as a string (past 2^53) is a number to Prisma', () => {
    expect(compileOne('bigint', model('      big: { type: BigInt, default: "9007199254740993" }\n'))).toMatch(/big +BigInt +@default\(9007199254740993\)/)
  })

  it('an empty default on a Json list is `@default([])`, and a Json value stays a JSON string', () => {
    const schema = compileOne('json', model('      tags: { type: Json, list: true, default: [] }\n      meta: { type: Json, default: [1, {a: 2}] }\n'))
    expect(schema).toMatch(/tags +Json\[\] +@default\(\[\]\)/)
    expect(schema).toMatch(/meta +Json +@default\("\[1,\{\\"a\\":2\}\]"\)/)
  })
})
