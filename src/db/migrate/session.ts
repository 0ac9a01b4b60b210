// One connection to the configured database, for applying and recording migrations ourselves: the
// same two calls over PGlite and a pg.Client, so every migration step is written once for both.
import type { PGlite } from '@electric-sql/pglite'
import type pg from 'pg'
import type { DatabaseConfig } from '../config.ts'
import { openPGlite } from '../open-pglite.ts'
import { connectServer } from '../server-connection.ts'

export interface SqlSession {
  /** Sends `script` whole (simple query protocol: any number of statements, no parameters). */
  exec(script: string): Promise<void>
  /** One statement with $1… parameters; its rows. */
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>
  /** 'pglite' or 'postgres': for messages and the few steps that differ. */
  readonly kind: 'pglite' | 'postgres'
  close(): Promise<void>
}

export function pgliteSession(db: PGlite, close = () => db.close()): SqlSession {
  return {
    kind: 'pglite',
    exec: async (script) => void (await db.exec(script)),
    query: async <Row>(sql: string, params: readonly unknown[] = []) => (await db.query<Row>(sql, [...params])).rows,
    close,
  }
}

export function pgSession(client: pg.Client): SqlSession {
  return {
    kind: 'postgres',
    exec: async (script) => void (await client.query(script)), // no values: pg uses the simple protocol
    query: async <Row>(sql: string, params: readonly unknown[] = []) => (await client.query(sql, [...params])).rows as Row[],
    close: () => client.end(),
  }
}

/**
 * Opens `config`'s database with unqualified names resolving to DATABASE_SCHEMA (created if missing).
 * For PGlite this opens the folder: the Prisma CLI must not have it open at the same time.
 */
export async function openSession(config: DatabaseConfig, variable: string): Promise<SqlSession> {
  const { target, schema } = config
  if (target.kind === 'pglite') return pgliteSession(await openPGlite(target.dataDir, schema))
  const client = await connectServer(target.url, variable, schema)
  const session = pgSession(client)
  if (schema) await session.exec(`CREATE SCHEMA IF NOT EXISTS "${schema}"`)
  return session
}
