// Read replicas for the configured client, through Prisma's read-replicas extension: it sends each
// read made outside a transaction to a replica and everything else to the primary. What it lacks
// is added around it: skipping replicas that are down or lagging (ReplicaMonitor), and sending a
// request's reads to the primary once that request has written (request-scope.ts).
import { PrismaPg } from '@prisma/adapter-pg'
import { readReplicas } from '@prisma/extension-read-replicas'
import pg from 'pg'
import { clientOmit } from '../../../generated/zod/client-omit.ts'
import { PrismaClient } from '../../generated/prisma/client.ts'
import type { ConfiguredPrismaClient } from '../client.ts'
import type { DatabaseConfig } from '../config.ts'
import { poolConfig } from '../server-connection.ts'
import { ReplicaMonitor } from './replica-monitor.ts'
import type { ReplicaSettings } from './replica-settings.ts'
import { mustReadFromPrimary, readFromPrimary } from './request-scope.ts'

/** The client and pool of the primary, as client.ts built them. */
export interface PrimaryConnection {
  readonly prisma: ConfiguredPrismaClient
  readonly pool: pg.Pool
}

/** Operations that only read (the extension's own list, less MongoDB's); anything else may write. */
const READS = new Set(['findFirst', 'findFirstOrThrow', 'findMany', 'findUnique', 'findUniqueOrThrow', 'groupBy', 'aggregate', 'count'])

type AnyClient = Record<string, any>
const lowerFirst = (name: string) => name.charAt(0).toLowerCase() + name.slice(1)
const run = (client: AnyClient, model: string | undefined, operation: string, args: unknown) =>
  model ? client[lowerFirst(model)][operation](args) : client[operation](args)

export interface ReplicatedClient {
  readonly prisma: ConfiguredPrismaClient
  close(): Promise<void>
}

/** A client whose reads go to `settings.urls` when they are usable. Call close() before the primary's. */
export async function attachReadReplicas(primary: PrimaryConnection, config: DatabaseConfig, settings: ReplicaSettings): Promise<ReplicatedClient> {
  // A replica that vanishes without a reset (host down) must not hold a read for the OS's TCP
  // timeout: without DATABASE_POOL_TIMEOUT, connecting to a replica gives up after 5 s.
  const pools = settings.urls.map((url) => new pg.Pool({ connectionTimeoutMillis: 5000, ...poolConfig(url, config) }))
  for (const pool of pools) pool.on('error', () => {}) // an idle connection to a stopped replica must not crash the app
  // Replicas answer reads, so they hide private fields as the primary's client does.
  const replicas = pools.map((pool) => new PrismaClient({ adapter: new PrismaPg(pool, { schema: config.schema }), log: [...config.log], omit: clientOmit }))
  const monitor = new ReplicaMonitor(primary.pool, settings)
  await monitor.start()

  // The extension picks among the replicas it is given without knowing their health, so it is given
  // one router that picks a usable replica, or the primary when none is or the request has written.
  const router = replicas[0]!.$extends({
    query: {
      async $allOperations({ model, operation, args }) {
        const i = mustReadFromPrimary() ? undefined : monitor.pick()
        if (i === undefined) return run(primary.prisma, model, operation, args)
        try {
          return await run(replicas[i]!, model, operation, args)
        } catch (error) {
          if (await monitor.recheck(i)) throw error // the replica is fine: the query itself failed
          return run(primary.prisma, model, operation, args)
        }
      },
    },
  })
  const prisma = primary.prisma
    .$extends({
      query: {
        $allOperations({ operation, args, query }) {
          if (!READS.has(operation)) readFromPrimary() // raw SQL included: it may write
          return query(args)
        },
      },
    })
    .$extends(readReplicas({ replicas: [router as never] }))
  const close = async () => {
    await monitor.stop()
    await Promise.all(replicas.map((r) => r.$disconnect()))
    await Promise.all(pools.map((p) => p.end()))
  }
  return { prisma: prisma as unknown as ConfiguredPrismaClient, close }
}
