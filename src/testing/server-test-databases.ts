// Test databases on a shared PostgreSQL server: named with a prefix, stamped with who made them
// (a database comment: pid, host, time), cloned from a template keyed by the migrations, and
// cleaned up after processes that died before drop(). Only stamped databases are ever dropped.
import { randomBytes } from 'node:crypto'
import { hostname } from 'node:os'
import pg from 'pg'
import { holderIsGone, type LockHolder } from '../db/file-lock.ts'
import { DatabaseSetupError } from '../db/errors.ts'
import { applySchemaSql, quoteIdentifier, quoteLiteral } from '../db/schema-sql.ts'
import { searchPathOption } from '../db/server-connection.ts'
import { migrationsVersion } from '../db/pglite-snapshot.ts'

export interface ServerTestOptions {
  /** Name prefix of test databases and templates (default PIKA_TEST_DB_PREFIX, else pika_test). */
  readonly prefix?: string
  /** A test database older than this is dropped even if its process may live (default PIKA_TEST_DB_MAX_AGE_MINUTES, else 360). */
  readonly maxAgeMinutes?: number
}

export function testDatabasePrefix(prefix = process.env.PIKA_TEST_DB_PREFIX?.trim() || 'pika_test'): string {
  // Part of unquoted-looking names and of identifiers limited to 63 bytes.
  if (/^[a-z_][a-z0-9_]{0,29}$/.test(prefix)) return prefix
  throw new DatabaseSetupError(`PIKA_TEST_DB_PREFIX must be 1-30 lower-case letters, digits or _, starting with a letter or _; got "${prefix}"`)
}

function maxAgeMs(minutes = Number(process.env.PIKA_TEST_DB_MAX_AGE_MINUTES?.trim() || 360)): number {
  if (Number.isFinite(minutes) && minutes > 0) return minutes * 60_000
  throw new DatabaseSetupError(`PIKA_TEST_DB_MAX_AGE_MINUTES must be a positive number of minutes; got "${process.env.PIKA_TEST_DB_MAX_AGE_MINUTES}"`)
}

interface Stamp extends LockHolder {
  readonly by: '@pika/db'
}

const stamp = (purpose: string): string =>
  JSON.stringify({ by: '@pika/db', pid: process.pid, host: hostname(), purpose, since: new Date().toISOString() } satisfies Stamp)

function readStamp(comment: string | null): Stamp | undefined {
  try {
    const parsed = JSON.parse(comment ?? '') as Stamp
    return parsed.by === '@pika/db' ? parsed : undefined
  } catch {
    return undefined
  }
}

export const withDatabase = (url: string, database: string) => Object.assign(new URL(url), { pathname: `/${database}` }).href

export async function withClient<T>(url: string, use: (c: pg.Client) => Promise<T>, schema?: string): Promise<T> {
  const client = new pg.Client({ connectionString: url, options: searchPathOption(schema) })
  await client.connect()
  try {
    return await use(client)
  } finally {
    await client.end()
  }
}

/** Our databases on the server whose name starts with `prefix_`, with their stamps. */
async function stampedDatabases(admin: pg.Client, prefix: string): Promise<{ name: string; stamp: Stamp }[]> {
  const { rows } = await admin.query<{ datname: string; comment: string | null }>(
    `SELECT datname, shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE left(datname, $2) = $1`,
    [`${prefix}_`, prefix.length + 1],
  )
  return rows.flatMap((r) => {
    const s = readStamp(r.comment)
    return s ? [{ name: r.datname, stamp: s }] : []
  })
}

const templatePrefix = (prefix: string) => `${prefix}_tpl_`

/**
 * Drops test databases whose process is gone (not running on this host) or that are older than the
 * maximum age, and unfinished template builds of dead processes. Returns the names dropped.
 */
export async function cleanTestDatabases(serverUrl: string, options: ServerTestOptions = {}): Promise<string[]> {
  const prefix = testDatabasePrefix(options.prefix)
  const maxAge = maxAgeMs(options.maxAgeMinutes)
  return withClient(serverUrl, async (admin) => {
    const dropped: string[] = []
    for (const { name, stamp } of await stampedDatabases(admin, prefix)) {
      const isTemplate = name.startsWith(templatePrefix(prefix)) && !name.endsWith('_building')
      const tooOld = Date.now() - Date.parse(stamp.since) > maxAge
      if (isTemplate || !(tooOld || holderIsGone(stamp, maxAge))) continue
      await admin.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`)
      dropped.push(name)
    }
    return dropped
  })
}

/**
 * The migrated template for the current migrations (name: prefix_tpl_<hash>), built if missing; an
 * advisory lock makes parallel workers wait for one build. Templates of other migrations versions
 * are dropped as superseded (unless someone is connected to one: then it stays for the next run).
 */
export async function ensureServerTemplate(serverUrl: string, schema: string | undefined, prefix: string): Promise<string> {
  const { sql, hash } = migrationsVersion(undefined, schema)
  const name = `${templatePrefix(prefix)}${hash}`
  await withClient(serverUrl, async (admin) => {
    await admin.query('SELECT pg_advisory_lock(hashtext($1))', [templatePrefix(prefix)])
    try {
      const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])
      if (exists.rowCount) return
      const building = `${name}_building`
      await admin.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(building)} WITH (FORCE)`)
      await admin.query(`CREATE DATABASE ${quoteIdentifier(building)}`)
      await admin.query(`COMMENT ON DATABASE ${quoteIdentifier(building)} IS ${quoteLiteral(stamp('template'))}`)
      await withClient(withDatabase(serverUrl, building), async (c) => {
        if (schema) await c.query(`CREATE SCHEMA ${quoteIdentifier(schema)}`)
        await applySchemaSql(c, sql)
      }, schema)
      // Renamed only when complete, so an interrupted build never serves as a template.
      await admin.query(`ALTER DATABASE ${quoteIdentifier(building)} RENAME TO ${quoteIdentifier(name)}`)
      await dropSupersededTemplates(admin, prefix, name)
    } finally {
      await admin.query('SELECT pg_advisory_unlock(hashtext($1))', [templatePrefix(prefix)])
    }
  })
  return name
}

async function dropSupersededTemplates(admin: pg.Client, prefix: string, current: string): Promise<void> {
  for (const { name } of await stampedDatabases(admin, prefix)) {
    if (name === current || !name.startsWith(templatePrefix(prefix)) || name.endsWith('_building')) continue
    await admin.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)}`).catch(() => {}) // in use: next time
  }
}

/** A new stamped database cloned from the current template; returns its name and URL. */
export async function createServerTestDatabase(serverUrl: string, schema: string | undefined, prefix: string): Promise<{ name: string; url: string }> {
  const name = `${prefix}_${randomBytes(8).toString('hex')}`
  for (let attempt = 1; ; attempt++) {
    const template = await ensureServerTemplate(serverUrl, schema, prefix)
    try {
      await withClient(serverUrl, async (c) => {
        await c.query(`CREATE DATABASE ${quoteIdentifier(name)} TEMPLATE ${quoteIdentifier(template)}`)
        await c.query(`COMMENT ON DATABASE ${quoteIdentifier(name)} IS ${quoteLiteral(stamp('test database'))}`)
      })
      return { name, url: withDatabase(serverUrl, name) }
    } catch (error) {
      // 3D000: another run dropped the template as superseded; 55006: someone was connected to it.
      const code = (error as { code?: string }).code
      if (attempt >= 5 || (code !== '3D000' && code !== '55006')) throw error
      await new Promise((r) => setTimeout(r, 100 * attempt))
    }
  }
}

export async function dropServerTestDatabase(serverUrl: string, name: string): Promise<void> {
  await withClient(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`))
}
