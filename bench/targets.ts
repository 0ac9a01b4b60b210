import type { ProcessMeasurement } from './measure-process.ts'
import type { Results, SetResult, Target, Tool } from './results.ts'
import { devLoopMedian } from './dev-loop.ts'

const PEER: Tool = 'prisma-client+zod-prisma-types'

export const median = (m: ProcessMeasurement | undefined) => (m?.ok ? m.ms.median : undefined)
export const medianOf = (set: SetResult | undefined, tool: Tool) => median(set?.tools[tool])
const fmt = (n: number, digits = 0) => n.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits })

/**
 * Our median as the targets judge it: what `npm run generate` runs (the bundled launcher) without
 * its output cache; the tsx CLI is the fallback when the launcher is absent. A cache hit is
 * reported on its own row.
 */
export const ours = (set: SetResult | undefined) => medianOf(set, 'ours: bundled launcher') ?? medianOf(set, 'ours')

/** The targets, each met, not met, or not measured in this run. Tests never assert these. */
export function evaluateTargets(r: Omit<Results, 'targets'>): Target[] {
  const platform = r.sets.find((s) => s.name === 'platform')
  const synthetic = (n: number) => r.sets.find((s) => s.name === `synthetic-${n}`)
  const targets: Target[] = []
  const add = (name: string, goal: string, value: number | undefined, met: (v: number) => boolean, show: (v: number) => string) =>
    targets.push({ name, goal, value: value === undefined ? 'not measured' : show(value), met: value === undefined ? undefined : met(value) })
  const speedup = (set: SetResult | undefined) => {
    const peer = medianOf(set, PEER)
    const mine = ours(set)
    return peer !== undefined && mine !== undefined ? peer / mine : undefined
  }

  add('generate, platform models (CLI process without cache, median)', '≤ 500 ms', ours(platform), (v) => v <= 500, (v) => `${fmt(v)} ms`)
  add('generate, platform models unchanged (output-cache hit, median)', '≤ 500 ms', medianOf(platform, 'ours: cached'), (v) => v <= 500, (v) => `${fmt(v)} ms`)
  add('vs prisma generate + zod-prisma-types, platform', '≥ 8× faster', speedup(platform), (v) => v >= 8, (v) => `${fmt(v, 2)}×`)
  add('generate, 1,000 models (median)', '≤ 3 s', ours(synthetic(1000)), (v) => v <= 3000, (v) => `${fmt(v / 1000, 2)} s`)
  add('vs prisma generate + zod-prisma-types, 1,000 models', '≥ 30× faster', speedup(synthetic(1000)), (v) => v >= 30, (v) => `${fmt(v, 2)}×`)

  const [t100, t300, t1000] = [100, 300, 1000].map((n) => ours(synthetic(n)))
  const growth = t100 !== undefined && t300 !== undefined && t1000 !== undefined ? (t1000 - t300) / 700 / ((t300 - t100) / 200) : undefined
  const perModel = [100, 300, 1000].map((n, i) => ([t100, t300, t1000][i] === undefined ? undefined : `${fmt([t100, t300, t1000][i]! / n, 1)} ms/model at ${fmt(n)}`)).filter(Boolean)
  targets.push({
    name: 'growth from 100 to 1,000 models',
    goal: 'no worse than linear (marginal ms/model 300→1,000 ≤ 1.1 × that of 100→300)',
    value: growth === undefined ? (perModel.length ? `${perModel.join('; ')}; growth not measured` : 'not measured') : `${perModel.join('; ')}; marginal ratio ${fmt(growth, 2)}`,
    met: growth === undefined ? undefined : growth <= 1.1,
  })

  const watch = r.watch.find((w) => w.set === 'platform')
  const real = watch?.process && 'median' in watch.process ? watch.process.median : undefined
  add('watch update, platform models (real `--watch`, median)', '≤ 100 ms', real, (v) => v <= 100, (v) => `${fmt(v)} ms`)
  add('watch update, platform models (in-process pipeline latency, median)', '≤ 100 ms', watch?.total.median, (v) => v <= 100, (v) => `${fmt(v)} ms`)

  const validation = r.validation && 'generatedVsHandWritten' in r.validation ? r.validation.generatedVsHandWritten : undefined
  const worst = validation ? Math.min(validation.valid, validation.invalid) : undefined
  add('generated zod vs hand-written zod (ops/s, worse payload)', 'within 10% (≥ 0.90×)', worst, (v) => v >= 0.9, (v) => `${fmt(v, 2)}× (valid ${fmt(validation!.valid, 2)}×, invalid ${fmt(validation!.invalid, 2)}×)`)

  const codecs = r.codecs && 'codecVsHandWritten' in r.codecs ? r.codecs.codecVsHandWritten : undefined
  add('codec encode vs hand-written mapper (ops/s)', '≥ 0.5×', codecs?.encode, (v) => v >= 0.5, (v) => `${fmt(v, 2)}×`)
  add('codec decode vs hand-written mapper (ops/s)', '≥ 0.5×', codecs?.decode, (v) => v >= 0.5, (v) => `${fmt(v, 2)}×`)

  const testDb = r.testDatabases && 'pglite' in r.testDatabases ? r.testDatabases.pglite['createTestDatabase() + first query + drop()']?.median : undefined
  add('createTestDatabase() on the embedded database (+ first query + drop, median)', '≤ 1 s', testDb, (v) => v <= 1000, (v) => `${fmt(v / 1000, 2)} s`)
  const loop = (name: string) => devLoopMedian(r.devLoop, name)
  add('db:migrate, one-field change, embedded database (median)', '≤ 5 s', loop('db:migrate, one-field change, embedded'), (v) => v <= 5000, (v) => `${fmt(v / 1000, 1)} s`)
  add('db:migrate, one-field change, local server (median)', '≤ 3 s', loop('db:migrate, one-field change, local server'), (v) => v <= 3000, (v) => `${fmt(v / 1000, 1)} s`)
  add('npm start on a fresh clone (median)', '≤ 6 s', loop('npm start, fresh clone (no client, database or caches)'), (v) => v <= 6000, (v) => `${fmt(v / 1000, 1)} s`)

  const seeding = r.seeding && !r.seeding.skipped ? r.seeding.ratio : undefined
  add('seeding (seeder: seedDatabase) vs COPY, rows/s', '≥ 0.5× of COPY', seeding, (v) => v >= 0.5, (v) => `${fmt(v, 2)}×`)
  const withConstraints = r.platformSeeding && !r.platformSeeding.skipped ? r.platformSeeding.ratio : undefined
  add("seeding the platform's fixtures with the managed constraints vs without, rows/s", '≥ 0.9× of without', withConstraints, (v) => v >= 0.9, (v) => `${fmt(v, 2)}×`)
  return targets
}
