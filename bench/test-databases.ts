// createTestDatabase() beside its floors, in one process and one run: on PGlite against opening an
// already initialised, empty data dir (what any PGlite database costs at least) and against a fresh
// in-memory PGlite (initdb: what every test file paid before the snapshot); on a server against a
// bare CREATE DATABASE … TEMPLATE + DROP. Also the first one of a fresh process, module loading
// included, which is what every vitest test file pays (files do not share a module graph).
// Run alone: `node --import tsx bench/test-databases.ts [runs]`.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import pg from 'pg'
import { ensurePGliteSnapshot } from '../src/db/pglite-snapshot.ts'
import { createTestDatabase } from '../src/testing/test-database.ts'
import { summarize, type Summary } from './stats.ts'

export interface TestDatabaseBench {
  readonly pglite: Record<string, Summary>
  readonly server?: Record<string, Summary>
  readonly notes: readonly string[]
}

async function timeRuns(runs: number, once: () => Promise<void>): Promise<Summary> {
  await once() // warm: module load, JIT, the snapshot's first read
  const ms: number[] = []
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    await once()
    ms.push(performance.now() - started)
  }
  return summarize(ms)
}

export async function measureTestDatabases(runs: number, serverUrl = process.env.TEST_DATABASE_URL?.trim()): Promise<TestDatabaseBench> {
  const notes: string[] = []
  const scratch = mkdtempSync(join(tmpdir(), 'pika-bench-testdb-'))
  try {
    const buildStarted = performance.now()
    await ensurePGliteSnapshot()
    notes.push(`snapshot ready in ${((performance.now() - buildStarted) / 1000).toFixed(1)} s (built only when the migrations changed)`)
    const emptyDir = join(scratch, 'empty')
    await (await PGlite.create(emptyDir)).close()
    const pglite = {
      'createTestDatabase() + first query + drop()': await timeRuns(runs, async () => {
        const db = await createTestDatabase({ kind: 'pglite' })
        await db.prisma.user.count()
        await db.drop()
      }),
      'floor: open an empty, initialised PGlite folder + close': await timeRuns(runs, async () => {
        const db = await PGlite.create(emptyDir)
        await db.query('SELECT 1')
        await db.close()
      }),
      'first in a fresh process (from process start: Node, modules, snapshot read, first query)': firstInFreshProcess('createTestDatabase', emptyDir, runs),
      'floor: the same for opening the empty folder': firstInFreshProcess('floor', emptyDir, runs),
      'before: new in-memory PGlite (initdb) + close': await timeRuns(Math.min(runs, 2), async () => {
        const db = await PGlite.create()
        await db.close()
      }),
    }
    if (!serverUrl) return { pglite, notes: [...notes, 'server: skipped (no TEST_DATABASE_URL)'] }
    const unreachable = await serverProblem(serverUrl)
    if (unreachable) return { pglite, notes: [...notes, `server: skipped (${unreachable})`] }
    const server = {
      'createTestDatabase() + first query + drop()': await timeRuns(runs, async () => {
        const db = await createTestDatabase({ kind: 'postgres', serverUrl })
        await db.prisma.user.count()
        await db.drop()
      }),
      'floor: CREATE DATABASE … TEMPLATE + DROP': await templateFloor(serverUrl, runs),
    }
    return { pglite, server, notes }
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
}

/** Why the server cannot be used, or undefined when it answers. */
async function serverProblem(serverUrl: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 3000 })
  try {
    await client.connect()
    return undefined
  } catch (error) {
    return `unreachable: ${(error as Error).message.split('\n')[0]}`
  } finally {
    await client.end().catch(() => {})
  }
}

/** `runs` fresh processes, each timing (from its own start) its first database and query. */
function firstInFreshProcess(what: 'createTestDatabase' | 'floor', emptyDir: string, runs: number): Summary {
  const ms: number[] = []
  for (let i = 0; i < runs; i++) {
    const run = spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename, '--first', what, emptyDir], { encoding: 'utf8' })
    const figure = Number(run.stdout.trim().split('\n').at(-1))
    if (run.status !== 0 || !Number.isFinite(figure)) throw new Error(`--first ${what} failed: ${(run.stderr || run.stdout).trim().split('\n').at(-1)}`)
    ms.push(figure)
  }
  return summarize(ms)
}

/** In the child: one database and one query, then the ms since this process started. */
async function firstOnce(what: string, emptyDir: string): Promise<void> {
  if (what === 'createTestDatabase') {
    const db = await createTestDatabase({ kind: 'pglite' })
    await db.prisma.user.count()
    console.log(performance.now())
    await db.drop()
  } else {
    const db = await PGlite.create(emptyDir)
    await db.query('SELECT 1')
    console.log(performance.now())
    await db.close()
  }
}

async function templateFloor(serverUrl: string, runs: number): Promise<Summary> {
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  const template = `pika_bench_tpl_${process.pid}`
  try {
    await admin.query(`CREATE DATABASE "${template}"`)
    return await timeRuns(runs, async () => {
      const name = `pika_bench_${process.pid}_${Date.now()}`
      await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`)
      await admin.query(`DROP DATABASE "${name}"`)
    })
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${template}"`)
    await admin.end()
  }
}

export function renderTestDatabases(r: TestDatabaseBench): string[] {
  const s = (x: Summary) => `${(x.median / 1000).toFixed(2)} s (${(x.min / 1000).toFixed(2)}–${(x.max / 1000).toFixed(2)})`
  const out = ['### Test databases: createTestDatabase() beside its floors (median, min–max)', '', '| | time |', '| --- | --- |']
  for (const [name, x] of Object.entries(r.pglite)) out.push(`| PGlite: ${name} | ${s(x)} |`)
  for (const [name, x] of Object.entries(r.server ?? {})) out.push(`| server: ${name} | ${s(x)} |`)
  return [...out, '', ...r.notes.map((n) => `- ${n}`), '']
}

if (import.meta.url === `file://${process.argv[1]}` && process.argv[2] === '--first') {
  await firstOnce(process.argv[3]!, process.argv[4]!)
} else if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await measureTestDatabases(Number(process.argv[2] ?? 5), process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres')
  console.log(renderTestDatabases(result).join('\n'))
}
