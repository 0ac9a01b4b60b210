import { spawn } from 'node:child_process'
import { summarize, type Summary } from './stats.ts'

/** One whole process to time: spawned fresh for every run, Node start-up included. */
export interface ProcessSpec {
  readonly command: string
  readonly args: readonly string[]
  readonly cwd: string
  readonly env?: NodeJS.ProcessEnv
  /** Runs before every run, untimed (e.g. removing the previous run's output). */
  readonly before?: () => void | Promise<void>
  /** Runs after every run, untimed; returns a problem with the output, or undefined. */
  readonly verify?: () => string | undefined
}

/**
 * Wall-clock times of successful runs in ms (and CPU times when the command reported them), or why a
 * run failed (then no figures).
 */
export type ProcessMeasurement = { readonly ok: true; readonly ms: Summary; readonly cpuMs?: Summary } | { readonly ok: false; readonly error: string }

/** A last stderr line `<CPU_MARK> <user s> <system s>` (GNU time's -f) is read as the run's CPU time. */
export const CPU_MARK = 'pika-bench-cpu'

export async function measureProcess(spec: ProcessSpec, runs: number): Promise<ProcessMeasurement> {
  const samples: number[] = []
  const cpu: number[] = []
  for (let i = 0; i < runs; i++) {
    await spec.before?.()
    const run = await timeOnce(spec)
    if (run.exitCode !== 0) return { ok: false, error: `exit code ${run.exitCode}: ${lastLines(run.stderr.replace(CPU_LINE, '') || run.stdout)}` }
    const problem = spec.verify?.()
    if (problem) return { ok: false, error: problem }
    samples.push(run.ms)
    const reported = CPU_LINE.exec(run.stderr)
    if (reported) cpu.push((Number(reported[1]) + Number(reported[2])) * 1000)
  }
  return { ok: true, ms: summarize(samples), ...(cpu.length === runs && runs > 0 ? { cpuMs: summarize(cpu) } : {}) }
}

const CPU_LINE = new RegExp(`^${CPU_MARK} ([\\d.]+) ([\\d.]+)\\s*$`, 'm')

export interface TimedRun {
  readonly ms: number
  readonly exitCode: number
  readonly stdout: string
  readonly stderr: string
}

export function timeOnce(spec: ProcessSpec): Promise<TimedRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(spec.command, spec.args, { cwd: spec.cwd, env: spec.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (code, signal) => resolve({ ms: performance.now() - started, exitCode: code ?? (signal ? 128 : 1), stdout, stderr }))
  })
}

/** The end of a failed process's output, on one line, for the report. */
export function lastLines(text: string, count = 3): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/\u001b\[[0-9;]*m/g, '')
  return clean.split('\n').map((l) => l.trim()).filter(Boolean).slice(-count).join(' | ') || '(no output)'
}
