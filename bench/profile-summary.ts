import { readFileSync } from 'node:fs'

/** The parts of a V8 .cpuprofile this summary reads. */
interface CpuProfile {
  readonly nodes: readonly { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[]
  readonly samples: readonly number[]
  /** µs since the previous sample. */
  readonly timeDeltas: readonly number[]
}

export interface ProfileSummary {
  readonly totalMs: number
  /** Where the process spent its time, by generator stage (innermost stage on the stack wins). */
  readonly byStage: readonly { stage: string; ms: number; share: number }[]
  /** Self time by library or generator folder (native frames count for their nearest JS caller). */
  readonly byComponent: readonly { component: string; ms: number; share: number }[]
  /** Functions with the most self time. */
  readonly topFunctions: readonly { name: string; component: string; ms: number; share: number }[]
}

/** Stage markers: a frame whose file and function match puts the sample in that stage. */
const STAGES: readonly [stage: string, file: RegExp, fn: RegExp][] = [
  ['load (js-yaml; yaml only for positions)', /generators\/load\//, /^loadModels$/],
  ['validate (ajv schema + rules)', /generators\/validate\/validate-models\.ts/, /^validateModels$/],
  ['resolve (IR)', /generators\/ir\/build-ir\.ts/, /^buildIr$/],
  ['emit prisma (handlebars)', /generators\/emit\/prisma\//, /.*/],
  ['emit zod (lines of text)', /generators\/emit\/zod\//, /.*/],
  ['emit openapi (to-yaml)', /generators\/emit\/openapi\//, /.*/],
  ['emit fixtures', /generators\/emit\/fixtures\//, /.*/],
  ['emit docs (handlebars)', /generators\/emit\/docs\//, /.*/],
  ['plan (compare with disk)', /generators\/write\//, /^planOutputs$/],
  ['write (stage + rename)', /generators\/write\//, /^applyPlan$/],
  ['output-cache key (hashing sources)', /generators\/cache\/(output-cache\.ts|cache-home\.cjs)/, /.*/],
  ['generate / CLI other (sort, print)', /generators\/(generate|cli)\.ts/, /^(generateOnce|run)$/],
]

const COMPONENTS: readonly [component: string, url: RegExp][] = [
  ['ts-morph + TypeScript compiler', /node_modules\/(ts-morph|@ts-morph|typescript)\//],
  ['handlebars', /node_modules\/handlebars\//],
  ['ajv', /node_modules\/(ajv|ajv-formats|fast-uri|fast-deep-equal|json-schema-traverse)\//],
  ['js-yaml', /node_modules\/js-yaml\//],
  ['yaml', /node_modules\/yaml\//],
  ['randexp', /node_modules\/(randexp|ret|drange)\//],
  ['tsx / esbuild (transpiling TS on load)', /node_modules\/(tsx|esbuild|get-tsconfig)\//],
  ['other dependencies', /node_modules\//],
  ['generators/load', /generators\/load\//],
  ['generators/validate', /generators\/validate\//],
  ['generators/ir', /generators\/ir\//],
  ['generators/emit/fixtures', /generators\/emit\/fixtures\//],
  ['generators/emit/zod', /generators\/emit\/zod\//],
  ['generators/emit/api (shared API view)', /generators\/emit\/api\//],
  ['generators/emit/openapi', /generators\/emit\/openapi\//],
  ['generators/emit/prisma', /generators\/emit\/prisma\//],
  ['generators/emit/docs', /generators\/emit\/docs\//],
  ['generators/write', /generators\/write\//],
  ['generators (other)', /generators\//],
  ['WebAssembly (prisma-schema-wasm validator; Node module lexers)', /^wasm:\/\//],
  ['Node module loader', /^node:internal\/modules\//],
  ['Node fs', /^node:(fs|internal\/fs)/],
  ['Node internals (other)', /^node:/],
]

export function summarizeProfile(file: string, top = 15): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const parent = new Map<number, number>()
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id)
  const stageOf = new Map<number, string>()
  const componentOf = new Map<number, string>()
  const stage = (id: number): string => {
    const known = stageOf.get(id)
    if (known) return known
    const { url, functionName } = byId.get(id)!.callFrame
    const marker = STAGES.find(([, f, fn]) => f.test(url) && fn.test(functionName))
    const up = parent.get(id)
    const result = marker ? marker[0] : up === undefined ? 'outside the stages: start-up, module loading, transpiling' : stage(up)
    stageOf.set(id, result)
    return result
  }
  const component = (id: number): string => {
    const known = componentOf.get(id)
    if (known) return known
    const { url, functionName } = byId.get(id)!.callFrame
    let result: string
    if (functionName === '(garbage collector)') result = 'garbage collector'
    else if (functionName === '(program)' || functionName === '(idle)') result = `${functionName} (V8/native outside JS)`
    else if (!url) result = parent.get(id) === undefined ? 'root' : component(parent.get(id)!)
    else result = COMPONENTS.find(([, re]) => re.test(url))?.[0] ?? 'other'
    componentOf.set(id, result)
    return result
  }
  const stageMs = new Map<string, number>()
  const componentMs = new Map<string, number>()
  const selfMs = new Map<number, number>()
  let total = 0
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000
    total += ms
    const n = byId.get(id)!
    const s = n.callFrame.functionName === '(garbage collector)' ? 'garbage collector' : n.callFrame.functionName === '(program)' ? '(program) native, mostly start-up' : stage(id)
    add(stageMs, s, ms)
    add(componentMs, component(id), ms)
    add(selfMs, id, ms)
  })
  const bySelf = new Map<string, { component: string; ms: number }>()
  for (const [id, ms] of selfMs) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame
    const key = `${functionName || '(anonymous)'} ${shortUrl(url)}${url ? `:${lineNumber + 1}` : ''}`
    const entry = bySelf.get(key) ?? { component: component(id), ms: 0 }
    entry.ms += ms
    bySelf.set(key, entry)
  }
  const share = (ms: number) => ms / total
  return {
    totalMs: total,
    byStage: sorted(stageMs).map(([stage, ms]) => ({ stage, ms, share: share(ms) })),
    byComponent: sorted(componentMs).map(([component, ms]) => ({ component, ms, share: share(ms) })),
    topFunctions: [...bySelf].sort((a, b) => b[1].ms - a[1].ms).slice(0, top).map(([name, e]) => ({ name, component: e.component, ms: e.ms, share: share(e.ms) })),
  }
}

const add = <K>(map: Map<K, number>, key: K, ms: number) => map.set(key, (map.get(key) ?? 0) + ms)
const sorted = (map: Map<string, number>) => [...map].sort((a, b) => b[1] - a[1])
const shortUrl = (url: string) => url.replace(/^file:\/\/.*?\/(node_modules|generators)\//, '$1/').replace(/^file:\/\//, '')
