// The fixes in src/db/upstream/pglite-adapter.ts, each checked against the stock pglite-prisma-adapter
// first: when a "still broken upstream" test fails, the adapter has fixed that fault and the fix can go
// (see the inventory in docs/prisma-offline.md).
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import type { PGlite } from '@electric-sql/pglite'
import type { SqlDriverAdapter, SqlQuery } from '@prisma/driver-adapter-utils'
import { PrismaPGlite } from 'pglite-prisma-adapter'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { PACKAGE_ROOT } from '../../../src/db/config.ts'
import { openEmptyPGlite } from '../../../src/db/pglite-snapshot.ts'
import { pgliteAdapter } from '../../../src/db/upstream/pglite-adapter.ts'

const query = (sql: string): SqlQuery => ({ sql, args: [], argTypes: [] })
const TABLES = `CREATE TABLE parent (id text PRIMARY KEY);
  CREATE TABLE child (id text PRIMARY KEY, parent_id text NOT NULL REFERENCES parent (id))`

let db: PGlite
let stock: SqlDriverAdapter
let patched: SqlDriverAdapter
beforeAll(async () => {
  db = await openEmptyPGlite([])
  await db.exec(TABLES)
  stock = await new PrismaPGlite(db).connect()
  patched = await pgliteAdapter(db, 'app').connect()
})
beforeEach(() => db.exec('TRUNCATE child, parent'))
afterAll(() => db.close())

describe('database errors carry no Prisma error kind (so no P2002/P2003/P2011)', () => {
  const violations = [
    { what: 'unique', sql: `INSERT INTO parent VALUES ('p1')`, code: '23505', kind: 'UniqueConstraintViolation', fields: ['id'] },
    { what: 'foreign key', sql: `INSERT INTO child VALUES ('c1', 'nobody')`, code: '23503', kind: 'ForeignKeyConstraintViolation', fields: ['parent_id'] },
    { what: 'not-null', sql: `INSERT INTO child (id) VALUES ('c2')`, code: '23502', kind: 'NullConstraintViolation', fields: ['parent_id'] },
  ]
  beforeEach(() => db.exec(`INSERT INTO parent VALUES ('p1')`))

  it.each(violations)('still broken upstream: a $what violation arrives as kind "postgres"', async ({ sql, code }) => {
    await expect(stock.executeRaw(query(sql))).rejects.toMatchObject({ name: 'DriverAdapterError', cause: { kind: 'postgres', code } })
  })

  it.each(violations)('patched: a $what violation is $kind', async ({ sql, code, kind, fields }) => {
    await expect(patched.executeRaw(query(sql))).rejects.toMatchObject({ name: 'DriverAdapterError', cause: { kind, originalCode: code, constraint: { fields } } })
  })
})

describe('parameterless SQL goes through the extended protocol, which refuses several statements', () => {
  const twoStatements = query(`INSERT INTO parent VALUES ('a'); INSERT INTO parent VALUES ('b')`)

  it('still broken upstream', async () => {
    await expect(stock.executeRaw(twoStatements)).rejects.toThrow(/cannot insert multiple commands into a prepared statement/)
  })

  it('patched: both statements run', async () => {
    await patched.executeRaw(twoStatements)
    expect((await db.query('SELECT id FROM parent ORDER BY id')).rows).toEqual([{ id: 'a' }, { id: 'b' }])
  })
})

describe('executeScript does not wait for the script, so a failing migration looks applied', () => {
  it('still broken upstream: it resolves before the script has failed', async () => {
    const running: Promise<unknown>[] = []
    // The stock adapter drops exec()'s promise; keep it (and handle it) to see the script fail later.
    const exec = (sql: string) => {
      const result = db.exec(sql)
      running.push(result.catch((error: unknown) => error))
      return result
    }
    const adapter = await new PrismaPGlite(Object.create(db, { exec: { value: exec } })).connect()
    await expect(adapter.executeScript('SELECT 1/0')).resolves.toBeUndefined()
    expect(await running[0]).toMatchObject({ message: 'division by zero' })
  })

  it('patched: the failure reaches the caller', async () => {
    await expect(patched.executeScript('SELECT 1; SELECT 1/0')).rejects.toMatchObject({ name: 'DriverAdapterError', cause: { kind: 'postgres', code: '22012' } })
  })
})

describe('the factory takes no schema, so DATABASE_SCHEMA cannot reach the client', () => {
  it('still broken upstream: the connection reports no schema', () => {
    expect(PrismaPGlite.length).toBe(1) // constructor(client): no options
    expect(stock.getConnectionInfo?.().schemaName).toBeUndefined()
  })

  it('patched: it reports the schema it was given', () => {
    expect(patched.getConnectionInfo?.()).toEqual({ schemaName: 'app', supportsRelationJoins: true })
  })
})

// package.json `overrides` pins @prisma/driver-adapter-utils: the adapter asks for an older exact version.
describe('pglite-prisma-adapter and @prisma/adapter-pg depend on different @prisma/driver-adapter-utils', () => {
  const packageJson = (pkg: string) => join(PACKAGE_ROOT, 'node_modules', pkg, 'package.json')
  const declared = (pkg: string) => (JSON.parse(readFileSync(packageJson(pkg), 'utf8')) as { dependencies: Record<string, string> }).dependencies['@prisma/driver-adapter-utils']
  const loadedBy = (pkg: string) => createRequire(packageJson(pkg)).resolve('@prisma/driver-adapter-utils')

  it('still different upstream: the two adapters pin different versions', () => {
    expect(declared('pglite-prisma-adapter')).not.toBe(declared('@prisma/adapter-pg'))
  })

  it('overridden: both load one copy, the one @prisma/adapter-pg asks for', () => {
    expect(loadedBy('pglite-prisma-adapter')).toBe(loadedBy('@prisma/adapter-pg'))
    expect(JSON.parse(readFileSync(packageJson('@prisma/driver-adapter-utils'), 'utf8')).version).toBe(declared('@prisma/adapter-pg'))
  })
})
