import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { syntheticModelFiles, writeSyntheticModels } from '../../bench/synthetic-models.ts'
import { compileModels } from '../../generators/pipeline.ts'

// Correctness of the benchmark's inputs, not timing: the synthetic set must be a clean, realistic
// model set, or the benchmark measures the diagnostics path instead of generation.
describe('synthetic benchmark models', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pika-bench-models-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('compiles 100 models with zero diagnostics', () => {
    writeSyntheticModels(dir, 100)
    const result = compileModels(dir, dir)
    expect(result.diagnostics.map((d) => `${d.code} ${d.location.file}:${d.location.line} ${d.message}`)).toEqual([])
    const ir = result.ir!
    expect(ir.models).toHaveLength(100)
    expect(ir.domains.length).toBeGreaterThan(5)

    const relations = ir.models.flatMap((m) => m.fields).filter((f) => f.kind === 'relation')
    expect(new Set(relations.map((r) => r.cardinality))).toEqual(new Set(['one-to-many', 'one-to-one']))
    const stored = ir.models.flatMap((m) => m.fields).filter((f) => f.kind === 'stored')
    expect(stored.some((f) => f.nativeType?.name === 'Decimal' && f.nativeType.args.join(',') === '10,2')).toBe(true)
    expect(stored.some((f) => f.type.kind === 'scalar' && f.type.scalar === 'Json' && f.type.shape)).toBe(true)
    expect(stored.some((f) => f.list)).toBe(true)
    for (const key of ['min', 'max', 'maxLength', 'pattern', 'format'] as const) expect(stored.some((f) => f.constraints[key] !== undefined), key).toBe(true)
    expect(stored.some((f) => f.mixin === 'Timestamps')).toBe(true)
    expect(ir.enums.length).toBeGreaterThan(0)
  })

  it('is deterministic and sized as asked, including a partial last domain', () => {
    expect(syntheticModelFiles(100)).toEqual(syntheticModelFiles(100))
    const result = compileModels(writeAndReturn(dir, 13), dir)
    expect(result.diagnostics).toEqual([])
    expect(result.ir!.models).toHaveLength(13)
  })
})

function writeAndReturn(dir: string, count: number): string {
  writeSyntheticModels(dir, count)
  return dir
}
