// A service's tests point getPrisma() at a test database from a setup file, without touching the
// service's code, and cannot reach the development database meanwhile.
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPrisma, getPrisma } from '../../src/db/client.ts'
import { type TestDatabase, useTestDatabaseForGetPrisma } from '../../src/testing/test-database.ts'

// The development database of this test: a folder that must never come into being.
const scratch = mkdtempSync(join(tmpdir(), 'pika-redirect-'))
const developmentDir = join(scratch, 'dev-pglite')
const saved = { DATABASE_URL: process.env.DATABASE_URL, PGLITE_DIR: process.env.PGLITE_DIR }
let db: TestDatabase

beforeAll(async () => {
  delete process.env.DATABASE_URL
  process.env.PGLITE_DIR = developmentDir
  db = await useTestDatabaseForGetPrisma({ kind: 'pglite' }) // what a vitest setup file does
})
afterAll(async () => {
  await db.drop()
  Object.assign(process.env, saved)
  if (saved.PGLITE_DIR === undefined) delete process.env.PGLITE_DIR
  rmSync(scratch, { recursive: true, force: true })
})

describe('useTestDatabaseForGetPrisma', () => {
  it("runs a service's module-level getPrisma() on the test database", async () => {
    const service = await import('../fixtures/service/users-service.ts')
    await service.signUp('redirected@pika.test')
    expect(await service.memberCount()).toBe(1)
    expect(await db.prisma.user.findMany({ select: { email: true } })).toEqual([{ email: 'redirected@pika.test' }])
    expect(existsSync(developmentDir)).toBe(false)
  })

  it('refuses to open the development database while active', async () => {
    await expect(createPrisma()).rejects.toThrow(/redirected to a test database; refusing to open the development database/)
    expect(existsSync(developmentDir)).toBe(false)
  })

  it('lets getPrisma() go back to the development configuration after drop()', async () => {
    const other = await useTestDatabaseForGetPrisma({ kind: 'pglite' })
    expect((await getPrisma()).prisma).toBe(other.prisma)
    await other.drop()
    // A server development database (pg connects lazily, so nothing is reached): allowed again.
    process.env.DATABASE_URL = 'postgresql://dev@127.0.0.1:1/pika_dev'
    const development = await getPrisma()
    expect(development.prisma).not.toBe(other.prisma)
    expect(development.config.target).toEqual({ kind: 'postgres', url: process.env.DATABASE_URL })
    await development.close()
  })
})
