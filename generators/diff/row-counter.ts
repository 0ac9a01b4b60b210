// The database the existing-rows counts run on: a URL given on the command line, or the
// configured one (DATABASE_URL, .env, else the embedded PGlite folder) when asked with
// `--database-url configured`. Read-only: only SELECT count(*) queries are sent.
import { existsSync } from 'node:fs'
import { loadDotenv, readDatabaseConfig, serverTarget } from '../../src/db/config.ts'

export interface RowCounter {
  /** Runs a `SELECT … AS n` query; undefined when there is no database. */
  readonly count?: (sql: string) => Promise<number>
  /** Why there is no database, for the report. */
  readonly whyNot: string
  readonly close: () => Promise<void>
}

export async function openRowCounter(url: string | undefined): Promise<RowCounter> {
  const none = (whyNot: string): RowCounter => ({ whyNot, close: async () => {} })
  if (url === undefined) return none('no database given: pass --database-url <url>, or --database-url configured')
  try {
    if (url === 'configured') loadDotenv()
    const config = url === 'configured' ? readDatabaseConfig() : { ...readDatabaseConfig({}), target: serverTarget('--database-url', url) }
    if (config.target.kind === 'pglite') {
      if (!existsSync(config.target.dataDir)) return none(`the configured embedded database ${config.target.dataDir} does not exist`)
      const { openPGlite } = await import('../../src/db/open-pglite.ts')
      const db = await openPGlite(config.target.dataDir, config.schema)
      return { count: async (sql) => Number((await db.query<{ n: number }>(sql)).rows[0]?.n ?? 0), whyNot: '', close: () => db.close() }
    }
    const { connectServer } = await import('../../src/db/server-connection.ts')
    const client = await connectServer(config.target.url, url === 'configured' ? 'DATABASE_URL' : '--database-url', config.schema)
    // Counting must never hold up production: read-only, and give up rather than wait on locks.
    await client.query("SET default_transaction_read_only = on; SET statement_timeout = '60s'; SET lock_timeout = '2s'")
    return { count: async (sql) => Number((await client.query<{ n: number }>(sql)).rows[0]?.n ?? 0), whyNot: '', close: () => client.end() }
  } catch (error) {
    return none(`could not open the database: ${(error as Error).message.split('\n')[0]}`)
  }
}
