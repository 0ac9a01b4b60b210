// The configured Prisma client that services import: `const { prisma } = await getPrisma()`.
import type { PGlite } from '@electric-sql/pglite'
import { PrismaPg } from '@prisma/adapter-pg'
import pg from 'pg'
import { clientOmit } from '../../generated/zod/client-omit.ts'
import { PrismaClient } from '../generated/prisma/client.ts'
import { type DatabaseConfig, readDatabaseConfig } from './config.ts'
import { DatabaseSetupError } from './errors.ts'
import { deployMigrations } from './deploy-migrations.ts'
import { openPGlite } from './open-pglite.ts'
import { pgliteAdapter } from './upstream/pglite-adapter.ts'
import { attachReadReplicas } from './replicas/attach-replicas.ts'
import { sameDatabase } from './same-database.ts'
import { withSoftDelete } from './soft-delete.ts'
import { poolConfig, TimedPool } from './server-connection.ts'

export { Prisma, PrismaClient } from '../generated/prisma/client.ts'

/**
 * The PGlite instance under an embedded client, as far as the package's public types name it:
 * PGlite's own typings need the DOM library and @types/emscripten, which a Node service that checks
 * its dependencies' types (skipLibCheck: false) does not have. A PGlite instance is one.
 */
export interface EmbeddedDatabase {
  transaction<T>(callback: (tx: unknown) => Promise<T>): Promise<T>
  close(): Promise<void>
}

/**
 * The configured client: the models' `private` fields (password and token hashes) are left out of
 * every result, as the read schemas leave them out, unless a query asks (`omit: { passwordHash: false }`).
 */
export type ConfiguredPrismaClient = PrismaClient<never, typeof clientOmit>

/** A Prisma client bound to one database, and what it takes to let go of that database. */
export interface DatabaseClient {
  /** Hides soft-deleted rows and soft-deletes on delete (models with `softDelete: true`; docs/model-language.md). */
  readonly prisma: ConfiguredPrismaClient
  /**
   * The same connection without soft deletion: reads see deleted rows too, and delete removes rows
   * for good (erasure, tests, maintenance). Reads still go to replicas when they are configured.
   */
  readonly withDeleted: ConfiguredPrismaClient
  readonly config: DatabaseConfig
  /**
   * The connection Prisma runs on, for work Prisma cannot do (the seeder's COPY): the PGlite
   * instance, or the pg pool of a server. It is closed by close().
   */
  readonly driver: EmbeddedDatabase | pg.Pool
  /** Disconnects Prisma and closes the pool or the PGlite instance. Safe to call twice. */
  close(): Promise<void>
}

/**
 * A new client for `config` (default: from the environment, see config.ts). With
 * MIGRATE_DEPLOY_ON_START it first applies pending migrations. Call close() when done: an open
 * PGlite instance or pg pool keeps the process alive.
 */
export async function createPrisma(config: DatabaseConfig = readDatabaseConfig()): Promise<DatabaseClient> {
  if (redirected) refuseDevelopmentDatabase(config)
  if (config.migrateDeployOnStart) await deployMigrations(config) // before we open PGlite: the CLI needs the folder
  if (config.target.kind === 'pglite') {
    if (config.replicas) console.warn('db: DATABASE_REPLICA_URLS is ignored: the embedded database has no replicas, so reads and writes all go to it')
    return createPrismaForPGlite(await openPGlite(config.target.dataDir, config.schema), config)
  }
  // `schema` makes Prisma qualify every table with DATABASE_SCHEMA; search_path covers raw SQL.
  const pool = new TimedPool(poolConfig(config.target.url, config))
  const adapter = new PrismaPg(pool, { schema: config.schema })
  const prisma = new PrismaClient({ adapter, log: [...config.log], omit: clientOmit })
  if (!config.replicas) return withClose(prisma, config, pool, () => pool.end()) // the adapter leaves a pool it was given open
  const replicated = await attachReadReplicas({ prisma, pool }, config, config.replicas)
  return withClose(replicated.prisma, config, pool, () => replicated.close().then(() => prisma.$disconnect()).then(() => pool.end()))
}

/**
 * A client over an already open PGlite instance (say an in-memory test database); its close()
 * closes the instance too. `config.schema` must match the instance's search_path (openPGlite sets it).
 * @internal Left out of the package's .d.ts (stripInternal): it would pull in PGlite's typings.
 */
export function createPrismaForPGlite(pglite: PGlite, config: DatabaseConfig): DatabaseClient {
  const prisma = new PrismaClient({ adapter: pgliteAdapter(pglite, config.schema), log: [...config.log], omit: clientOmit })
  return withClose(prisma, config, pglite, () => pglite.close()) // the adapter never closes PGlite itself
}

function withClose(prisma: ConfiguredPrismaClient, config: DatabaseConfig, driver: PGlite | pg.Pool, closeDriver: () => Promise<void>): DatabaseClient {
  let closing: Promise<void> | undefined
  const close = () => (closing ??= prisma.$disconnect().then(closeDriver))
  return { prisma: withSoftDelete(prisma), withDeleted: prisma, config, driver, close }
}

let shared: Promise<DatabaseClient> | undefined

/**
 * The process-wide client from the environment, created on the first call (one PGlite instance per
 * folder and process is a must). Its close() lets the next getPrisma() create a new one.
 */
export function getPrisma(): Promise<DatabaseClient> {
  if (redirected) return Promise.resolve(redirected)
  shared ??= createPrisma().then(
    (client) => ({
      ...client,
      close: async () => {
        shared = undefined
        await client.close()
      },
    }),
    (error: unknown) => {
      shared = undefined // let a later call retry, e.g. once the server is up
      throw error
    },
  )
  return shared
}

let redirected: DatabaseClient | undefined

/**
 * For tests (see '@pika/db/testing' useTestDatabaseForGetPrisma): getPrisma() returns `client`
 * until this is called with undefined, and createPrisma() refuses the development database.
 */
export function redirectGetPrisma(client: DatabaseClient | undefined): void {
  if (client && shared) {
    throw new DatabaseSetupError('getPrisma() already opened the development database; redirect it before any code calls getPrisma() (in a vitest setup file)')
  }
  redirected = client
}

function refuseDevelopmentDatabase(config: DatabaseConfig): void {
  if (!sameDatabase(config.target, readDatabaseConfig().target)) return
  throw new DatabaseSetupError('getPrisma() is redirected to a test database; refusing to open the development database (DATABASE_URL / PGLITE_DIR) meanwhile')
}
