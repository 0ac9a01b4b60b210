// The measurements behind docs/scaling.md: pgbench on the platform's busiest read (a gym's class
// timetable for the coming week, with places booked) on a real primary and streaming replica made
// for the run (tests/helpers/replica-cluster.ts), then thrown away. `npm run bench:scaling`.
import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createMigratedDatabase, PG_BIN, type Server, startReplicaCluster } from '../tests/helpers/replica-cluster.ts'

const GYMS = 20
const SESSIONS_PER_GYM = 2000 // about 100 days of 20 classes a day
const BOOKINGS_PER_SESSION = 12
const USERS = 5000
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10)

const TIMETABLE = `\\set gym random(1, ${GYMS})
SELECT s.id, s.title, s."startTime", s.capacity, count(b.id) FILTER (WHERE b.status = 'CONFIRMED') AS booked
FROM sessions s LEFT JOIN session_bookings b ON b."sessionId" = s.id
WHERE s."gymId" = 'gym' || :gym AND s.status = 'SCHEDULED' AND s."startTime" >= now() AND s."startTime" < now() + interval '7 days'
GROUP BY s.id ORDER BY s."startTime";
`
const BOOK = `\\set session random(1, ${GYMS * SESSIONS_PER_GYM})
\\set user random(1, ${USERS})
INSERT INTO session_bookings (id, "updatedAt", "sessionId", "userId", "creditsSpent") VALUES (gen_random_uuid()::text, now(), 'session' || :session, 'user' || :user, 1) ON CONFLICT DO NOTHING;
`

const LOAD = `
INSERT INTO users (id, "updatedAt", email, "passwordHash", "firstName", "lastName")
  SELECT 'user' || i, now(), 'member' || i || '@example.com', 'x', 'Member', 'No. ' || i FROM generate_series(1, ${USERS}) i;
INSERT INTO gyms (id, "updatedAt", name, slug, address)
  SELECT 'gym' || i, now(), 'Gym ' || i, 'gym-' || i, '{}' FROM generate_series(1, ${GYMS}) i;
INSERT INTO sessions (id, "updatedAt", title, "gymId", "startTime", "endTime")
  SELECT 'session' || n, now(), 'Class ' || n, 'gym' || (1 + n % ${GYMS}), t, t + interval '1 hour'
  FROM generate_series(1, ${GYMS * SESSIONS_PER_GYM}) n, LATERAL (SELECT now() - interval '30 days' + (n / ${GYMS}) * interval '72 minutes' AS t) x;
INSERT INTO session_bookings (id, "updatedAt", "sessionId", "userId", "creditsSpent")
  SELECT 'booking' || s || '-' || k, now(), 'session' || s, 'user' || (1 + (s * 7 + k * 131) % ${USERS}), 1
  FROM generate_series(1, ${GYMS * SESSIONS_PER_GYM}) s, generate_series(1, ${BOOKINGS_PER_SESSION}) k;
ANALYZE;`

interface Run { tps: number; latencyMs: number }

function pgbench(server: Server, script: string, clients: number, extra: string[] = []): Promise<Run> {
  const file = join(process.env.TMPDIR ?? '/tmp', `pika-pgbench-${process.pid}-${Math.random().toString(36).slice(2)}.sql`)
  writeFileSync(file, script)
  return new Promise((resolve, reject) => {
    const args = ['-n', '-h', '127.0.0.1', '-p', String(server.port), '-U', 'postgres', '-c', String(clients), '-j', String(Math.min(clients, 2)), '-T', String(SECONDS), '-f', file, ...extra, 'pika']
    import('node:child_process').then(({ execFile }) => execFile(join(PG_BIN, 'pgbench'), args, (error, stdout, stderr) => {
      if (error) return reject(new Error(stderr || String(error)))
      const tps = Number(/tps = ([\d.]+)/.exec(stdout)?.[1])
      const latencyMs = Number(/latency average = ([\d.]+) ms/.exec(stdout)?.[1])
      resolve({ tps, latencyMs })
    }))
  })
}

const fmt = (r: Run) => `${r.tps.toFixed(0)} tps, ${r.latencyMs.toFixed(2)} ms`

const cluster = await startReplicaCluster()
try {
  const app = await createMigratedDatabase(cluster.primary, 'pika')
  const loaded = performance.now()
  await app.query(LOAD)
  console.log(`loaded ${USERS} users, ${GYMS} gyms, ${GYMS * SESSIONS_PER_GYM} sessions, ${GYMS * SESSIONS_PER_GYM * BOOKINGS_PER_SESSION} bookings in ${((performance.now() - loaded) / 1000).toFixed(1)} s`)
  const plan = (await app.query(`EXPLAIN (ANALYZE, BUFFERS) ${TIMETABLE.split('\n').slice(1).join('\n').replace(':gym', '7')}`)).rows.map((r) => r['QUERY PLAN']).join('\n')
  console.log(plan)
  await app.end()
  for (let ok = false; !ok; await new Promise((r) => setTimeout(r, 200))) {
    ok = execFileSync(join(PG_BIN, 'psql'), ['-h', '127.0.0.1', '-p', String(cluster.replica.port), '-U', 'postgres', '-Atc', 'SELECT count(*) FROM session_bookings', 'pika']).toString().trim() === String(GYMS * SESSIONS_PER_GYM * BOOKINGS_PER_SESSION)
  }
  const results: [string, string][] = []
  const record = (name: string, value: string) => { results.push([name, value]); console.log(`${name}: ${value}`) }
  record('timetable, primary only, 4 clients, prepared', fmt(await pgbench(cluster.primary, TIMETABLE, 4, ['-M', 'prepared'])))
  record('timetable, primary only, 4 clients, extended protocol, unnamed statements (what Prisma\'s pg adapter sends)', fmt(await pgbench(cluster.primary, TIMETABLE, 4, ['-M', 'extended'])))
  record('timetable, primary only, 4 clients, simple protocol (no prepared statements)', fmt(await pgbench(cluster.primary, TIMETABLE, 4, ['-M', 'simple'])))
  record('timetable, primary only, 4 clients, a new connection per query (no pool)', fmt(await pgbench(cluster.primary, TIMETABLE, 4, ['-C'])))
  const [onPrimary, onReplica] = await Promise.all([pgbench(cluster.primary, TIMETABLE, 2, ['-M', 'prepared']), pgbench(cluster.replica, TIMETABLE, 2, ['-M', 'prepared'])])
  record('timetable, 2 clients on primary + 2 on replica, prepared', `${(onPrimary.tps + onReplica.tps).toFixed(0)} tps together (${fmt(onPrimary)} + ${fmt(onReplica)})`)
  const [reads, writes] = await Promise.all([pgbench(cluster.primary, TIMETABLE, 3, ['-M', 'prepared']), pgbench(cluster.primary, BOOK, 1, ['-M', 'prepared'])])
  record('timetable on primary (3 clients) while booking writes run on it (1 client)', `${fmt(reads)}; bookings ${fmt(writes)}`)
  const [reads2, writes2] = await Promise.all([pgbench(cluster.replica, TIMETABLE, 3, ['-M', 'prepared']), pgbench(cluster.primary, BOOK, 1, ['-M', 'prepared'])])
  record('timetable on replica (3 clients) while booking writes run on primary (1 client)', `${fmt(reads2)}; bookings ${fmt(writes2)}`)
  console.log('\n| run | result |\n| --- | --- |')
  for (const [name, value] of results) console.log(`| ${name} | ${value} |`)
} finally {
  cluster.destroy()
}
