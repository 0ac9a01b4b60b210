// What each managed CHECK on "users" costs the seeder, per row: `node --import tsx bench/check-costs.ts
// [rows] [rounds] [file…]`. One database per variant (the bare table; each CHECK of prisma/managed.sql
// alone; all of them; or the CHECKs of another managed.sql / a JSON list of expressions given as a
// file), the constraints in place before the timing starts, seeder runs interleaved round by round.
// Besides the wall time it reads the server process's CPU time (/proc/<pid>/schedstat, server and
// bench on one machine): on a shared machine a 0.1 s run's wall time spreads ±25 %, the server's own
// CPU time per row a few percent, which is what tells one CHECK's cost from another's.
import { readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import pg from 'pg'
import { seedDatabase } from '../seed/seed-database.ts'
import { managedStatements } from './managed-constraints.ts'
import { preparePeer } from './peers.ts'
import { peerSchemaDdl, users } from './seeding.ts'
import { createWorkspace, REPO_ROOT } from './workspace.ts'

const [rows = 10_000, rounds = 11] = process.argv.slice(2, 4).map(Number)
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres'

/** The users CHECK expressions of a managed.sql, or of a JSON list. */
function checksOf(file: string): [string, string][] {
  if (file.endsWith('.json')) return (JSON.parse(readFileSync(file, 'utf8')) as string[]).map((e, i) => [`${basename(file)} ${i}`, e])
  return managedStatements(readFileSync(file, 'utf8'))
    .filter((s) => s.kind === 'check' && s.table === 'users')
    .map((s) => [s.name.slice(1, -1), s.expression])
}

const files = process.argv.slice(4)
const own = checksOf(join(REPO_ROOT, 'prisma', 'managed.sql'))
const variants: [string, string[]][] = [
  ['no CHECK', []],
  ...(files.length ? files.map((f): [string, string[]] => [basename(f), checksOf(f).map(([, e]) => e)]) : [...own.map(([name, e]): [string, string[]] => [name, [e]]), ['all of them', own.map(([, e]) => e)] as [string, string[]]]),
]

const ws = createWorkspace()
const peer = ws.fresh('peer')
preparePeer(peer, join(REPO_ROOT, 'prisma', 'schema.prisma'), 'prisma-client') // only its DDL config is used
const ddl = peerSchemaDdl(peer, adminUrl)

const admin = new pg.Client({ connectionString: adminUrl })
await admin.connect()
const databases: string[] = []
const median = (s: number[]) => [...s].sort((a, b) => a - b)[Math.floor(s.length / 2)]!
const cpuNs = (pid: number) => Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0])
try {
  const runs = []
  for (const [name, checks] of variants) {
    const database = `pika_check_costs_${process.pid}_${databases.length}`
    databases.push(database)
    await admin.query(`CREATE DATABASE "${database}"`)
    const url = Object.assign(new URL(adminUrl), { pathname: `/${database}` }).href
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    await client.query(ddl)
    for (const [i, check] of checks.entries()) await client.query(`ALTER TABLE "users" ADD CONSTRAINT "ck_${i}" CHECK (${check})`)
    const pool = new pg.Pool({ connectionString: url, max: 1 })
    const pid = Number((await pool.query('SELECT pg_backend_pid() AS pid')).rows[0].pid)
    runs.push({ name, client, pool, pid, ms: [] as number[], cpu: [] as number[] })
  }
  const fixtures = [{ model: 'User', table: 'users', conversions: { createdAt: 'DateTime', updatedAt: 'DateTime' }, sequences: [], rows: users(rows).map((r) => ({ ...r, createdAt: (r.createdAt as Date).toISOString(), updatedAt: (r.updatedAt as Date).toISOString() })) }]
  for (let round = -2; round < rounds; round++) {
    for (const run of round % 2 ? [...runs].reverse() : runs) {
      await run.client.query('TRUNCATE "users" CASCADE')
      const cpu = cpuNs(run.pid)
      const started = performance.now()
      await seedDatabase(run.pool, fixtures as never)
      if (round < 0) continue // warm-up
      run.ms.push(performance.now() - started)
      run.cpu.push((cpuNs(run.pid) - cpu) / rows / 1000)
    }
  }
  const [bare] = runs
  console.log(`${rows} users, ${rounds} rounds; medians. Server CPU per row and what the CHECKs add to it; wall time per run and its ratio to the bare table.`)
  for (const run of runs) {
    console.log(`${run.name.padEnd(36)} ${median(run.cpu).toFixed(2)} µs/row (+${(median(run.cpu) - median(bare!.cpu)).toFixed(2)})  ${median(run.ms).toFixed(1)} ms (${(median(bare!.ms) / median(run.ms)).toFixed(2)}×)`)
  }
  for (const run of runs) await Promise.all([run.client.end(), run.pool.end()])
} finally {
  for (const database of databases) await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`)
  await admin.end()
  ws.remove()
}
