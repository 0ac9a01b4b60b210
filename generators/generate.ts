import { existsSync } from 'node:fs'
import { relative, resolve } from 'node:path'
import { printDiagnostics } from './diagnostics/print.ts'
import type { Emitter } from './emit/emitter.ts'
import { compileModels, emitFiles } from './pipeline.ts'
import { applyPlan, planOutputs, type OutputPlan } from './write/write-files.ts'

export interface GenerateOptions {
  readonly modelsDir: string
  readonly outRoot: string
  readonly check: boolean
  readonly emitters: readonly Emitter[]
  readonly color: boolean
}

export interface GenerateOutcome {
  /** 0 written or up to date; 1 invalid models or (with check) stale outputs. */
  readonly exitCode: 0 | 1
  /** Diagnostics and stale-file lists, for stderr. */
  readonly report: string
  /** One line for stdout on success. */
  readonly summary: string
  readonly plan?: OutputPlan
  readonly modelFiles: number
}

/** One whole run: compile, emit, then write (or, with `check`, compare). Never throws on bad models. */
export function generateOnce(options: GenerateOptions): GenerateOutcome {
  const { modelsDir, outRoot } = options
  const result = compileModels(modelsDir, outRoot)
  let report = ''
  if (result.diagnostics.length) {
    const sources = new Map(result.sources.map((s) => [s.file, s.text]))
    const displayPath = (file: string) => relative(process.cwd(), resolve(modelsDir, file)) || file
    report = printDiagnostics(result.diagnostics, { sources, displayPath, color: options.color })
  }
  const modelFiles = result.sources.length
  if (!result.ir) return { exitCode: 1, report: `${report}Nothing was written.\n`, summary: '', modelFiles }
  const files = emitFiles(result.ir, options.emitters)
  const plan = planOutputs(outRoot, files, options.emitters.flatMap((e) => e.owns))
  if (options.check) {
    const stale = [
      ...plan.changed.map((f) => `  ${existsSync(resolve(outRoot, f.path)) ? 'stale  ' : 'missing'} ${f.path}`),
      ...plan.removed.map((p) => `  extra   ${p}`),
    ]
    if (stale.length === 0) return { exitCode: 0, report, summary: `Generated files are up to date (${files.length} files).`, plan, modelFiles }
    return { exitCode: 1, report: `${report}Generated files are stale; run \`npm run generate\`:\n${stale.join('\n')}\n`, summary: '', plan, modelFiles }
  }
  applyPlan(outRoot, plan)
  const summary = `${files.length} files (${plan.changed.length} changed, ${plan.removed.length} removed) from ${modelFiles} model files`
  return { exitCode: 0, report, summary, plan, modelFiles }
}
