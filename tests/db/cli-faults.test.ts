// Each fault must end scripts/db.ts with exit code != 0 and ONE line on stderr, never a stack trace.
import { execFile } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import { PACKAGE_ROOT } from '../../src/db/config.ts'
import { PGLITE_PLACEHOLDER_URL } from '../../src/db/upstream/prisma-cli-env.ts'
import { startWrongPasswordServer } from './fake-postgres.ts'

const serverUrl = process.env.TEST_DATABASE_URL?.trim()
const scratch = mkdtempSync(join(tmpdir(), 'pika-db-faults-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

interface Run { exitCode: number; stdout: string; stderr: string }

/** Runs `node scripts/launch.mjs db ...args` (what npm run db:* runs) with only `env`'s database variables (a .env can't interfere). */
function runDb(args: string[], env: Record<string, string>): Promise<Run> {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(DATABASE_|PGLITE_|TEST_DATABASE|MIGRATE_|DEBUG)/.test(k)))
  // The placeholder URL selects PGlite, and, being set, keeps a developer's .env DATABASE_URL out.
  const childEnv = { ...base, DATABASE_URL: PGLITE_PLACEHOLDER_URL, ...env }
  return new Promise((resolve) => {
    execFile(process.execPath, ['scripts/launch.mjs', 'db', ...args], { cwd: PACKAGE_ROOT, env: childEnv }, (error, stdout, stderr) =>
      resolve({ exitCode: typeof error?.code === 'number' ? error.code : 0, stdout, stderr }))
  })
}

function expectOneLineFailure(run: Run, pattern: RegExp): void {
  expect(run.exitCode).not.toBe(0)
  expect(run.stderr).not.toMatch(/^\s+at /m)
  const lines = run.stderr.trim().split('\n')
  expect(lines, run.stderr).toHaveLength(1)
  expect(lines[0]).toMatch(pattern)
}

async function makePGliteAhead(dir: string): Promise<void> {
  const db = await PGlite.create(dir)
  await db.exec(`${PRISMA_MIGRATIONS_TABLE}; ${FUTURE_MIGRATION_ROW}`)
  await db.close()
}
const PRISMA_MIGRATIONS_TABLE = `CREATE TABLE "_prisma_migrations" (id VARCHAR(36) PRIMARY KEY, checksum VARCHAR(64) NOT NULL,
  finished_at TIMESTAMPTZ, migration_name VARCHAR(255) NOT NULL, logs TEXT, rolled_back_at TIMESTAMPTZ,
  started_at TIMESTAMPTZ NOT NULL DEFAULT now(), applied_steps_count INTEGER NOT NULL DEFAULT 0)`
const FUTURE_MIGRATION_ROW = `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count)
  VALUES ('f', 'c', now(), '29991231000000_from_newer_code', 1)`

describe.concurrent('scripts/db.ts faults', () => {
  it('unreachable server', async () => {
    const run = await runDb(['migrate:deploy'], { DATABASE_URL: 'postgresql://postgres@127.0.0.1:1/pika' })
    expectOneLineFailure(run, /Cannot reach PostgreSQL at 127\.0\.0\.1:1 \(connection refused\)/)
  })

  it('wrong password (28P01 from a stand-in server)', async () => {
    const server = await startWrongPasswordServer()
    try {
      const run = await runDb(['migrate:status'], { DATABASE_URL: server.url })
      expectOneLineFailure(run, /PostgreSQL rejected the password for app@127\.0\.0\.1:\d+\/pika; fix the password in DATABASE_URL/)
      expect(run.stderr).not.toContain('wrong')
    } finally {
      await server.close()
    }
  })

  it('invalid setting', async () => {
    const run = await runDb(['migrate:deploy'], { DATABASE_CONNECTION_LIMIT: 'abc' })
    expectOneLineFailure(run, /DATABASE_CONNECTION_LIMIT must be a whole number >= 1, got "abc"/)
  })

  it('reset without a terminal and without --force deletes nothing', async () => {
    const run = await runDb(['migrate:reset'], { PGLITE_DIR: join(scratch, 'never-created') })
    expectOneLineFailure(run, /deletes ALL data .*; to confirm, pass --force/)
  })

  it('damaged embedded-database folder', async () => {
    const dir = join(scratch, 'damaged')
    mkdirSync(join(dir, 'global'), { recursive: true })
    writeFileSync(join(dir, 'PG_VERSION'), 'garbage\n')
    writeFileSync(join(dir, 'global', 'pg_control'), randomUUID().repeat(200))
    const run = await runDb(['migrate:status'], { PGLITE_DIR: dir })
    expectOneLineFailure(run, /The embedded database in .*damaged.* is damaged and cannot be opened .*; move the folder aside/)
  })

  it('a folder that is not an embedded database', async () => {
    const dir = join(scratch, 'foreign')
    mkdirSync(dir)
    writeFileSync(join(dir, 'notes.txt'), 'mine')
    const run = await runDb(['migrate:deploy'], { PGLITE_DIR: dir })
    expectOneLineFailure(run, /is not an embedded database folder/)
  })

  it('embedded database ahead of prisma/migrations', async () => {
    const dir = join(scratch, 'ahead')
    await makePGliteAhead(dir)
    const run = await runDb(['migrate:deploy'], { PGLITE_DIR: dir })
    expectOneLineFailure(run, /has 1 applied migration\(s\) missing from prisma\/migrations \(latest: 29991231000000_from_newer_code\)/)
  })
})

describe.runIf(serverUrl).concurrent('scripts/db.ts faults on the PostgreSQL server', () => {
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: serverUrl })
    await client.connect()
    await client.query(sql).finally(() => client.end())
  }
  const databaseUrl = (name: string) => Object.assign(new URL(serverUrl!), { pathname: `/${name}` }).href
  const uniqueName = () => `pika_test_${randomUUID().replaceAll('-', '').slice(0, 16)}`

  it('database that does not exist', async () => {
    const name = uniqueName()
    const run = await runDb(['migrate:deploy'], { DATABASE_URL: databaseUrl(name) })
    expectOneLineFailure(run, new RegExp(`Database "${name}" does not exist on .*; create it \\(createdb`))
  })

  it('database ahead of prisma/migrations', async () => {
    const name = uniqueName()
    await admin(`CREATE DATABASE "${name}"`)
    try {
      const client = new pg.Client({ connectionString: databaseUrl(name) })
      await client.connect()
      await client.query(`${PRISMA_MIGRATIONS_TABLE}; ${FUTURE_MIGRATION_ROW}`).finally(() => client.end())
      const run = await runDb(['migrate:status'], { DATABASE_URL: databaseUrl(name) })
      expectOneLineFailure(run, /^db migrate:status: Database .* has 1 applied migration\(s\) missing from prisma\/migrations/)
    } finally {
      await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
    }
  })

  it('migrate dev with a role that may not create its shadow database', async () => {
    const role = uniqueName()
    await admin(`CREATE ROLE "${role}" LOGIN NOCREATEDB`)
    try {
      const url = Object.assign(new URL(serverUrl!), { username: role, password: '' }).href
      const run = await runDb(['migrate:dev'], { DATABASE_URL: url })
      expectOneLineFailure(run, /migrate dev needs a role that may create databases/)
    } finally {
      await admin(`DROP ROLE IF EXISTS "${role}"`)
    }
  })
})
