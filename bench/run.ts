// The benchmark suite: `npm run bench` (full, writes bench/results.md and bench/results.json) and
// `npm run bench:quick` (CI: 1 run, platform + 100 models, small seeding, results to a temp folder,
// so the committed results stay). Figures are reported against the issue's targets, never asserted.
import { cpSync, mkdirSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { ioFloorProcess } from './floor.ts'
import { machineInfo, sourceFingerprint } from './machine.ts'
import { measureProcess, type ProcessMeasurement, type ProcessSpec } from './measure-process.ts'
import { checkModelSet, generateProcess, hasLauncher, hasOutputCache, listOutput } from './ours.ts'
import { PEER_KINDS, preparePeer } from './peers.ts'
import { profileGenerate } from './profile.ts'
import { renderMarkdown, writeResults } from './report.ts'
import type { Results, SetResult, Tool } from './results.ts'
import { measurePlatformSeeding } from './platform-seeding.ts'
import { measureSeeding } from './seeding.ts'
import { measureTestDatabases } from './test-databases.ts'
import { measureDevLoop } from './dev-loop.ts'
import { summarize, type Summary } from './stats.ts'
import { writeSyntheticModels } from './synthetic-models.ts'
import { evaluateTargets } from './targets.ts'
import { measureValidation } from './validation.ts'
import { measureCodecs } from './codecs.ts'
import { measureWatchLatency } from './watch-latency.ts'
import { measureWatchProcess } from './watch-process.ts'
import { createWorkspace, REPO_ROOT, snapshotRepo, type Workspace } from './workspace.ts'

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    runs: { type: 'string' },
    sizes: { type: 'string' },
    'seed-rows': { type: 'string' },
    'seed-copies': { type: 'string' },
    'no-peers': { type: 'boolean', default: false },
    'no-seed': { type: 'boolean', default: false },
    'no-testdb': { type: 'boolean', default: false },
    'no-devloop': { type: 'boolean', default: false },
    'npm-test': { type: 'boolean', default: false },
    'no-profile': { type: 'boolean', default: false },
    results: { type: 'string' },
    keep: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
})

if (args.help) {
  console.log(`Usage: npm run bench [-- options]   (npm run bench:quick = --quick)
  --quick            1 run; platform + 100 models; small seeding; no profile; results to a temp folder
  --runs <n>         runs per process figure (default 5, quick 1)
  --sizes <a,b,..>   synthetic model counts (default 100,300,1000; quick 100)
  --seed-rows <n>    users per seeding run (default 10000, quick 1000)
  --seed-copies <n>  copies of the platform's fixtures per seeding run (default 50, quick 5)
  --no-peers --no-seed --no-testdb --no-devloop --no-profile   leave those out
  --npm-test         also time the whole \`npm test\` (minutes of CPU; not in --quick)
  --results <dir>    where results.md/json go (default bench/; quick: $TMPDIR/pika-bench-quick)
  --keep             keep the temporary workspace`)
  process.exit(0)
}

const quick = args.quick
const runs = Number(args.runs ?? (quick ? 1 : 5))
const sizes = (args.sizes ?? (quick ? '100' : '100,300,1000')).split(',').filter(Boolean).map(Number)
const seedRows = Number(args['seed-rows'] ?? (quick ? 1000 : 10_000))
const seedCopies = Number(args['seed-copies'] ?? (quick ? 5 : 50))
const ws = createWorkspace()
const log = (message: string) => process.stderr.write(`[bench] ${message}\n`)
const notes: string[] = []
const fingerprintAtStart = sourceFingerprint()
const commitAtStart = machineInfo().commit

try {
  const root = snapshotRepo(ws) // the code under test, frozen for the whole run
  log(`workspace ${ws.root}; ${runs} run(s); sets: platform, ${sizes.join(', ')}`)
  const sets: SetResult[] = []
  cpSync(join(REPO_ROOT, 'models'), ws.fresh('models', 'platform'), { recursive: true })
  sets.push(await benchSet(ws, root, 'platform', join(ws.root, 'models', 'platform')))
  for (const size of sizes) {
    const dir = ws.fresh('models', `synthetic-${size}`)
    writeSyntheticModels(dir, size)
    sets.push(await benchSet(ws, root, `synthetic-${size}`, dir))
  }

  const platformOut = join(ws.root, 'out', 'platform', 'ours')
  log('validation throughput')
  let validation: Results['validation']
  try {
    validation = await measureValidation(join(platformOut, 'generated', 'zod', 'index.ts'), join(platformOut, 'generated', 'openapi', 'openapi.yaml'), quick ? { rounds: 3, roundMs: 200 } : { rounds: 7, roundMs: 500 })
  } catch (error) {
    validation = { error: (error as Error).message }
  }

  log('codecs: encode/decode against a hand-written mapper')
  let codecs: Results['codecs']
  try {
    codecs = await measureCodecs(join(platformOut, 'generated', 'zod', 'index.ts'), quick ? { rounds: 3, roundMs: 200 } : { rounds: 7, roundMs: 500 })
  } catch (error) {
    codecs = { error: (error as Error).message }
  }

  log('watch latency (in-process pipeline, then the real --watch process)')
  const watch: Results['watch'][number][] = []
  const watchSets: [string, string, number][] = [['platform', 'user.yaml', quick ? 3 : 10], ...sizes.filter((s) => s <= 300).map((s): [string, string, number] => [`synthetic-${s}`, 'booking.yaml', quick ? 3 : 5])]
  for (const [set, file, count] of watchSets) {
    const models = join(ws.root, 'models', set)
    let inProcess
    try {
      inProcess = await measureWatchLatency(root, models, file, ws.fresh('watch', set, 'in-process'), count)
    } catch (error) {
      notes.push(`Watch latency of ${set} failed: ${(error as Error).message}`)
      continue
    }
    let real: Summary | { error: string }
    try {
      real = (await measureWatchProcess(root, models, file, ws.fresh('watch', set, 'process'), count)).total
    } catch (error) {
      real = { error: (error as Error).message }
    }
    watch.push({ set, ...inProcess, process: real })
  }
  if (sizes.some((s) => s > 300)) notes.push('Watch latency is not measured above 300 models: one update is a full regenerate there (see the 1,000-model process time).')

  let seeding: Results['seeding']
  let platformSeeding: Results['platformSeeding']
  if (!args['no-seed']) {
    log(`seeding ${seedRows} users`)
    // The client the prisma-client peer generated from the platform schema our generator emitted.
    const peerDir = join(ws.root, 'peer', 'platform', 'prisma-client')
    const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres'
    try {
      seeding = await measureSeeding({ root, peerDir, adminUrl, rows: seedRows, runs: quick ? 1 : runs })
    } catch (error) {
      seeding = { skipped: true, reason: `failed: ${(error as Error).message.split('\n')[0]}` }
    }
    log(`seeding the platform's fixtures ×${seedCopies}, without and with the managed constraints`)
    try {
      platformSeeding = await measurePlatformSeeding({ root, peerDir, adminUrl, copies: seedCopies, pairs: quick ? 2 : 21 })
    } catch (error) {
      platformSeeding = { skipped: true, reason: `failed: ${(error as Error).message.split('\n')[0]}` }
    }
  }

  let testDatabases: Results['testDatabases']
  if (!args['no-testdb']) {
    log('test databases (createTestDatabase beside its floors)')
    try {
      testDatabases = await measureTestDatabases(quick ? 2 : runs, process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres')
    } catch (error) {
      testDatabases = { error: (error as Error).message.split('\n')[0]! }
    }
  }

  // Not in --quick: each db:migrate and npm start is a whole command of seconds.
  let devLoop: Results['devLoop']
  if (!quick && !args['no-devloop']) {
    log('development loop: db:migrate one-field change, npm start fresh' + (args['npm-test'] ? ', npm test' : ''))
    try {
      devLoop = await measureDevLoop(Math.min(runs, 3), { serverUrl: process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres', npmTest: args['npm-test'] })
    } catch (error) {
      devLoop = { error: (error as Error).message.split('\n')[0]! }
    }
  }

  let profile: Results['profile']
  if (!quick && !args['no-profile']) {
    const size = Math.max(0, ...sizes)
    log(`profiling generate on ${size} models`)
    try {
      const profileDir = ws.fresh('profile')
      profile = { set: `synthetic-${size}`, ...(await profileGenerate(root, join(ws.root, 'models', `synthetic-${size}`), join(ws.root, 'out', 'profile'), profileDir)) }
      if (args.keep) notes.push(`CPU profile kept at ${profile.file}.`)
    } catch (error) {
      profile = { error: (error as Error).message }
    }
  }

  notes.push(
    'Ours is measured on an emptied output folder each run, so every file is written (as the peers always do); an unchanged re-run writes nothing and is faster.',
    'Runs are interleaved per set (each tool once, then again) after one untimed run of ours that produces the output the floor copies and the schema the peers read (and one of the launcher and the cached variant, which builds the bundle and fills the cache).',
    ...(hasOutputCache(root) ? ['Ours passes --no-cache: the CLI caches outputs by models + generator, and a hit replays them without compiling. The cached row shows that case; the speed targets are judged on the bundled launcher (what `npm run generate` runs) without its cache.'] : []),
    ...(args['no-peers'] ? [] : ['Peers run offline: a prisma.config.ts with `engine: \'js\'` in a temp project (else the CLI downloads the native schema engine and fails), DATABASE_URL a placeholder, node_modules/.bin on PATH for the zod-prisma-types generator, CHECKPOINT_DISABLE=1.']),
  )
  const fingerprint = { start: fingerprintAtStart, end: sourceFingerprint() }
  if (fingerprint.start !== fingerprint.end) notes.unshift(`The repository changed while the suite ran; every figure comes from the snapshot of the code taken at the start (commit ${commitAtStart}, fingerprint ${fingerprint.start}).`)
  const partial = { date: new Date().toISOString(), mode: quick ? 'quick' : 'full', runs, machine: { ...machineInfo(), commit: commitAtStart }, fingerprint, sets, validation, codecs, watch, seeding, platformSeeding, testDatabases, devLoop, profile, notes } as const
  const results: Results = { ...partial, targets: evaluateTargets(partial) }
  const dir = args.results ?? (quick ? join(tmpdir(), 'pika-bench-quick') : join(REPO_ROOT, 'bench'))
  mkdirSync(dir, { recursive: true })
  const written = writeResults(dir, results)
  process.stdout.write(renderMarkdown(results))
  log(`wrote ${written.md} and ${written.json}`)
} finally {
  if (args.keep) log(`workspace kept: ${ws.root}`)
  else ws.remove()
}

/** Every process measurement of one model set, interleaved run by run. */
async function benchSet(ws: Workspace, root: string, name: string, modelsDir: string): Promise<SetResult> {
  const check = await checkModelSet(root, modelsDir)
  log(`${name}: ${check.models} models in ${check.files} files, ${check.diagnostics} diagnostics`)
  if (check.diagnostics) notes.push(`${name}: ${check.diagnostics} diagnostics, first: ${check.firstProblem}`)
  const outDir = join(ws.root, 'out', name, 'ours')
  const ours = generateProcess(root, modelsDir, outDir)
  const first = await measureProcess(ours, 1) // untimed: produces the output the floor and peers need
  const output = listOutput(outDir)
  const base = {
    name,
    models: check.models,
    modelFiles: check.files,
    modelBytes: readdirSync(modelsDir).reduce((n, f) => n + readFileSync(join(modelsDir, f)).length, 0),
    diagnostics: check.diagnostics,
    output: { files: output.length, bytes: output.reduce((n, f) => n + f.bytes, 0) },
  }
  if (!first.ok) return { ...base, tools: { ours: first } }

  const specs: Partial<Record<Tool, ProcessSpec>> = { ours }
  const variantOut = (variant: string) => join(ws.root, 'out', name, variant)
  if (hasLauncher(root)) specs['ours: bundled launcher'] = generateProcess(root, modelsDir, variantOut('launcher'), 'launcher')
  if (name === 'platform') specs['npm run generate'] = generateProcess(root, modelsDir, variantOut('npm'), 'npm')
  if (hasOutputCache(root)) specs['ours: cached'] = generateProcess(root, modelsDir, variantOut('cached'), 'cached')
  specs['io floor'] = ioFloorProcess(modelsDir, output, ws.fresh('floor', name))
  // Untimed: builds the launcher's bundle and fills the output cache, so timed runs are steady.
  for (const tool of ['ours: bundled launcher', 'ours: cached'] as const) if (specs[tool]) await measureProcess(specs[tool], 1)
  if (!args['no-peers']) {
    for (const kind of PEER_KINDS) specs[kind] = preparePeer(ws.fresh('peer', name, kind), join(outDir, 'prisma', 'schema.prisma'), kind)
  }
  const tools = await measureInterleaved(specs, runs, name)
  return { ...base, tools }
}

async function measureInterleaved(specs: Partial<Record<Tool, ProcessSpec>>, count: number, set: string): Promise<Partial<Record<Tool, ProcessMeasurement>>> {
  const samples = new Map<Tool, number[]>()
  const failed = new Map<Tool, string>()
  for (let run = 0; run < count; run++) {
    for (const [tool, spec] of Object.entries(specs) as [Tool, ProcessSpec][]) {
      if (failed.has(tool)) continue
      const m = await measureProcess(spec, 1)
      if (!m.ok) failed.set(tool, m.error)
      else samples.set(tool, [...(samples.get(tool) ?? []), m.ms.median])
      log(`${set} run ${run + 1}/${count} ${tool}: ${m.ok ? `${Math.round(m.ms.median)} ms` : `failed: ${m.error}`}`)
    }
  }
  return Object.fromEntries(
    (Object.keys(specs) as Tool[]).map((tool): [Tool, ProcessMeasurement] => [tool, failed.has(tool) ? { ok: false, error: failed.get(tool)! } : { ok: true, ms: summarize(samples.get(tool)!) }]),
  )
}
