// Fresh, migrated databases for tests: one per call, removed by drop(). Services' tests import
// createTestDatabase() from '@pika/db/testing'; the package's own tests use it too.
import { createHash, randomUUID } from 'node:crypto'
import pg from 'pg'
import { createPrisma, createPrismaForPGlite, type DatabaseClient } from '../db/client.ts'
import { type DatabaseConfig, type LogLevel, readDatabaseConfig, serverTarget } from '../db/config.ts'
import { applySchemaSql, readSchemaSql } from '../db/schema-sql.ts'
import { searchPathOption } from '../db/server-connection.ts'
import { ensurePGliteSnapshot, openSnapshotCopy } from './pglite-snapshot.ts'

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

export interface TestDatabaseOptions {
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

async function createPGliteDatabase(options: TestDatabaseOptions): Promise<TestDatabase> {
  const snapshot = await ensurePGliteSnapshot({ schema: options.schema })
  const client = createPrismaForPGlite(await openSnapshotCopy(snapshot, options.schema), testConfig(options))
  return { client, prisma: client.prisma, kind: 'pglite', drop: () => client.close() }
}

/** Kept for callers of earlier versions: templates now live on disk, so there is nothing to release. */
export async function disposeTestTemplates(): Promise<void> {}

async function createServerDatabase(serverUrl: string, options: TestDatabaseOptions): Promise<TestDatabase> {
  const template = await ensureServerTemplate(serverUrl, options.schema)
  const name = `pika_test_${randomUUID().replaceAll('-', '').slice(0, 16)}`
  const url = withDatabase(serverUrl, name)
  await withClient(serverUrl, (c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`))
  const client = await createPrisma({ ...testConfig(options), target: serverTarget('TEST_DATABASE_URL', url) })
  const drop = async () => {
    await client.close()
    await withClient(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`))
  }
  return { client, prisma: client.prisma, kind: 'postgres', url, drop }
}

/**
 * The migrated template for the current migrations, created once per migrations version and kept
 * on the server for later runs (its name carries the hash, so a new migration makes a new one).
 * An advisory lock makes parallel test workers wait for one another instead of racing.
 */
async function ensureServerTemplate(serverUrl: string, schema: string | undefined): Promise<string> {
  const sql = await readSchemaSql('migrations')
  const hash = createHash('sha256').update(`${schema ?? ''}\n${sql}`).digest('hex').slice(0, 12)
  const name = `pika_template_${hash}`
  await withClient(serverUrl, async (admin) => {
    await admin.query('SELECT pg_advisory_lock(hashtext($1))', [name])
    try {
      const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])
      if (exists.rowCount) return
      const building = `${name}_building`
      await admin.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`)
      await admin.query(`CREATE DATABASE "${building}"`)
      await withClient(withDatabase(serverUrl, building), async (c) => {
        if (schema) await c.query(`CREATE SCHEMA "${schema}"`)
        await applySchemaSql(c, sql)
      }, schema)
      // Renamed only when complete, so an interrupted build never serves as a template.
      await admin.query(`ALTER DATABASE "${building}" RENAME TO "${name}"`)
    } finally {
      await admin.query('SELECT pg_advisory_unlock(hashtext($1))', [name])
    }
  })
  return name
}

const withDatabase = (url: string, database: string) => Object.assign(new URL(url), { pathname: `/${database}` }).href

async function withClient<T>(url: string, use: (c: pg.Client) => Promise<T>, schema?: string): Promise<T> {
  const client = new pg.Client({ connectionString: url, options: searchPathOption(schema) })
  await client.connect()
  try {
    return await use(client)
  } finally {
    await client.end()
  }
}
