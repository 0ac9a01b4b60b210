/** Summary of repeated measurements; all figures in the unit of the samples (ms or ops/s). */
export interface Summary {
  readonly runs: number
  readonly min: number
  readonly median: number
  readonly max: number
  /** Every sample, in the order taken. */
  readonly samples: readonly number[]
}

export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new Error('no samples to summarize')
  const sorted = [...samples].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
  return { runs: samples.length, min: sorted[0]!, median, max: sorted.at(-1)!, samples: samples.map(round) }
}

export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits
