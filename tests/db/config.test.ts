import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { PACKAGE_ROOT, readDatabaseConfig, readTestDatabaseConfig } from '../../src/db/config.ts'
import { PGLITE_PLACEHOLDER_URL } from '../../src/db/upstream/prisma-cli-env.ts'
import { DatabaseSetupError } from '../../src/db/errors.ts'
import { databaseEnv } from '../../src/db/prisma-cli.ts'
import { poolConfig } from '../../src/db/server-connection.ts'

const URL_A = 'postgresql://app:secret@db.internal:5433/pika'

describe('readDatabaseConfig', () => {
  it('defaults to the embedded database in .pglite/ at the package root', () => {
    const config = readDatabaseConfig({})
    expect(config).toEqual({
      target: { kind: 'pglite', dataDir: resolve(PACKAGE_ROOT, '.pglite') },
      schema: undefined,
      connectionLimit: undefined,
      poolTimeoutSeconds: undefined,
      log: [],
      migrateDeployOnStart: false,
    })
  })

  it('honours PGLITE_DIR, and maps the placeholder URL back to PGlite', () => {
    expect(readDatabaseConfig({ PGLITE_DIR: '/tmp/x' }).target).toEqual({ kind: 'pglite', dataDir: '/tmp/x' })
    expect(readDatabaseConfig({ DATABASE_URL: PGLITE_PLACEHOLDER_URL, PGLITE_DIR: '/tmp/x' }).target.kind).toBe('pglite')
  })

  it('reads every variable', () => {
    const config = readDatabaseConfig({
      DATABASE_URL: URL_A,
      DATABASE_SCHEMA: 'gym',
      DATABASE_CONNECTION_LIMIT: '5',
      DATABASE_POOL_TIMEOUT: '0',
      DATABASE_LOGGING: 'warn, error',
      MIGRATE_DEPLOY_ON_START: 'TRUE',
    })
    expect(config).toEqual({
      target: { kind: 'postgres', url: URL_A },
      schema: 'gym',
      connectionLimit: 5,
      poolTimeoutSeconds: 0,
      log: ['warn', 'error'],
      migrateDeployOnStart: true,
    })
    expect(poolConfig(URL_A, config)).toMatchObject({ max: 5, connectionTimeoutMillis: 0, options: '-c search_path="gym"' })
  })

  it('takes ?schema= from the URL when DATABASE_SCHEMA is not set', () => {
    expect(readDatabaseConfig({ DATABASE_URL: `${URL_A}?schema=legacy` }).schema).toBe('legacy')
  })

  it('maps DATABASE_LOGGING=true to every level', () => {
    expect(readDatabaseConfig({ DATABASE_LOGGING: 'true' }).log).toEqual(['query', 'info', 'warn', 'error'])
  })

  it.each([
    [{ DATABASE_CONNECTION_LIMIT: 'abc' }, 'DATABASE_CONNECTION_LIMIT must be a whole number >= 1, got "abc"'],
    [{ DATABASE_CONNECTION_LIMIT: '0' }, 'DATABASE_CONNECTION_LIMIT must be a whole number >= 1, got "0"'],
    [{ DATABASE_POOL_TIMEOUT: '2.5' }, 'DATABASE_POOL_TIMEOUT must be a whole number >= 0, got "2.5"'],
    [{ DATABASE_LOGGING: 'query,loud' }, 'DATABASE_LOGGING must be true, false or a list of query,info,warn,error; unknown: loud'],
    [{ MIGRATE_DEPLOY_ON_START: 'maybe' }, 'MIGRATE_DEPLOY_ON_START must be true or false, got "maybe"'],
    [{ DATABASE_SCHEMA: 'a"; DROP' }, 'DATABASE_SCHEMA must be a plain identifier (letters, digits, _), got "a"; DROP"'],
    [{ DATABASE_URL: 'mysql://x@y/z' }, 'DATABASE_URL must start with postgresql:// (got mysql://); unset it to use the embedded PGlite database'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL is not a valid URL; expected postgresql://user:password@host:5432/database'],
  ])('rejects %o with one line', (env, message) => {
    expect(() => readDatabaseConfig(env)).toThrow(new DatabaseSetupError(message))
  })
})

describe('readTestDatabaseConfig', () => {
  it('uses TEST_DATABASE_URL, never DATABASE_URL', () => {
    expect(readTestDatabaseConfig({ DATABASE_URL: URL_A, TEST_DATABASE_URL: `${URL_A}_test` }).target).toEqual({ kind: 'postgres', url: `${URL_A}_test` })
    expect(readTestDatabaseConfig({ DATABASE_URL: URL_A }).target).toEqual({ kind: 'pglite', dataDir: resolve(PACKAGE_ROOT, '.pglite-test') })
  })
})

describe('databaseEnv', () => {
  it('gives a child process the same target, without stray variables', () => {
    const env = databaseEnv(readDatabaseConfig({ PGLITE_DIR: '/tmp/y' }), { DATABASE_URL: URL_A, PATH: '/bin', MIGRATE_DEPLOY_ON_START: '1' })
    expect(env).toEqual({ PGLITE_DIR: '/tmp/y', PATH: '/bin' })
  })
})
