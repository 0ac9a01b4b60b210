// The DATABASE_* settings reach the client: schema, pool limit and timeout, logging, deploy on start.
import { randomUUID } from 'node:crypto'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { createPrisma, getPrisma, Prisma } from '../../src/db/client.ts'
import { pgliteTarget, readDatabaseConfig, serverTarget } from '../../src/db/config.ts'
import { PGLITE_PLACEHOLDER_URL } from '../../src/db/upstream/prisma-cli-env.ts'
import { localMigrationNames } from '../../src/db/migration-history.ts'
import { testTargets } from './test-targets.ts'

const targets = testTargets()
afterAll(() => Promise.all(targets.map((t) => t.dispose())))
const serverUrl = process.env.TEST_DATABASE_URL?.trim()

describe.each(targets)('client options on $name', (target) => {
  it('DATABASE_SCHEMA puts and finds the tables in that schema', async () => {
    const db = await target.create({ schema: 'pika_app' })
    try {
      await db.client.prisma.user.create({ data: { email: 'schema@pika.test', passwordHash: 'x', firstName: 'S', lastName: 'C' } })
      const rows = await db.client.prisma.$queryRaw<{ table_schema: string }[]>`
        SELECT table_schema FROM information_schema.tables WHERE table_name = 'users'`
      expect(rows.map((r) => r.table_schema)).toEqual(['pika_app'])
      expect(await db.client.prisma.user.count()).toBe(1)
    } finally {
      await db.drop()
    }
  })

  it('DATABASE_LOGGING=query logs each query', async () => {
    const logged = vi.spyOn(console, 'log').mockImplementation(() => {})
    const db = await target.create({ log: readDatabaseConfig({ DATABASE_LOGGING: 'query' }).log })
    try {
      await db.client.prisma.user.count()
      expect(logged).toHaveBeenCalledWith('prisma:query', expect.stringMatching(/SELECT COUNT/))
    } finally {
      logged.mockRestore()
      await db.drop()
    }
  })
})

describe.runIf(serverUrl)('pool settings on postgres', () => {
  it('DATABASE_CONNECTION_LIMIT=1 with DATABASE_POOL_TIMEOUT=1 times out a second concurrent query', async () => {
    const [target] = testTargets().filter((t) => t.name === 'postgres')
    const db = await target!.create()
    const config = { ...db.client.config, ...readDatabaseConfig({ DATABASE_CONNECTION_LIMIT: '1', DATABASE_POOL_TIMEOUT: '1' }), target: db.client.config.target }
    const limited = await createPrisma(config)
    try {
      const started = Date.now()
      await limited.prisma.$transaction(async (tx) => {
        await tx.user.count() // holds the only connection
        const waited = await limited.prisma.user.count().catch((error: unknown) => error)
        // Prisma's own code for a pool timeout, so a service can tell it apart (and answer 503)
        expect(waited).toBeInstanceOf(Prisma.PrismaClientKnownRequestError)
        expect(waited).toMatchObject({ code: 'P2024', message: expect.stringMatching(/No database connection became free within DATABASE_POOL_TIMEOUT/) })
      }, { timeout: 10_000 })
      expect(Date.now() - started).toBeLessThan(5_000)
      expect(await limited.prisma.user.count()).toBe(0) // the pool recovers
    } finally {
      await limited.close()
      await db.drop()
    }
  })
})

describe('MIGRATE_DEPLOY_ON_START', () => {
  const cases = [{ name: 'pglite' }, ...(serverUrl ? [{ name: 'postgres' }] : [])]
  it.each(cases)('applies prisma/migrations before returning the client ($name)', async ({ name }) => {
    const folder = mkdtempSync(join(tmpdir(), 'pika-deploy-'))
    const database = `pika_test_${randomUUID().replaceAll('-', '').slice(0, 16)}`
    const url = serverUrl && Object.assign(new URL(serverUrl), { pathname: `/${database}` }).href
    if (name === 'postgres') await adminQuery(`CREATE DATABASE "${database}"`)
    const target = name === 'postgres' ? serverTarget('TEST_DATABASE_URL', url!) : pgliteTarget(folder)
    const client = await createPrisma({ ...readDatabaseConfig({ MIGRATE_DEPLOY_ON_START: 'true' }), target })
    try {
      const applied = await client.prisma.$queryRaw<{ migration_name: string }[]>`
        SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name`
      expect(applied.map((r) => r.migration_name)).toEqual(localMigrationNames())
    } finally {
      await client.close()
      rmSync(folder, { recursive: true, force: true })
      if (name === 'postgres') await adminQuery(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`)
    }
  })
})

describe('getPrisma', () => {
  it('shares one client per process until it is closed', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'pika-shared-'))
    vi.stubEnv('DATABASE_URL', PGLITE_PLACEHOLDER_URL)
    vi.stubEnv('PGLITE_DIR', folder)
    try {
      const first = await getPrisma()
      expect(await getPrisma()).toBe(first)
      expect(first.config.target).toEqual({ kind: 'pglite', dataDir: folder })
      expect(await first.prisma.$queryRaw`SELECT 1 AS one`).toEqual([{ one: 1 }])
      await first.close()
      const second = await getPrisma()
      expect(second).not.toBe(first)
      await second.close()
    } finally {
      vi.unstubAllEnvs()
      rmSync(folder, { recursive: true, force: true })
    }
  })
})

async function adminQuery(sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  await admin.query(sql).finally(() => admin.end())
}

describe.runIf(serverUrl && existsSync('/var/run/postgresql/.s.PGSQL.5432'))('a DATABASE_URL naming a Unix socket', () => {
  it('connects through the socket (postgresql://user@/db?host=/var/run/postgresql)', async () => {
    const [target] = testTargets().filter((t) => t.name === 'postgres')
    const db = await target!.create()
    const tcp = new URL(db.client.config.target.kind === 'postgres' ? db.client.config.target.url : '')
    const url = `postgresql://${tcp.username}@${tcp.pathname}?host=/var/run/postgresql`
    const config = readDatabaseConfig({ DATABASE_URL: url })
    expect(config.target).toEqual({ kind: 'postgres', url })
    const socket = await createPrisma(config)
    try {
      expect(await socket.prisma.user.count()).toBe(0)
      const [row] = await socket.prisma.$queryRawUnsafe<{ address: string | null }[]>('SELECT inet_client_addr()::text AS address')
      expect(row!.address).toBeNull() // no TCP peer: the socket
    } finally {
      await socket.close()
      await db.drop()
    }
  })
})
