import { spawn, type ChildProcess } from 'node:child_process'

/**
 * `generate --watch` runs in two processes. The one started by the user supervises; the watching
 * and building happen in a child, the same command with this variable set: to `first`, or, for a
 * child started after a stopped build, to the time that build began (the child builds only if a
 * model changed since; building the same models again would only hang again). A build runs
 * in the child's own thread, so nothing inside the child can stop a build that hangs (a generator
 * bug, an input no limit foresaw): the supervisor can, by ending the child and starting another.
 */
export const WATCH_CHILD_VARIABLE = 'PIKA_WATCH_CHILD'

/** What the child tells the supervisor over the IPC channel. */
export interface WatchMessage {
  readonly build: 'start' | 'end'
}

/** The exit code of a child that met an internal error and printed it: the supervisor starts another. */
export const RESTART_EXIT_CODE = 75

/** A child that ends this soon after starting is not restarted: it would only end again. */
const MIN_LIFETIME_MS = 2000

export function superviseWatch(budgetSeconds: number, log: (line: string) => void): void {
  let child: ChildProcess
  let started = 0
  let budgetTimer: NodeJS.Timeout | undefined
  let overBudget = false
  let stopping = false
  let buildStarted = 0
  const start = (mode: string) => {
    started = Date.now()
    overBudget = false
    child = spawn(process.execPath, [...process.execArgv, process.argv[1]!, ...process.argv.slice(2)], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      env: { ...process.env, [WATCH_CHILD_VARIABLE]: mode },
    })
    child.on('message', ({ build }: WatchMessage) => {
      clearTimeout(budgetTimer)
      if (build === 'start') {
        buildStarted = Date.now()
        budgetTimer = setTimeout(() => {
          overBudget = true
          child.kill('SIGKILL')
        }, budgetSeconds * 1000)
      }
    })
    child.on('exit', (code) => {
      clearTimeout(budgetTimer)
      if (stopping) return
      if (overBudget) {
        // The write is atomic (journal, rename): a build stopped mid-way leaves the old generation.
        log(`[${clock()}] build stopped: it ran over its ${budgetSeconds} s budget (--build-budget); kept the last good output, still watching`)
        start(String(buildStarted))
      } else if (code === RESTART_EXIT_CODE && Date.now() - started > MIN_LIFETIME_MS) {
        start(String(buildStarted))
      } else {
        process.exitCode = code ?? 2 // the child said why it ended
      }
    })
  }
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      stopping = true
      child.kill(signal)
      child.once('exit', () => process.exit(0))
    })
  }
  start('first')
}

export const clock = () => new Date().toISOString().slice(11, 19)
