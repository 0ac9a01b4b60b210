// Read replicas on a real streaming replica: where each query ran is read from each server's own
// statistics (pg_stat_user_tables), not from our logging.
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createPrisma } from '../../src/db/client.ts'
import { pgliteTarget, readDatabaseConfig, serverTarget } from '../../src/db/config.ts'
import { inRequest } from '../../src/db/replicas/request-scope.ts'
import { createMigratedDatabase, hasPostgresTools, PG_BIN, type ReplicaCluster, type Server, startReplicaCluster } from '../helpers/replica-cluster.ts'

async function sql<T = any>(server: Server, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: server.url('pika') })
  await client.connect()
  try {
    return (await client.query(text)).rows
  } finally {
    await client.end()
  }
}

/** Scans of and inserts into subscription_plans, as `server` counted them. */
async function planStats(server: Server) {
  const [row] = await sql(server, `SELECT (coalesce(seq_scan, 0) + coalesce(idx_scan, 0))::int AS scans, n_tup_ins::int AS inserts
    FROM pg_stat_user_tables WHERE relname = 'subscription_plans'`)
  return row as { scans: number; inserts: number }
}

async function waitFor(what: string, ok: () => Promise<boolean> | boolean, seconds = 10): Promise<void> {
  for (const deadline = Date.now() + seconds * 1000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) {
    if (await ok()) return
  }
  throw new Error(`timed out waiting for ${what}`)
}

/** cuid-shaped: the database checks the model's id format. */
const LAG_ID = 'clag000000000000000000000'
const plan = (name: string) => ({ data: { name, price: 10, creditsPerPeriod: 5 } })

describe.skipIf(!hasPostgresTools())(`read replicas on a real streaming replica (needs ${PG_BIN})`, () => {
  let cluster: ReplicaCluster
  const warnings: string[] = []
  const clientFor = (maxLagSeconds = 1) => createPrisma({
    ...readDatabaseConfig({}),
    target: serverTarget('DATABASE_URL', cluster.primary.url('pika')),
    replicas: { urls: [cluster.replica.url('pika')], maxLagSeconds, checkIntervalSeconds: 0.2 },
  })
  /**
   * Runs `work` on a new client and closes it: a closing backend flushes its statistics at once
   * (an idle one may hold them ~10 s). Returns how each server's counters moved.
   */
  async function counted(work: (prisma: Awaited<ReturnType<typeof clientFor>>['prisma']) => Promise<void>, expected: { primaryScans: number; replicaScans: number }) {
    const before = { primary: await planStats(cluster.primary), replica: await planStats(cluster.replica) }
    const client = await clientFor()
    await work(client.prisma)
    await client.close()
    let after = before
    await waitFor('the statistics', async () => {
      after = { primary: await planStats(cluster.primary), replica: await planStats(cluster.replica) }
      return after.primary.scans - before.primary.scans >= expected.primaryScans && after.replica.scans - before.replica.scans >= expected.replicaScans
    }).catch(() => {})
    return {
      primaryScans: after.primary.scans - before.primary.scans,
      replicaScans: after.replica.scans - before.replica.scans,
      primaryInserts: after.primary.inserts - before.primary.inserts,
    }
  }

  beforeAll(async () => {
    vi.spyOn(console, 'warn').mockImplementation((line: string) => void warnings.push(line))
    cluster = await startReplicaCluster()
    await (await createMigratedDatabase(cluster.primary, 'pika')).end()
    await waitFor('the schema on the replica', async () => (await sql(cluster.replica, `SELECT to_regclass('subscription_plans') AS t`).catch(() => [{}]))[0]?.t != null)
  }, 60_000)
  afterAll(() => {
    vi.restoreAllMocks()
    cluster?.destroy()
  })

  it('sends reads to the replica, and writes, transactions and reads after a write in the same request to the primary', async () => {
    const moved = await counted(async (prisma) => {
      for (let i = 0; i < 3; i++) await prisma.subscriptionPlan.findMany() // replica ×3
      await prisma.subscriptionPlan.create(plan('Gold')) // primary insert
      await inRequest(async () => {
        await prisma.subscriptionPlan.create(plan('Silver')) // primary insert
        await prisma.subscriptionPlan.findMany() // primary: this request wrote
        expect(await prisma.subscriptionPlan.count()).toBe(2) // primary, and it sees both writes at once
      })
      await inRequest(() => prisma.subscriptionPlan.findMany()) // replica: this request only reads
      await prisma.$transaction((tx) => tx.subscriptionPlan.findMany()) // primary
    }, { primaryScans: 3, replicaScans: 4 })
    expect(moved).toEqual({ primaryScans: 3, replicaScans: 4, primaryInserts: 2 })
    expect(warnings).toEqual([])
  })

  it('skips a replica lagging past DATABASE_REPLICA_MAX_LAG with a warning, and uses it again once it caught up', async () => {
    await sql(cluster.replica, 'SELECT pg_wal_replay_pause()')
    await new Promise((r) => setTimeout(r, 1200)) // the replica's last replayed commit is now > 1 s old
    await sql(cluster.primary, `INSERT INTO subscription_plans (id, "updatedAt", name, price, "creditsPerPeriod") VALUES ('${LAG_ID}', now(), 'Lag', 1, 1)`)
    const lagging = await counted(async (prisma) => {
      expect(warnings.at(-1)).toMatch(/^db: skipping read replica postgres@127\.0\.0\.1:\d+\/pika: \d+\.\d s behind the primary \(DATABASE_REPLICA_MAX_LAG=1 s\); its reads go to the primary/)
      expect(await prisma.subscriptionPlan.findUnique({ where: { id: LAG_ID } })).not.toBeNull() // the primary has it
      await prisma.subscriptionPlan.findMany()
      await sql(cluster.replica, 'SELECT pg_wal_replay_resume()')
      await waitFor('the replica to be used again', () => /is back in use/.test(warnings.at(-1) ?? ''))
      expect(await prisma.subscriptionPlan.findUnique({ where: { id: LAG_ID } })).not.toBeNull() // the replica has it now
    }, { primaryScans: 2, replicaScans: 1 })
    expect(lagging).toEqual({ primaryScans: 2, replicaScans: 1, primaryInserts: 0 })
  })

  it('skips a replica that is down with a warning, and the reads still succeed on the primary', async () => {
    warnings.length = 0
    const before = await planStats(cluster.primary)
    const client = await clientFor()
    cluster.stopReplica()
    expect(await client.prisma.subscriptionPlan.count()).toBe(3)
    await client.prisma.subscriptionPlan.findMany()
    await client.close()
    expect(warnings).toEqual([expect.stringMatching(/^db: skipping read replica postgres@127\.0\.0\.1:\d+\/pika: unreachable \(.+\); its reads go to the primary/)])
    await waitFor('2 scans on the primary', async () => (await planStats(cluster.primary)).scans - before.scans >= 2).catch(() => {})
    expect((await planStats(cluster.primary)).scans - before.scans).toBe(2)
  })
})

describe('read replica settings', () => {
  it('the embedded database ignores DATABASE_REPLICA_URLS with one line', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    try {
      const config = readDatabaseConfig({ DATABASE_REPLICA_URLS: 'postgresql://u@replica-1:5432/pika' })
      // A file where the folder should be stops the embedded database at its first check, so this
      // runs in milliseconds and still shows the embedded path was taken, not the replicas'.
      await expect(createPrisma({ ...config, target: pgliteTarget(fileURLToPath(import.meta.url)) })).rejects.toThrow(/is a file, not a folder/)
      expect(warn.mock.calls).toEqual([['db: DATABASE_REPLICA_URLS is ignored: the embedded database has no replicas, so reads and writes all go to it']])
    } finally {
      warn.mockRestore()
    }
  })

  it('reads the replica list and limits, and rejects what is not a URL or a number of seconds', () => {
    expect(readDatabaseConfig({}).replicas).toBeUndefined()
    expect(readDatabaseConfig({ DATABASE_REPLICA_URLS: ' postgresql://a@r1/pika , postgres://a@r2/pika ', DATABASE_REPLICA_MAX_LAG: '0.5' }).replicas)
      .toEqual({ urls: ['postgresql://a@r1/pika', 'postgres://a@r2/pika'], maxLagSeconds: 0.5, checkIntervalSeconds: 2 })
    expect(() => readDatabaseConfig({ DATABASE_REPLICA_URLS: 'mysql://r1/pika' })).toThrow(/DATABASE_REPLICA_URLS must be comma-separated postgresql:\/\/ URLs/)
    expect(() => readDatabaseConfig({ DATABASE_REPLICA_URLS: 'postgresql://r1/pika', DATABASE_REPLICA_MAX_LAG: 'soon' })).toThrow(/DATABASE_REPLICA_MAX_LAG must be a number of seconds/)
  })
})
