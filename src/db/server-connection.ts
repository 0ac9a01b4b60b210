import pg from 'pg'
import { CatalogTextClient } from './upstream/catalog-text-client.ts'
import { type DatabaseConfig, parseDatabaseUrl } from './config.ts'
import { DatabasePoolTimeoutError, DatabaseSetupError, firstLine } from './errors.ts'

/** pg `options` that make unqualified SQL (migrations, raw queries) use DATABASE_SCHEMA. */
export const searchPathOption = (schema: string | undefined) => (schema ? `-c search_path="${schema}"` : undefined)

/** pg.Pool settings for the app's client, from DATABASE_CONNECTION_LIMIT and DATABASE_POOL_TIMEOUT. */
export function poolConfig(url: string, config: DatabaseConfig): pg.PoolConfig {
  return {
    connectionString: url,
    Client: CatalogTextClient, // raw SQL may select name/"char" columns
    options: searchPathOption(config.schema),
    ...(config.connectionLimit !== undefined && { max: config.connectionLimit }),
    // pg applies connectionTimeoutMillis to waiting for a free pooled connection too, like pool_timeout.
    ...(config.poolTimeoutSeconds !== undefined && { connectionTimeoutMillis: config.poolTimeoutSeconds * 1000 }),
  }
}

/** `host:port`, or the socket folder of a Unix-socket URL (`?host=/var/run/postgresql`). */
const serverOf = (u: URL) => `${u.searchParams.get('host') ?? (u.hostname || 'localhost')}:${u.port || 5432}`

/**
 * A pg pool whose wait for a free connection fails with a DatabasePoolTimeoutError, and whose end()
 * resolves once every connection has closed. pg's own resolves when it has asked them to close: a
 * `DROP DATABASE … WITH (FORCE)` right after (a test database's drop()) then terminated a connection
 * still closing, which pg raised as an unhandled error.
 */
export class TimedPool extends pg.Pool {
  readonly #open = new Set<pg.Client>()

  constructor(config?: pg.PoolConfig) {
    super(config)
    this.on('connect', (client) => {
      this.#open.add(client)
      client.once('end', () => this.#open.delete(client))
    })
  }

  override connect(...args: any[]): any {
    const callback = args[0]
    if (typeof callback === 'function') return super.connect((error, client, done) => callback(poolError(error), client, done))
    return super.connect().catch((error: unknown) => Promise.reject(poolError(error)))
  }

  override end(...args: any[]): any {
    const closed = Promise.all([...this.#open].map((client) => new Promise((resolve) => client.once('end', resolve))))
    const ended = super.end().then(() => closed).then(() => undefined)
    const callback = args[0]
    if (typeof callback !== 'function') return ended
    ended.then(() => callback(), callback)
  }
}

const POOL_TIMEOUT = /^timeout exceeded when trying to connect$/i

function poolError(error: unknown) {
  if (!(error instanceof Error) || !POOL_TIMEOUT.test(error.message)) return error
  return new DatabasePoolTimeoutError(`No database connection became free within DATABASE_POOL_TIMEOUT (${error.message})`, { cause: error })
}

/** `user@host:port/database`, for messages: never the password. */
export function describeUrl(url: string): string {
  const u = parseDatabaseUrl(url)
  return `${decodeURIComponent(u.username) || '(default user)'}@${serverOf(u)}${u.pathname}`
}

/**
 * One line saying why connecting to `url` failed and what to do. `variable` names the env variable
 * the URL came from (DATABASE_URL or TEST_DATABASE_URL).
 */
export function describeConnectionError(error: any, url: string, variable: string): string {
  const u = parseDatabaseUrl(url)
  const server = serverOf(u)
  const user = decodeURIComponent(u.username)
  const database = decodeURIComponent(u.pathname.slice(1)) || user // pg's default database is the user's name
  switch (error?.code) {
    case 'ECONNREFUSED':
      return `Cannot reach PostgreSQL at ${server} (connection refused); start the server or fix the host/port in ${variable}`
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `Cannot resolve the PostgreSQL host "${u.hostname}"; fix the host in ${variable}`
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `Cannot reach PostgreSQL at ${server} (${error.code}); check the host, port and network, or fix ${variable}`
    case '28P01': // invalid_password
      return `PostgreSQL rejected the password for ${describeUrl(url)}; fix the password in ${variable}`
    case '28000': // invalid_authorization_specification: unknown role, no pg_hba.conf entry
      return `PostgreSQL refused ${describeUrl(url)}: ${firstLine(error)}; use an existing role allowed by pg_hba.conf in ${variable}`
    case '3D000': // invalid_catalog_name
      return `Database "${database}" does not exist on ${server}; create it (createdb -h ${u.hostname}${user ? ` -U ${user}` : ''} ${database}) or fix ${variable}`
    case '53300': // too_many_connections
      return `PostgreSQL at ${server} has too many connections; retry later or lower DATABASE_CONNECTION_LIMIT`
    case '57P03': // cannot_connect_now
      return `PostgreSQL at ${server} is starting up or shutting down; retry in a moment`
  }
  if (/timeout/i.test(String(error?.message))) {
    return `Timed out connecting to PostgreSQL at ${server}; check the server and network, or fix ${variable}`
  }
  return `Cannot connect to PostgreSQL as ${describeUrl(url)}: ${firstLine(error)}; check ${variable}`
}

/** Connects one pg.Client to `url`, or throws a DatabaseSetupError with a one-line explanation. */
export async function connectServer(url: string, variable: string, schema?: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000, options: searchPathOption(schema) })
  client.on('error', () => {}) // a dropped idle connection must not crash the process; the next query fails
  try {
    await client.connect()
    return client
  } catch (error) {
    await client.end().catch(() => {})
    throw new DatabaseSetupError(describeConnectionError(error, url, variable))
  }
}
