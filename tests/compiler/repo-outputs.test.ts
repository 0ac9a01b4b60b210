import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { emitters } from '../../generators/emit/registry.ts'
import { compileModels, emitFiles } from '../../generators/pipeline.ts'
import { planOutputs } from '../../generators/write/write-files.ts'
import { formatPrismaSchema, validatePrismaSchema } from '../helpers/prisma-schema.ts'

const root = join(import.meta.dirname, '..', '..')

describe('the platform models', () => {
  const result = compileModels(join(root, 'models'), root)
  const files = result.ir ? emitFiles(result.ir, emitters) : []

  it('compile without diagnostics', () => {
    expect(result.diagnostics.map((d) => `${d.code} ${d.location.file}:${d.location.line}:${d.location.column} ${d.message}`)).toEqual([])
  })

  it('give a Prisma schema that Prisma validates and `prisma format` leaves unchanged', () => {
    const schema = files.find((f) => f.path === 'prisma/schema.prisma')!.content
    expect(() => validatePrismaSchema(schema)).not.toThrow()
    expect(formatPrismaSchema(schema)).toBe(schema)
  })

  it('match the committed generated files (run `npm run generate` after editing models)', () => {
    const plan = planOutputs(root, files, emitters.flatMap((e) => e.owns))
    expect(plan.changed.map((f) => f.path)).toEqual([])
    expect(plan.removed).toEqual([])
  })
})
