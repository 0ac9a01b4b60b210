// The development loop as a user runs it, whole processes through npm: `npm run db:migrate` for a
// one-field change (embedded database, and a local server when one answers), `npm start` on a fresh
// clone, and, only when asked (--npm-test: minutes of CPU), `npm test`. Each runs in a copy of the
// repository, so the migrations it writes never reach the real one.
// Run alone: `node --import tsx bench/dev-loop.ts [runs] [--npm-test] [--repo <checkout>]`.
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import pg from 'pg'
import { CPU_MARK, measureProcess, type ProcessMeasurement, type ProcessSpec } from './measure-process.ts'
import type { Summary } from './stats.ts'
import { REPO_ROOT } from './workspace.ts'

export interface DevLoopBench {
  readonly cases: Record<string, ProcessMeasurement>
  readonly notes: readonly string[]
}

// Copied: everything the commands read. Left out: dependencies (linked), git, build output, databases.
const LEFT_OUT = new Set(['node_modules', '.git', 'dist', 'coverage', 'backups', '.pika-generate', '.pika-generate.lock'])

/** The one-field change: an optional column on gyms (ADD COLUMN, no data loss, one CHECK for maxLength). */
const MODEL_FILE = join('models', 'gym.yaml')
const ANCHOR = /^(\s+)name:\s+\{ type: String, minLength: 2, maxLength: 120.*$/m

function copyRepository(from: string, into: string): string {
  const root = join(into, 'repo')
  cpSync(from, root, {
    recursive: true,
    filter: (path) => {
      const top = relative(from, path).split('/')[0]!
      return !LEFT_OUT.has(top) && !top.startsWith('.pglite') && !top.startsWith('.env')
    },
  })
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(root, 'node_modules'), 'dir')
  return root
}

const npm = (root: string, args: string[], env: NodeJS.ProcessEnv) => {
  const run = spawnSync('npm', args, { cwd: root, env, encoding: 'utf8' })
  if (run.status !== 0) throw new Error(`npm ${args.join(' ')} failed: ${(run.stderr || run.stdout).trim().split('\n').slice(-3).join(' | ')}`)
}

/**
 * `npm run db:migrate -- --name bench` after adding one optional field and running generate
 * (untimed), on a database holding every earlier migration; reset before every run.
 */
function migrateSpec(root: string, env: NodeJS.ProcessEnv, resetDatabase: () => void | Promise<void>): ProcessSpec & { restore(): void } {
  const model = join(root, MODEL_FILE)
  const pristine = readFileSync(model, 'utf8')
  const migrations = join(root, 'prisma', 'migrations')
  const before = new Set(readdir(migrations))
  // db:migrate rewrites prisma/migrations/datamodel.lock (when the checkout has one) for the migrations it wrote.
  const lockFile = join(migrations, 'datamodel.lock')
  const lock = readIfExists(lockFile)
  const restore = () => {
    for (const name of readdir(migrations)) if (!before.has(name)) rmSync(join(migrations, name), { recursive: true, force: true })
    writeFileSync(model, pristine)
    if (lock) writeFileSync(lockFile, lock)
    else rmSync(lockFile, { force: true })
  }
  return {
    restore: () => {
      restore()
      npm(root, ['run', '-s', 'generate'], env)
    },
    ...withCpuTime(['npm', 'run', '-s', 'db:migrate', '--', '--name', 'bench']),
    cwd: root,
    env,
    before: async () => {
      restore()
      npm(root, ['run', '-s', 'generate'], env)
      await resetDatabase()
      writeFileSync(model, pristine.replace(ANCHOR, (line, indent: string) => `${line}\n${indent}nickname: { type: String, optional: true, maxLength: 40 }`))
      npm(root, ['run', '-s', 'generate'], env)
    },
    verify: () => {
      const created = readdir(migrations).filter((name) => !before.has(name))
      const sql = created.map((name) => readIfExists(join(migrations, name, 'migration.sql'))).join('\n')
      return /ADD COLUMN\s+"nickname"/.test(sql) ? undefined : `db:migrate wrote no ADD COLUMN "nickname" (created: ${created.join(', ') || 'nothing'})`
    },
  }
}

/**
 * The command under GNU time when it is installed, so that each run also reports the CPU seconds
 * it and its children used: on a shared machine wall time alone says more about the neighbours.
 */
function withCpuTime(argv: readonly string[]): Pick<ProcessSpec, 'command' | 'args'> {
  return existsSync('/usr/bin/time') ? { command: '/usr/bin/time', args: ['-f', `${CPU_MARK} %U %S`, ...argv] } : { command: argv[0]!, args: argv.slice(1) }
}

const readdir = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir) : [])
const readIfExists = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8') : '')

/** `repo`: the checkout to measure (default this one; another, e.g. `git archive` of an older commit, for a before/after). */
export async function measureDevLoop(runs: number, options: { serverUrl?: string; npmTest?: boolean; repo?: string } = {}): Promise<DevLoopBench> {
  const notes: string[] = []
  const cases: Record<string, ProcessMeasurement> = {}
  const scratch = mkdtempSync(join(tmpdir(), 'pika-bench-loop-'))
  try {
    const root = copyRepository(options.repo ?? REPO_ROOT, scratch)
    // Own caches: the snapshot of the migrations and the generator's outputs start empty, as in a new clone.
    const caches = [join(scratch, 'generate-cache'), join(scratch, 'snapshots')]
    const base: NodeJS.ProcessEnv = { ...process.env, CI: '1', PIKA_GENERATE_CACHE_DIR: caches[0], PIKA_TEST_CACHE_DIR: caches[1] }
    delete base.DATABASE_URL
    delete base.TEST_DATABASE_URL

    const dataDir = join(scratch, 'dev-db')
    const embedded = { ...base, PGLITE_DIR: dataDir }
    const pristineDb = join(scratch, 'dev-db-pristine')
    npm(root, ['run', '-s', 'db:migrate:deploy'], embedded)
    cpSync(dataDir, pristineDb, { recursive: true })
    const resetEmbedded = () => {
      rmSync(dataDir, { recursive: true, force: true })
      cpSync(pristineDb, dataDir, { recursive: true })
    }
    const spec = migrateSpec(root, embedded, resetEmbedded)
    // The first run after a migrations change also builds their snapshot (kept for the next runs and
    // for createTestDatabase()); later runs find it.
    cases['db:migrate, one-field change, embedded: first after a migrations change'] = await measureProcess(spec, 1)
    cases['db:migrate, one-field change, embedded'] = await measureProcess(spec, runs)
    spec.restore() // the models as before the change, for the cases below

    if (options.serverUrl) {
      const admin = new pg.Client({ connectionString: options.serverUrl })
      const name = `pika_bench_migrate_${process.pid}`
      try {
        await admin.connect()
        const server = { ...base, DATABASE_URL: Object.assign(new URL(options.serverUrl), { pathname: `/${name}` }).href }
        const resetServer = async () => {
          await admin.query(`DROP DATABASE IF EXISTS "${name}"`)
          await admin.query(`CREATE DATABASE "${name}"`)
          npm(root, ['run', '-s', 'db:migrate:deploy'], server)
        }
        const serverSpec = migrateSpec(root, server, resetServer)
        cases['db:migrate, one-field change, local server'] = await measureProcess(serverSpec, runs)
        serverSpec.restore()
      } catch (error) {
        notes.push(`server: skipped (${(error as Error).message.split('\n')[0]})`)
      } finally {
        await admin.query(`DROP DATABASE IF EXISTS "${name}"`).catch(() => {})
        await admin.end().catch(() => {})
      }
    } else {
      notes.push('server: skipped (no server URL)')
    }

    const startDb = join(scratch, 'start-db')
    cases['npm start, fresh clone (no client, database or caches)'] = await measureProcess({
      ...withCpuTime(['npm', 'start']),
      cwd: root,
      env: { ...base, PGLITE_DIR: startDb },
      before: () => {
        for (const dir of [startDb, join(root, 'src', 'generated'), ...caches]) rmSync(dir, { recursive: true, force: true })
        rmSync(`${startDb}.lock`, { force: true })
      },
    }, runs)

    if (options.npmTest) {
      // In the repository itself (its tests read their own paths); minutes of CPU: only when asked.
      cases['npm test (whole suite)'] = await measureProcess({ command: 'npm', args: ['test'], cwd: REPO_ROOT }, 1)
    }
    notes.push('Whole processes through npm, as a user runs them (npm adds ~0.3 s). The model change and generate run before each db:migrate, untimed; its database holds every earlier migration.')
    return { cases, notes }
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
}

export function renderDevLoop(r: DevLoopBench): string[] {
  const sec = (x: Summary) => `${(x.median / 1000).toFixed(2)} s (${(x.min / 1000).toFixed(2)}–${(x.max / 1000).toFixed(2)})`
  const out = ['### Development loop: whole commands (median, min–max)', '', '| command | wall time | CPU time (user + system, children included) |', '| --- | --- | --- |']
  for (const [name, m] of Object.entries(r.cases)) out.push(m.ok ? `| ${name} | ${sec(m.ms)} | ${m.cpuMs ? sec(m.cpuMs) : '—'} |` : `| ${name} | failed: ${m.error.replaceAll('|', '\\|')} | |`)
  return [...out, '', ...r.notes.map((n) => `- ${n}`), '']
}

/** Medians in ms, for the targets. */
export const devLoopMedian = (r: DevLoopBench | { error: string } | undefined, name: string): number | undefined => {
  const m = r && 'cases' in r ? r.cases[name] : undefined
  return m?.ok ? (m.ms as Summary).median : undefined
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const runs = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 3)
  const repo = process.argv.includes('--repo') ? process.argv[process.argv.indexOf('--repo') + 1] : undefined
  const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres'
  const result = await measureDevLoop(runs, { serverUrl, npmTest: process.argv.includes('--npm-test'), repo })
  console.log(renderDevLoop(result).join('\n'))
}
