import { readFileSync } from 'node:fs'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { parse } from 'yaml'
import type { ZodType } from 'zod'
import { HandWrittenUserCreateSchema } from './hand-written-user.ts'
import { measureOps, type OpsOptions } from './measure-ops.ts'
import type { Summary } from './stats.ts'

/** A realistic sign-up body, and one that breaks several rules at once (as a careless client sends). */
export const VALID_USER = { email: 'sam.taylor@example.com', firstName: 'Sam', lastName: 'Taylor', role: 'USER', status: 'ACTIVE' }
export const INVALID_USER = { email: 'sam.taylor(at)example', firstName: '', lastName: 'Taylor', role: 'OWNER', nickname: 'sam' }

export interface ValidationResult {
  /** ops/s by validator and payload, e.g. `generated zod / valid`. */
  readonly opsPerSecond: Record<string, Summary>
  /** Generated zod's median ops/s over hand-written zod's, per payload. */
  readonly generatedVsHandWritten: { readonly valid: number; readonly invalid: number }
  readonly notes: readonly string[]
}

/**
 * Validation throughput of `UserCreateSchema` from a generated zod folder, against the same JSON
 * Schema (`UserCreate` of the generated OpenAPI document) compiled by ajv, and a hand-written zod v4
 * schema. All three must agree on every payload before anything is timed.
 */
export async function measureValidation(zodIndex: string, openApiFile: string, options: OpsOptions): Promise<ValidationResult> {
  const generated = ((await import(zodIndex)) as Record<string, ZodType>).UserCreateSchema
  if (!generated) throw new Error(`${zodIndex} exports no UserCreateSchema`)
  const ajvValidate = compileAjv(openApiFile, 'UserCreate')
  const validators: Record<string, (payload: unknown) => boolean> = {
    'generated zod': (p) => generated.safeParse(p).success,
    'hand-written zod': (p) => HandWrittenUserCreateSchema.safeParse(p).success,
    'ajv (OpenAPI UserCreate)': (p) => ajvValidate(p) as boolean,
  }
  checkSameVerdicts(validators)
  const cases = Object.entries(validators).flatMap(([name, validate]) => [
    { name: `${name} / valid`, fn: () => validate(VALID_USER) },
    { name: `${name} / invalid`, fn: () => !validate(INVALID_USER) },
  ])
  const ops = Object.fromEntries(measureOps(cases, options))
  const ratio = (payload: string) => ops[`generated zod / ${payload}`]!.median / ops[`hand-written zod / ${payload}`]!.median
  return {
    opsPerSecond: ops,
    generatedVsHandWritten: { valid: ratio('valid'), invalid: ratio('invalid') },
    notes: [
      'safeParse for zod; ajv 2020-12 with default options (allErrors: false, so it stops at the first error while zod reports every issue).',
      `valid payload: ${JSON.stringify(VALID_USER)}; invalid payload: ${JSON.stringify(INVALID_USER)} (4 broken rules).`,
    ],
  }
}

function compileAjv(openApiFile: string, component: string) {
  const document = parse(readFileSync(openApiFile, 'utf8')) as { components: object }
  const ajv = new Ajv2020({ strict: true })
  // The generated document pairs each format with a pattern that enforces it; the names are annotations.
  for (const format of ['email', 'uri', 'uuid', 'cuid', 'e164', 'date', 'date-time']) ajv.addFormat(format, true)
  ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) && Math.abs(n) <= 2 ** 31 })
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isSafeInteger(n) })
  ajv.addKeyword('components')
  ajv.addSchema({ $id: 'pika', components: document.components })
  const validate = ajv.getSchema(`pika#/components/schemas/${component}`)
  if (!validate) throw new Error(`no component ${component} in ${openApiFile}`)
  return validate
}

/** The comparison is void if the validators do not enforce the same rules. */
function checkSameVerdicts(validators: Record<string, (payload: unknown) => boolean>): void {
  const probes: [string, unknown, boolean][] = [
    ['valid', VALID_USER, true],
    ['invalid', INVALID_USER, false],
    ['minimal', { email: 'a@b.co', firstName: 'A', lastName: 'B' }, true],
    ['bad email', { ...VALID_USER, email: 'no-at-sign' }, false],
    ['long name', { ...VALID_USER, firstName: 'x'.repeat(101) }, false],
    ['long email', { ...VALID_USER, email: `${'x'.repeat(250)}@b.co` }, false],
    ['unknown role', { ...VALID_USER, role: 'OWNER' }, false],
    ['unknown key', { ...VALID_USER, nickname: 'sam' }, false],
    ['missing lastName', { email: 'a@b.co', firstName: 'A' }, false],
  ]
  for (const [label, payload, expected] of probes) {
    for (const [name, validate] of Object.entries(validators)) {
      if (validate(payload) !== expected) throw new Error(`${name} ${expected ? 'rejects' : 'accepts'} the ${label} payload; the validators do not enforce the same rules`)
    }
  }
}
