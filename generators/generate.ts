import { existsSync } from 'node:fs'
import { basename, relative, resolve } from 'node:path'
import type { Emitter } from './emit/emitter.ts'
import type { ParseCache } from './load/load-models.ts'
import { PrismaSchemaCheck } from './prisma-check.ts'
import { cacheFolder } from './cache/cache-home.cjs'
import { generatorFingerprint, outputKey, readCachedOutput, writeCachedOutput, type CachedOutput } from './cache/output-cache.ts'
import { PACKAGE_ROOT } from './package-files.ts'
import { OutputLockTimeout, withOutputLock } from './write/output-lock.ts'
import { applyPlan, hasInterruptedWrite, planOutputs, recoverInterruptedWrite, type OutputPlan } from './write/write-files.ts'

export interface GenerateOptions {
  readonly modelsDir: string
  readonly outRoot: string
  readonly check: boolean
  /** Defaults to every registered emitter, loaded only when the cache misses. */
  readonly emitters?: readonly Emitter[]
  readonly color: boolean
  /** Reuse the outputs of an earlier run with the same models and generator (default true). */
  readonly cache?: boolean
  /** Parsed model files kept between runs of one watch session. */
  readonly parseCache?: ParseCache
  /** The Prisma schema check a watch session keeps; a single run starts its own. */
  readonly prismaCheck?: PrismaSchemaCheck
  /** Told when another run holds the output folder's lock and this one waits. */
  readonly onWait?: (message: string) => void
}

export interface GenerateOutcome {
  /** 0 written or up to date; 1 invalid models or (with check) stale outputs; 2 the output folder cannot be written. */
  readonly exitCode: 0 | 1 | 2
  /** Diagnostics and stale-file lists, for stderr. */
  readonly report: string
  /** One line for stdout on success. */
  readonly summary: string
  readonly plan?: OutputPlan
  readonly cached: boolean
}

/** The generator's fingerprint by cache folder: hashing the sources once per process is enough. */
const fingerprints = new Map<string, string | undefined>()

/**
 * One whole run: compile, emit, then write (or, with `check`, compare). Never throws on bad models.
 * The heavy stages (YAML, ajv, the emitters and their libraries) are imported only on a cache miss,
 * so an unchanged model set costs little more than reading it.
 */
export async function generateOnce(options: GenerateOptions): Promise<GenerateOutcome> {
  const { modelsDir, outRoot } = options
  const useCache = options.cache !== false && options.emitters === undefined
  const folder = cacheFolder(PACKAGE_ROOT)
  if (useCache && !fingerprints.has(folder)) fingerprints.set(folder, generatorFingerprint(folder))
  const fingerprint = useCache ? fingerprints.get(folder) : undefined
  const key = fingerprint ? outputKey(modelsDir, basename(resolve(modelsDir)), fingerprint) : undefined
  let output = key ? readCachedOutput(folder, key) : undefined
  const cached = output !== undefined
  if (!output) {
    // Started first, so the worker boots and loads Prisma's validator while the models compile.
    const check = options.prismaCheck ?? new PrismaSchemaCheck()
    let compiled: CachedOutput | { report: string }
    try {
      compiled = await compileAndEmit(options, check)
    } finally {
      if (check !== options.prismaCheck) check.close()
    }
    if ('report' in compiled) return { exitCode: 1, report: compiled.report, summary: '', cached }
    output = compiled
    if (key) writeCachedOutput(folder, key, output)
  }
  const files = output
  // Planned and written under the output folder's lock, after finishing any interrupted write:
  // a plan made before the recovery would keep the interrupted run's files where it saw none to change.
  // A check only reads, so it takes no lock (and works on a read-only folder).
  const onWait = (owner: string) => options.onWait?.(`Waiting for another generate run (${owner}) to finish writing ${outRoot}…`)
  let written
  try {
    written = options.check ? writeOrCheck(options, files) : await withOutputLock(outRoot, () => writeOrCheck(options, files), onWait)
  } catch (error) {
    const report = writeFailure(error, outRoot)
    if (report === undefined) throw error
    return { exitCode: 2, report, summary: '', cached }
  }
  const { plan, report } = written
  const count = output.files.length
  if (options.check) {
    if (report) return { exitCode: 1, report, summary: '', plan, cached }
    return { exitCode: 0, report: '', summary: `Generated files are up to date (${count} files).`, plan, cached }
  }
  const summary = `${count} files (${plan.changed.length} changed, ${plan.removed.length} removed)${cached ? ' from the cache: models and generator unchanged' : ''}`
  return { exitCode: 0, report: '', summary, plan, cached }
}

/** Plans against the files on disk, then writes the plan or (with `check`) lists what is stale. */
function writeOrCheck(options: GenerateOptions, output: CachedOutput): { plan: OutputPlan; report: string } {
  const { outRoot } = options
  if (options.check && hasInterruptedWrite(outRoot)) {
    const plan = planOutputs(outRoot, output.files, output.owns)
    return { plan, report: 'Generated files are stale: an interrupted run left its staging folder; run `npm run generate`.\n' }
  }
  if (!options.check) recoverInterruptedWrite(outRoot)
  const plan = planOutputs(outRoot, output.files, output.owns)
  if (!options.check) {
    applyPlan(outRoot, plan)
    return { plan, report: '' }
  }
  const stale = [
    ...plan.changed.map((f) => `  ${existsSync(resolve(outRoot, f.path)) ? 'stale  ' : 'missing'} ${f.path}`),
    ...plan.removed.map((p) => `  extra   ${p}`),
  ]
  return { plan, report: stale.length ? `Generated files are stale; run \`npm run generate\`:\n${stale.join('\n')}\n` : '' }
}

/** One clean line for a folder that cannot be written (read-only, full, not ours) or a lock that never came free. */
function writeFailure(error: unknown, outRoot: string): string | undefined {
  if (error instanceof OutputLockTimeout) return `error: ${error.message}\n`
  const { code, path } = error as NodeJS.ErrnoException
  const reasons: Record<string, string> = { EACCES: 'permission denied', EPERM: 'operation not permitted', EROFS: 'read-only file system', ENOSPC: 'no space left on the device', EDQUOT: 'disk quota exceeded', ENOTDIR: 'a file stands where a folder goes', EEXIST: 'a file stands where a folder goes', EISDIR: 'a folder stands where a file goes', ELOOP: 'a symbolic link loops back on itself', ENAMETOOLONG: 'a path is too long' }
  if (!code || !(code in reasons)) return undefined
  return `error: cannot write the generated files under ${outRoot}: ${reasons[code]}${path ? ` (${relative(process.cwd(), path) || path})` : ''}. Nothing else was changed.\n`
}

/**
 * Compiles the models and runs the emitters, or reports why the models are invalid. The Prisma
 * schema is emitted first and checked by Prisma's validator (see prisma-check.ts) while the other
 * emitters run; a rejected schema fails the run.
 */
async function compileAndEmit(options: GenerateOptions, check: PrismaSchemaCheck): Promise<CachedOutput | { report: string }> {
  const { modelsDir, outRoot } = options
  const { compileModels, emitFiles, modelsLabel } = await import('./pipeline.ts')
  const result = compileModels(modelsDir, outRoot, options.parseCache)
  if (!result.ir) {
    const { printDiagnostics } = await import('./diagnostics/print.ts')
    const sources = new Map(result.sources.map((s) => [s.file, s.text]))
    const displayPath = (file: string) => `${modelsLabel(modelsDir)}/${file}`
    return { report: `${printDiagnostics(result.diagnostics, { sources, displayPath, color: options.color })}Nothing was written.\n` }
  }
  const emitters = options.emitters ?? (await import('./emit/registry.ts')).emitters
  let checked: Promise<void> = Promise.resolve()
  const files = emitFiles(result.ir, emitters, (emitted) => {
    const schema = emitted.find((f) => f.path === 'prisma/schema.prisma')
    if (schema) {
      checked = check.check(schema.content)
      checked.catch(() => {}) // awaited below; if a later emitter throws first, the verdict must not surface as an unhandled rejection
    }
  })
  await checked
  return { files, owns: emitters.flatMap((e) => e.owns) }
}
