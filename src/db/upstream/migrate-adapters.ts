// Driver adapters for the Prisma CLI's WebAssembly schema engine (prisma.config.ts only; the app uses
// src/db/client.ts). Upstream: @prisma/adapter-pg 6.19.3, pglite-prisma-adapter 0.6.1 and the Prisma
// 6.19 CLI break Migrate in the ways commented below (no upstream issues found). Tests:
// tests/db/upstream/adapter-pg.test.ts (server) and prisma-cli.test.ts (the CLI's use of the adapter).
import { randomUUID } from 'node:crypto'
import type { PGlite } from '@electric-sql/pglite'
import { PrismaPg } from '@prisma/adapter-pg'
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils'
import pg from 'pg'
import { CatalogTextClient } from './catalog-text-client.ts'
import type { DatabaseConfig } from '../config.ts'
import { openPGlite } from '../open-pglite.ts'
import { pgliteAdapter } from './pglite-adapter.ts'
import { openEmptyPGlite, openSnapshotCopy, SHADOW_SNAPSHOT_ENV } from '../pglite-snapshot.ts'
import { searchPathOption } from '../server-connection.ts'
import { runsOutsideTransaction } from '../migrate/migration-files.ts'
import { splitSqlStatements } from '../migrate/sql-statements.ts'

/**
 * Upstream: PrismaPg's executeScript splits a migration at EVERY `;` (inside strings, comments and $$ bodies
 * too) and runs the pieces one by one: send it whole instead, as the simple query protocol allows.
 * A `-- pika:no-transaction` script runs statement by statement, as db:migrate:deploy runs it.
 */
function sendScriptsWhole<T extends { executeScript(script: string): Promise<void> }>(adapter: T): T {
  const { client, onError } = adapter as unknown as { client: pg.Pool; onError(error: unknown): never }
  adapter.executeScript = async (script: string) => {
    const parts = runsOutsideTransaction(script) ? splitSqlStatements(script).map((s) => s.sql) : [script]
    for (const part of parts) await client.query(part).catch((error) => onError.call(adapter, error))
  }
  return adapter
}

/** The adapter factory Migrate uses for `config`'s database. */
export function migrateAdapter(config: DatabaseConfig): SqlMigrationAwareDriverAdapterFactory {
  return config.target.kind === 'pglite'
    ? pgliteMigrateAdapter(config.target.dataDir, config.schema)
    : pgMigrateAdapter(config.target.url, config.schema)
}

function pgMigrateAdapter(url: string, schema: string | undefined): SqlMigrationAwareDriverAdapterFactory {
  // Upstream: the CLI never disposes the main adapter, and an idle pool would keep it running: allowExitOnIdle.
  const poolConfig = (connectionString: string) =>
    ({ connectionString, Client: CatalogTextClient, allowExitOnIdle: true, options: searchPathOption(schema) })
  const adapter = new PrismaPg(poolConfig(url), { schema })
  const connect = adapter.connect.bind(adapter)
  adapter.connect = async () => sendScriptsWhole(await connect())
  // Upstream: PrismaPg's own shadow database reuses the main connection string with a `database` override that
  // the string wins over, and is dropped while still connected: make a real one, drop it after closing.
  adapter.connectToShadowDb = async () => {
    const admin = new pg.Client({ connectionString: url })
    await admin.connect()
    const name = `prisma_shadow_${randomUUID().replaceAll('-', '')}`
    const dropShadow = async () => {
      await admin.query(`DROP DATABASE IF EXISTS "${name}"`)
      await admin.end()
    }
    await admin.query(`CREATE DATABASE "${name}"`).catch(async (error: unknown) => {
      await admin.end() // an open client would keep the CLI from exiting
      throw error
    })
    try {
      const shadowUrl = Object.assign(new URL(url), { pathname: `/${name}` }).href
      const shadow = sendScriptsWhole(await new PrismaPg(poolConfig(shadowUrl), { schema }).connect())
      if (schema) await shadow.executeScript(`CREATE SCHEMA IF NOT EXISTS "${schema}"`)
      const dispose = shadow.dispose.bind(shadow)
      shadow.dispose = () => dispose().then(dropShadow)
      return shadow
    } catch (error) {
      await dropShadow() // don't leak a half-made shadow database
      throw error
    }
  }
  return adapter
}

// The CLI may call adapter() more than once; two PGlite instances on one folder lose writes, so share one.
let mainDb: Promise<PGlite> | undefined

/**
 * Upstream: PrismaPGlite's connectToShadowDb runs initdb into `memory://shadow` (4-7 s) on every run and
 * knows no schema. This is a copy of an empty snapshot kept on disk, in `schema`: ~1 s.
 */
async function emptyDatabase(schema: string | undefined): Promise<PGlite> {
  const db = await openEmptyPGlite()
  if (schema) await db.exec(`CREATE SCHEMA "${schema}"; SET search_path TO "${schema}"`)
  return db
}

function pgliteMigrateAdapter(dataDir: string, schema: string | undefined): SqlMigrationAwareDriverAdapterFactory {
  // `memory://` is what SQL-only runs (migrate diff) use: the CLI connects even then, and must not
  // take the lock of a folder another process holds.
  // db:migrate's diffs (create.ts) name the migrated snapshot: their shadow database is a copy of it,
  // with nothing left to replay, and it is only read. The main connection of such a SQL-only run only
  // asks for the server version, so one copy serves both (each PGlite start costs ~1 s).
  const snapshot = dataDir.startsWith('memory://') ? process.env[SHADOW_SNAPSHOT_ENV] : undefined
  const openMain = () =>
    snapshot ? openSnapshotCopy(snapshot, schema) : dataDir.startsWith('memory://') ? emptyDatabase(schema) : openPGlite(dataDir, schema)
  return {
    provider: 'postgres',
    adapterName: 'pglite-prisma-adapter',
    connect: async () => pgliteAdapter(await (mainDb ??= openMain()), schema).connect(),
    connectToShadowDb: async () => {
      if (snapshot) return pgliteAdapter(await (mainDb ??= openMain()), schema).connect() // closed with the process
      const shadowDb = await emptyDatabase(schema)
      const shadow = await pgliteAdapter(shadowDb, schema).connect()
      shadow.dispose = () => shadowDb.close()
      return shadow
    },
  }
}
