import { watch, type FSWatcher } from 'node:fs'
import { generateOnce, type GenerateOptions } from './generate.ts'
import { isModelFileName } from './package-files.ts'
import type { ParseCache } from './load/load-models.ts'
import { PrismaSchemaCheck } from './prisma-check.ts'

/**
 * Saves usually arrive as several events (truncate, write, rename); one run covers them all. The
 * events of one save come within a millisecond of each other (writeFileSync, `sed -i`, write to a
 * temporary file and rename: all inside 0.3 ms here), so 10 ms waits them out without adding much
 * to the update a save should see within 100 ms.
 */
const DEBOUNCE_MS = 10

export interface WatchHandle {
  close(): void
}

/**
 * Regenerates whenever a model file is added, changed, renamed or deleted. The folder is watched,
 * not each file, so editors that save by writing a temporary file and renaming it over the original
 * are seen like any other save. An invalid edit prints its diagnostics and leaves the last good
 * output in place; the next valid save recovers without a restart.
 */
export function watchModels(options: GenerateOptions, log: (line: string) => void, logError: (text: string) => void): WatchHandle {
  let timer: NodeJS.Timeout | undefined
  const session = { ...options, parseCache: new Map() as ParseCache, prismaCheck: new PrismaSchemaCheck() }
  const changed = new Set<string>()
  const run = async () => {
    const started = performance.now()
    let outcome
    try {
      outcome = await generateOnce(session)
    } catch (error) {
      // A generator bug must not end the session; the next save tries again. One line: the trace
      // is for a bug report, and a run without --watch prints it.
      logError(`internal error: ${(error as Error).message ?? String(error)} (still watching; run once without --watch for the trace)\n`)
      return
    }
    const ms = Math.round(performance.now() - started)
    const what = changed.size ? [...changed].sort().join(', ') : 'models'
    changed.clear()
    if (outcome.report) logError(outcome.report)
    if (outcome.exitCode === 0) {
      const rewritten = (outcome.plan?.changed.length ?? 0) + (outcome.plan?.removed.length ?? 0)
      log(`[${clock()}] ${what}: ${rewritten} file${rewritten === 1 ? '' : 's'} rewritten in ${ms} ms`)
    } else if (outcome.exitCode === 2) {
      log(`[${clock()}] ${what}: not written, kept the last good output (${ms} ms)`)
    } else {
      log(`[${clock()}] ${what}: invalid, kept the last good output (${ms} ms)`)
    }
  }
  // Runs never overlap: a save during a run schedules one more run after it.
  let running: Promise<void> = Promise.resolve()
  const schedule = () => {
    running = running.then(run)
  }
  schedule()
  const watcher: FSWatcher = watch(options.modelsDir, (_event, file) => {
    if (file && !isModelFileName(file)) return
    if (file) changed.add(file)
    clearTimeout(timer)
    timer = setTimeout(schedule, DEBOUNCE_MS)
  })
  log(`Watching ${options.modelsDir} for changes (Ctrl+C to stop).`)
  return {
    close() {
      clearTimeout(timer)
      watcher.close()
      session.prismaCheck.close()
    },
  }
}

const clock = () => new Date().toISOString().slice(11, 19)
