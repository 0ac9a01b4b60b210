import { summarize, type Summary } from './stats.ts'

/** A function under test, called in a tight loop; its return value is kept so it cannot be optimised away. */
export interface OpsCase {
  readonly name: string
  readonly fn: () => unknown
}

export interface OpsOptions {
  /** Measured rounds per case (after one warm-up round). */
  readonly rounds: number
  /** Length of one round per case, ms. */
  readonly roundMs: number
}

/**
 * Operations per second of each case. Rounds are interleaved (case A, B, C, then A, B, C again) so
 * that drift in machine load hits every case alike; one warm-up round lets the JIT settle.
 */
export function measureOps(cases: readonly OpsCase[], { rounds, roundMs }: OpsOptions): Map<string, Summary> {
  const samples = new Map(cases.map((c) => [c.name, [] as number[]]))
  let sink = 0
  for (let round = -1; round < rounds; round++) {
    for (const c of cases) {
      const { ops, kept } = runFor(c.fn, roundMs)
      sink += kept
      if (round >= 0) samples.get(c.name)!.push(ops)
    }
  }
  if (sink === -1) console.log('unreachable')
  return new Map([...samples].map(([name, s]) => [name, summarize(s)]))
}

function runFor(fn: () => unknown, ms: number): { ops: number; kept: number } {
  const batch = 500
  let calls = 0
  let kept = 0
  const started = performance.now()
  let elapsed = 0
  while (elapsed < ms) {
    for (let i = 0; i < batch; i++) if (fn()) kept++
    calls += batch
    elapsed = performance.now() - started
  }
  return { ops: (calls / elapsed) * 1000, kept }
}
