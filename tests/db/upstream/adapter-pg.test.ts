// The fixes over @prisma/adapter-pg (src/db/upstream/catalog-text-client.ts, migrate-adapters.ts),
// each checked against the stock adapter first: when a "still broken upstream" test fails, the
// adapter has fixed that fault and the fix can go (see the inventory in docs/prisma-offline.md).
import { randomUUID } from 'node:crypto'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PrismaPg } from '@prisma/adapter-pg'
import type { SqlDriverAdapter, SqlQuery } from '@prisma/driver-adapter-utils'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readDatabaseConfig } from '../../../src/db/config.ts'
import { runPrismaCli, sqlOnlyConfig } from '../../../src/db/prisma-cli.ts'
import { CatalogTextClient } from '../../../src/db/upstream/catalog-text-client.ts'
import { migrateAdapter } from '../../../src/db/upstream/migrate-adapters.ts'

const serverUrl = process.env.TEST_DATABASE_URL?.trim()
const query = (sql: string): SqlQuery => ({ sql, args: [], argTypes: [] })
const rowsOf = async (adapter: SqlDriverAdapter, sql: string) => (await adapter.queryRaw(query(sql))).rows

describe.skipIf(!serverUrl)('@prisma/adapter-pg on a PostgreSQL server (TEST_DATABASE_URL)', () => {
  const database = `pika_upstream_${randomUUID().replaceAll('-', '')}`
  const admin = new pg.Client({ connectionString: serverUrl })
  let url: string
  const open: SqlDriverAdapter[] = []
  const connect = async (factory: { connect(): Promise<SqlDriverAdapter> }) => open[open.push(await factory.connect()) - 1]!

  beforeAll(async () => {
    await admin.connect()
    await admin.query(`CREATE DATABASE "${database}"`)
    url = Object.assign(new URL(serverUrl!), { pathname: `/${database}` }).href
  })
  afterAll(async () => {
    for (const adapter of open) await adapter.dispose()
    // FORCE: the stock connectToShadowDb leaves its own pool on this database open.
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`)
    await admin.end()
  })

  describe('the catalog types name and "char" cannot be read (the schema engine and raw SQL select them)', () => {
    const columns = [
      { type: 'name', reported: 'name', sql: 'SELECT current_schema() AS value', value: 'public' },
      { type: '"char"', reported: 'char', sql: `SELECT relkind AS value FROM pg_class WHERE relname = 'pg_class'`, value: 'r' },
    ]

    it.each(columns)('still broken upstream: $type', async ({ reported, sql }) => {
      const stock = await connect(new PrismaPg({ connectionString: url }))
      await expect(stock.queryRaw(query(sql))).rejects.toMatchObject({ cause: { kind: 'UnsupportedNativeDataType', type: reported } })
    })

    it.each(columns)('patched (CatalogTextClient): $type reads as text', async ({ sql, value }) => {
      const patched = await connect(new PrismaPg({ connectionString: url, Client: CatalogTextClient }))
      expect(await rowsOf(patched, sql)).toEqual([[value]])
    })
  })

  describe('executeScript splits a script at every ";", also inside $$ bodies and strings', () => {
    const script = `DO $$ BEGIN PERFORM 1; END $$; CREATE TABLE semicolons (s text DEFAULT ';')`

    it('still broken upstream', async () => {
      const stock = await connect(new PrismaPg({ connectionString: url }))
      await expect(stock.executeScript(script)).rejects.toThrow(/unterminated dollar-quoted string/)
    })

    it('patched (migrateAdapter): the script is sent whole', async () => {
      const patched = await connect(migrateAdapter(readDatabaseConfig({ DATABASE_URL: url })))
      await patched.executeScript(script)
      expect(await rowsOf(patched, `SELECT column_default FROM information_schema.columns WHERE table_name = 'semicolons'`)).toEqual([[`';'::text`]])
    })
  })

  describe('connectToShadowDb connects to the main database, not the shadow it created', () => {
    it('still broken upstream: the connection string wins over its `database` option', async () => {
      const shadow = await new PrismaPg({ connectionString: url }).connectToShadowDb()
      try {
        expect(await rowsOf(shadow, 'SELECT current_database()::text')).toEqual([[database]])
      } finally {
        await shadow.dispose()
      }
    })

    it('patched (migrateAdapter): a database of its own, dropped after its pool is closed', async () => {
      const shadow = await migrateAdapter(readDatabaseConfig({ DATABASE_URL: url })).connectToShadowDb()
      const [[name]] = (await rowsOf(shadow, 'SELECT current_database()::text')) as [[string]]
      expect(name).toMatch(/^prisma_shadow_[0-9a-f]{32}$/)
      await shadow.dispose()
      expect((await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount).toBe(0)
    })
  })

  describe('migrate diff --from-migrations crashes the WebAssembly schema engine once a migration holds a CHECK', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pika-diff-check-'))
    mkdirSync(join(dir, 'migrations', '1_init'), { recursive: true })
    writeFileSync(join(dir, 'migrations', 'migration_lock.toml'), 'provider = "postgresql"\n')
    writeFileSync(join(dir, 'migrations', '1_init', 'migration.sql'), 'CREATE TABLE "Gym" ("id" INTEGER NOT NULL PRIMARY KEY, "seats" INTEGER NOT NULL);\nALTER TABLE "Gym" ADD CONSTRAINT "ck_Gym_seats_min" CHECK ("seats" >= 0);\n')
    writeFileSync(join(dir, 'schema.prisma'), 'datasource db {\n  provider = "postgresql"\n  url      = env("DATABASE_URL")\n}\n\nmodel Gym {\n  id    Int @id\n  seats Int\n  name  String?\n}\n')
    const diff = (config: ReturnType<typeof readDatabaseConfig>) =>
      runPrismaCli(['migrate', 'diff', '--from-migrations', join(dir, 'migrations'), '--to-schema-datamodel', join(dir, 'schema.prisma'), '--script'], config)
    const shadows = async () => new Set((await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'prisma\\_shadow\\_%'")).rows.map((r) => r.datname))
    afterAll(() => rmSync(dir, { recursive: true, force: true }))

    it('still broken upstream: through the pg adapter it dies with "unreachable" and leaves its shadow database', async () => {
      const before = await shadows()
      const result = await diff(readDatabaseConfig({ DATABASE_URL: url }))
      for (const name of await shadows()) if (!before.has(name)) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
      expect(result.exitCode).not.toBe(0)
      expect(result.stderr).toContain('RuntimeError: unreachable')
    }, 120_000)

    it('patched (sqlOnlyConfig): the same diff from an in-memory PGlite', async () => {
      const result = await diff(sqlOnlyConfig(readDatabaseConfig({ DATABASE_URL: url })))
      expect(result.exitCode, result.stderr).toBe(0)
      expect(result.stdout).toContain('ALTER TABLE "Gym" ADD COLUMN     "name" TEXT;')
    }, 120_000)
  })
})
