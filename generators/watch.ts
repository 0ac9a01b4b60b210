import { readdirSync, statSync, watch, type FSWatcher } from 'node:fs'
import { join } from 'node:path'
import { generateOnce, type GenerateOptions } from './generate.ts'
import { isDirectory, isModelFileName } from './package-files.ts'
import type { ParseCache } from './load/load-models.ts'
import { PrismaSchemaCheck } from './prisma-check.ts'
import { clock, type WatchMessage } from './watch-supervisor.ts'

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
/**
 * `buildFirst`: true to build at once; a time (ms since the epoch) to build only if a model file
 * changed after it (a child started after a stopped build, see watch-supervisor.ts).
 */
export function watchModels(options: GenerateOptions, log: (line: string) => void, logError: (text: string) => void, buildFirst: true | number = true): WatchHandle {
  let timer: NodeJS.Timeout | undefined
  const session = { ...options, parseCache: new Map() as ParseCache, prismaCheck: new PrismaSchemaCheck() }
  const changed = new Set<string>()
  // The supervisor (watch-supervisor.ts), if any, times each build.
  const tell = (message: WatchMessage) => process.send?.(message)
  const folderGone = () => (isDirectory(options.modelsDir) ? undefined : `the models folder ${options.modelsDir} no longer exists`)
  const run = async () => {
    const gone = folderGone()
    if (gone) return stop(gone)
    const started = performance.now()
    let outcome
    try {
      tell({ build: 'start' })
      outcome = await generateOnce(session)
    } catch (error) {
      // The folder removed while the build read it: that, not the read error, is the news.
      const goneSince = folderGone()
      if (goneSince) return stop(goneSince)
      // A generator bug must not end the session; the next save tries again. One line: the trace
      // is for a bug report, and a run without --watch prints it.
      logError(`internal error: ${(error as Error).message ?? String(error)} (still watching; run once without --watch for the trace)\n`)
      return
    } finally {
      tell({ build: 'end' })
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
  if (buildFirst === true) schedule()
  const watcher: FSWatcher = watch(options.modelsDir, (_event, file) => {
    if (file && !isModelFileName(file)) return
    if (file) changed.add(file)
    clearTimeout(timer)
    timer = setTimeout(schedule, DEBOUNCE_MS)
  })
  const handle = {
    close() {
      clearTimeout(timer)
      watcher.close()
      session.prismaCheck.close()
    },
  }
  // The folder removed, or the system out of watches: say so in one line and end.
  function stop(reason: string) {
    logError(`error: stopped watching: ${reason}\n`)
    handle.close()
    process.exitCode = 2
    process.disconnect?.() // a supervised child: the IPC channel would keep it alive
  }
  watcher.on('error', (error) => stop(error.message))
  log(`Watching ${options.modelsDir} for changes (Ctrl+C to stop).`)
  // Saves made while no process watched (the stopped build, the restart) are built now.
  if (buildFirst !== true && changedSince(options.modelsDir, buildFirst)) schedule()
  return handle
}

/** Whether the folder (a file added, removed or renamed) or a model file in it changed after `time`. */
function changedSince(dir: string, time: number): boolean {
  try {
    if (statSync(dir).mtimeMs > time) return true
    return readdirSync(dir).some((name) => isModelFileName(name) && statSync(join(dir, name)).mtimeMs > time)
  } catch {
    return true // gone or unreadable: the run says why
  }
}
