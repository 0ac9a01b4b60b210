import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { DatabaseSetupError } from './errors.ts'
import { type ReplicaSettings, readReplicaSettings } from './replicas/replica-settings.ts'
import { PGLITE_PLACEHOLDER_URL } from './upstream/prisma-cli-env.ts'

/**
 * The package root, so default folders don't depend on the caller's cwd: the nearest folder above
 * this module with a package.json (two levels up from src/db, three from the built dist/src/db).
 */
export const PACKAGE_ROOT = packageRoot(fileURLToPath(new URL('.', import.meta.url)))

function packageRoot(dir: string): string {
  for (let at = dir; ; at = dirname(at)) {
    if (existsSync(join(at, 'package.json'))) return `${at}/`
    if (dirname(at) === at) return `${process.cwd()}/` // bundled into a service: its working directory
  }
}

/**
 * Loads `.env` from the package root into process.env, if there is one. With a config file Prisma no
 * longer loads it itself, so prisma.config.ts and the scripts call this and all see one config.
 */
export function loadDotenv(): void {
  const dotenv = join(PACKAGE_ROOT, '.env')
  if (existsSync(dotenv)) process.loadEnvFile(dotenv)
}

export type LogLevel = 'query' | 'info' | 'warn' | 'error'
const LOG_LEVELS: readonly LogLevel[] = ['query', 'info', 'warn', 'error']

/** Where the database lives. `dataDir` and `url` are absolute / complete. */
export type DatabaseTarget =
  | { readonly kind: 'pglite'; readonly dataDir: string }
  | { readonly kind: 'postgres'; readonly url: string }

export interface DatabaseConfig {
  readonly target: DatabaseTarget
  /** PostgreSQL schema for tables and `_prisma_migrations`; undefined = the server's default (public). */
  readonly schema: string | undefined
  /** Pool size (pg `max`); undefined = pg's default (10). Server only. */
  readonly connectionLimit: number | undefined
  /** Seconds to wait for a free pooled connection, like Prisma's pool_timeout; 0 = forever. Server only. */
  readonly poolTimeoutSeconds: number | undefined
  /** PrismaClient `log` levels; empty = Prisma's default. */
  readonly log: readonly LogLevel[]
  /** Apply pending migrations (as db:migrate:deploy does) before createPrisma() returns. */
  readonly migrateDeployOnStart: boolean
  /** Read replicas of the server (DATABASE_REPLICA_URLS...); undefined = none. See replicas/. */
  readonly replicas: ReplicaSettings | undefined
}

type Env = Readonly<Record<string, string | undefined>>

/** Reads the DATABASE_* variables; throws DatabaseSetupError (one line) on an invalid value. */
export function readDatabaseConfig(env: Env = process.env): DatabaseConfig {
  const url = value(env, 'DATABASE_URL')
  const target = url === undefined || url === PGLITE_PLACEHOLDER_URL
    ? pgliteTarget(value(env, 'PGLITE_DIR') ?? resolve(PACKAGE_ROOT, '.pglite'))
    : serverTarget('DATABASE_URL', url)
  return {
    target,
    schema: schemaName(value(env, 'DATABASE_SCHEMA') ?? urlSchema(target)),
    connectionLimit: integer(env, 'DATABASE_CONNECTION_LIMIT', 1),
    poolTimeoutSeconds: integer(env, 'DATABASE_POOL_TIMEOUT', 0),
    log: logLevels(value(env, 'DATABASE_LOGGING')),
    migrateDeployOnStart: flag(env, 'MIGRATE_DEPLOY_ON_START'),
    replicas: readReplicaSettings(env),
  }
}

/** The test database: TEST_DATABASE_URL, or else an embedded PGlite folder `.pglite-test/`. */
export function readTestDatabaseConfig(env: Env = process.env): DatabaseConfig {
  const url = value(env, 'TEST_DATABASE_URL')
  const target = url === undefined
    ? pgliteTarget(resolve(PACKAGE_ROOT, '.pglite-test'))
    : serverTarget('TEST_DATABASE_URL', url)
  const schema = schemaName(value(env, 'DATABASE_SCHEMA') ?? urlSchema(target))
  return { ...readDatabaseConfig({ ...env, DATABASE_URL: undefined }), target, schema, migrateDeployOnStart: false, replicas: undefined }
}

// memory:// is an in-memory instance (migration diffs use one so they never touch a folder).
export const pgliteTarget = (dir: string): DatabaseTarget => ({ kind: 'pglite', dataDir: dir.startsWith('memory://') ? dir : resolve(dir) })

export function serverTarget(name: string, url: string): DatabaseTarget {
  let parsed: URL
  try {
    parsed = parseDatabaseUrl(url)
  } catch {
    throw new DatabaseSetupError(`${name} is not a valid URL; expected postgresql://user:password@host:5432/database`)
  }
  if (parsed.protocol !== 'postgresql:' && parsed.protocol !== 'postgres:') {
    throw new DatabaseSetupError(`${name} must start with postgresql:// (got ${parsed.protocol}//); unset it to use the embedded PGlite database`)
  }
  return { kind: 'postgres', url }
}

const value = (env: Env, name: string) => (env[name]?.trim() ? env[name].trim() : undefined)

// Prisma's own URL convention (?schema=name) still works when DATABASE_SCHEMA is not set.
const urlSchema = (t: DatabaseTarget) => (t.kind === 'postgres' ? parseDatabaseUrl(t.url).searchParams.get('schema') ?? undefined : undefined)

/**
 * A DATABASE_URL as a URL object, including libpq's Unix-socket form with no host
 * (`postgresql://user@/db?host=/var/run/postgresql`), which WHATWG URLs refuse when it has a user:
 * it is read with `localhost` in the empty host (pg itself connects to the socket in `?host=`).
 */
export function parseDatabaseUrl(url: string): URL {
  return new URL(url.replace(/^(postgres(?:ql)?:\/\/[^/?#]*@)(?=[/?#])/i, '$1localhost'))
}

function schemaName(name: string | undefined): string | undefined {
  // Interpolated into SET search_path / CREATE SCHEMA, so only plain identifiers are accepted.
  if (name === undefined || /^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(name)) return name
  throw new DatabaseSetupError(`DATABASE_SCHEMA must be a plain identifier (letters, digits, _), got "${name}"`)
}

function integer(env: Env, name: string, min: number): number | undefined {
  const text = value(env, name)
  if (text === undefined) return undefined
  if (/^\d+$/.test(text) && Number(text) >= min && Number.isSafeInteger(Number(text))) return Number(text)
  throw new DatabaseSetupError(`${name} must be a whole number >= ${min}, got "${text}"`)
}

function flag(env: Env, name: string): boolean {
  const text = value(env, name)?.toLowerCase()
  if (text === undefined || ['false', '0', 'no', 'off'].includes(text)) return false
  if (['true', '1', 'yes', 'on'].includes(text)) return true
  throw new DatabaseSetupError(`${name} must be true or false, got "${env[name]}"`)
}

function logLevels(text: string | undefined): readonly LogLevel[] {
  const lowered = text?.toLowerCase()
  if (lowered === undefined || ['false', '0', 'no', 'off'].includes(lowered)) return []
  if (['true', '1', 'yes', 'on', 'all'].includes(lowered)) return LOG_LEVELS
  const levels = lowered.split(',').map((l) => l.trim()).filter(Boolean)
  const unknown = levels.filter((l) => !LOG_LEVELS.includes(l as LogLevel))
  if (unknown.length === 0) return [...new Set(levels)] as LogLevel[]
  throw new DatabaseSetupError(`DATABASE_LOGGING must be true, false or a list of ${LOG_LEVELS.join(',')}; unknown: ${unknown.join(',')}`)
}
