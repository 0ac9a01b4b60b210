import { cpSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { summarize, type Summary } from './stats.ts'

export interface WatchResult {
  /** Edit saved → every changed output renamed into place, ms. */
  readonly total: Summary
  /** Median ms per stage: compile (load+validate+IR), emit, plan (compare with disk), apply (write). */
  readonly stages: Record<'compile' | 'emit' | 'plan' | 'apply', number>
  /** Files rewritten per update (median). */
  readonly changedFiles: number
  readonly editedFile: string
}

/**
 * In-process pipeline latency, standing in for a watch mode that does not exist yet: the models are
 * copied to `workDir`, one full generate warms the process up, then each run edits one model file
 * (a model description, which changes the Prisma schema, zod and OpenAPI) and times
 * compileModels → emitFiles → planOutputs → applyPlan (imported from the code under test at `root`).
 * No file watcher, debounce or process start; no incremental re-parse (that is the real --watch's).
 */
export async function measureWatchLatency(root: string, modelsSource: string, editedFile: string, workDir: string, runs: number): Promise<WatchResult> {
  const load = async <T>(path: string) => (await import(pathToFileURL(join(root, 'generators', path)).href)) as T
  const { emitters } = await load<typeof import('../generators/emit/registry.ts')>('emit/registry.ts')
  const { compileModels, emitFiles } = await load<typeof import('../generators/pipeline.ts')>('pipeline.ts')
  const { applyPlan, planOutputs } = await load<typeof import('../generators/write/write-files.ts')>('write/write-files.ts')
  const modelsDir = join(workDir, 'models')
  const outDir = join(workDir, 'out')
  cpSync(modelsSource, modelsDir, { recursive: true })
  const file = join(modelsDir, editedFile)
  const original = readFileSync(file, 'utf8')
  const anchor = original.match(/^ {4}description: (.*)$/m)
  if (!anchor) throw new Error(`${editedFile} has no model description to edit`)
  const edit = (i: number) => writeFileSync(file, original.replace(anchor[0], `    description: ${JSON.stringify(`Edited in watch run ${i}.`)}`))

  const totals: number[] = []
  const stageSamples = { compile: [] as number[], emit: [] as number[], plan: [] as number[], apply: [] as number[] }
  const changed: number[] = []
  for (let i = -2; i < runs; i++) {
    edit(i) // two warm-up updates (the first is a full cold generate)
    const t0 = performance.now()
    const result = compileModels(modelsDir, outDir)
    if (!result.ir) throw new Error(`the edited models do not compile: ${result.diagnostics[0]?.message}`)
    const t1 = performance.now()
    const files = emitFiles(result.ir, emitters)
    const t2 = performance.now()
    const plan = planOutputs(outDir, files, emitters.flatMap((e) => e.owns))
    const t3 = performance.now()
    applyPlan(outDir, plan)
    const t4 = performance.now()
    if (i < 0) continue
    if (plan.changed.length === 0) throw new Error('the edit changed no output file')
    totals.push(t4 - t0)
    stageSamples.compile.push(t1 - t0)
    stageSamples.emit.push(t2 - t1)
    stageSamples.plan.push(t3 - t2)
    stageSamples.apply.push(t4 - t3)
    changed.push(plan.changed.length)
  }
  writeFileSync(file, original)
  const median = (s: number[]) => summarize(s).median
  return {
    total: summarize(totals),
    stages: { compile: median(stageSamples.compile), emit: median(stageSamples.emit), plan: median(stageSamples.plan), apply: median(stageSamples.apply) },
    changedFiles: median(changed),
    editedFile,
  }
}
