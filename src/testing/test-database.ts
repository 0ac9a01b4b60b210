// Fresh, migrated databases for tests: one per call, removed by drop(). Services' tests import
// createTestDatabase() from '@pika/db/testing'; the package's own tests use it too.
import { createPrisma, createPrismaForPGlite, type DatabaseClient, redirectGetPrisma } from '../db/client.ts'
import { type DatabaseConfig, type LogLevel, readDatabaseConfig, serverTarget } from '../db/config.ts'
import { ensurePGliteSnapshot, openSnapshotCopy } from '../db/pglite-snapshot.ts'
import {
  cleanTestDatabases,
  createServerTestDatabase,
  dropServerTestDatabase,
  ensureServerTemplate,
  type ServerTestOptions,
  testDatabasePrefix,
} from './server-test-databases.ts'

export { cleanTestDatabases, type ServerTestOptions } from './server-test-databases.ts'

export interface TestDatabase {
  readonly client: DatabaseClient
  /** Shorthand for client.prisma. */
  readonly prisma: DatabaseClient['prisma']
  /** Where it lives: 'pglite' (in memory) or 'postgres' (a database of its own on TEST_DATABASE_URL's server). */
  readonly kind: 'pglite' | 'postgres'
  /** The connection URL of a PostgreSQL test database; undefined for PGlite. */
  readonly url?: string
  /** Closes the client and deletes the database. */
  drop(): Promise<void>
}

export interface TestDatabaseOptions extends ServerTestOptions {
  /** PostgreSQL schema to create the tables in (like DATABASE_SCHEMA). */
  readonly schema?: string
  readonly log?: readonly LogLevel[]
  /** 'postgres' needs a server URL (default TEST_DATABASE_URL); default: postgres when TEST_DATABASE_URL is set, else pglite. */
  readonly kind?: 'pglite' | 'postgres'
  readonly serverUrl?: string
}

const testConfig = ({ schema, log = [] }: TestDatabaseOptions): DatabaseConfig => ({ ...readDatabaseConfig({}), schema, log })

/**
 * A new database with every committed migration applied. On PostgreSQL it is cloned from a migrated
 * template database (CREATE DATABASE … TEMPLATE, tens of milliseconds); on PGlite it is an in-memory
 * copy of a migrated data-dir snapshot kept on disk (see pglite-snapshot.ts). Both templates are
 * built once per migrations version and reused by later processes and runs.
 */
export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const serverUrl = options.serverUrl ?? process.env.TEST_DATABASE_URL?.trim()
  const kind = options.kind ?? (serverUrl ? 'postgres' : 'pglite')
  if (kind === 'pglite') return createPGliteDatabase(options)
  if (!serverUrl) throw new Error('createTestDatabase({ kind: "postgres" }) needs TEST_DATABASE_URL (or serverUrl)')
  return createServerDatabase(serverUrl, options)
}

/**
 * Builds the template createTestDatabase() copies (and on a server drops what dead runs left), for a
 * vitest globalSetup: then no worker's first test waits on the build.
 */
export async function prepareTestDatabases(options: TestDatabaseOptions = {}): Promise<void> {
  const serverUrl = options.serverUrl ?? process.env.TEST_DATABASE_URL?.trim()
  if ((options.kind ?? (serverUrl ? 'postgres' : 'pglite')) === 'pglite' || !serverUrl) {
    await ensurePGliteSnapshot({ schema: options.schema })
    return
  }
  await cleanTestDatabases(serverUrl, options)
  await ensureServerTemplate(serverUrl, options.schema, testDatabasePrefix(options.prefix))
}

/**
 * A test database that `getPrisma()` returns until drop(), so service code that calls getPrisma()
 * (even at module level) runs on it unchanged. Call it in a vitest setup file, before service code
 * is imported; while it is active, createPrisma() refuses the development database.
 */
export async function useTestDatabaseForGetPrisma(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const db = await createTestDatabase(options)
  try {
    redirectGetPrisma(db.client)
  } catch (error) {
    await db.drop()
    throw error
  }
  return {
    ...db,
    drop: async () => {
      redirectGetPrisma(undefined)
      await db.drop()
    },
  }
}

async function createPGliteDatabase(options: TestDatabaseOptions): Promise<TestDatabase> {
  const snapshot = await ensurePGliteSnapshot({ schema: options.schema })
  const client = createPrismaForPGlite(await openSnapshotCopy(snapshot, options.schema), testConfig(options))
  return { client, prisma: client.prisma, kind: 'pglite', drop: () => client.close() }
}

/** Kept for callers of earlier versions: templates now live on disk, so there is nothing to release. */
export async function disposeTestTemplates(): Promise<void> {}

async function createServerDatabase(serverUrl: string, options: TestDatabaseOptions): Promise<TestDatabase> {
  const prefix = testDatabasePrefix(options.prefix)
  const key = `${prefix} ${serverUrl}`
  await (cleaned.get(key) ?? cleaned.set(key, cleanTestDatabases(serverUrl, options)).get(key))
  const { name, url } = await createServerTestDatabase(serverUrl, options.schema, prefix)
  const client = await createPrisma({ ...testConfig(options), target: serverTarget('TEST_DATABASE_URL', url) })
  const drop = async () => {
    await client.close()
    await dropServerTestDatabase(serverUrl, name)
  }
  return { client, prisma: client.prisma, kind: 'postgres', url, drop }
}

// Leftovers of dead processes are cleaned once per process and server, before its first database.
const cleaned = new Map<string, Promise<unknown>>()
