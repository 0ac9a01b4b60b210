import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { addAndDrop, managedStatements } from '../../bench/managed-constraints.ts'
import { copiesOf, uniqueColumns } from '../../bench/platform-seeding.ts'
import { readFixtures } from '../../seed/read-fixtures.ts'
import { seedDatabase } from '../../seed/seed-database.ts'
import { testTargets } from '../db/test-targets.ts'

// The inputs of the seeding benchmark, not its timing: copies of the platform's fixtures must be new
// rows that every managed constraint, unique index and foreign key accepts, or the benchmark would
// measure the seeder's conflict path (or a failure) instead of inserts checked by the constraints.
const [embedded] = testTargets()
afterAll(() => embedded!.dispose())
const managedSql = readFileSync(join(import.meta.dirname, '..', '..', 'prisma', 'managed.sql'), 'utf8')

describe("copies of the platform's fixtures (bench/platform-seeding.ts)", () => {
  it('are all inserted by the seeder into the migrated schema, every managed constraint in place', async () => {
    const db = await embedded!.create()
    try {
      const query = (sql: string) => (db.client.driver as unknown as { query(sql: string): Promise<{ rows: unknown[] }> }).query(sql)
      const unique = await uniqueColumns(query)
      expect(unique.get('users')).toEqual(new Set(['email'])) // the expression index lower(email) included
      expect(unique.get('gyms')).toContain('slug') // a partial unique index
      const fixtures = await readFixtures()
      const copies = copiesOf(fixtures, 3, unique)
      const reports = await seedDatabase(db.client.driver, copies)
      expect(reports.map((r) => [r.model, r.inserted])).toEqual(fixtures.map((f) => [f.model, 3 * f.rows.length]))
      // The copies share no key with the originals, and a copy's foreign keys point into the copy itself.
      const users = new Set(copies.find((m) => m.model === 'User')!.rows.map((r) => r.id))
      const bookings = copies.find((m) => m.model === 'SessionBooking')!.rows
      expect(bookings.every((b) => users.has(b.userId))).toBe(true)
      expect(new Set(bookings.map((b) => b.userId)).size).toBe(3 * new Set(fixtures.find((m) => m.model === 'SessionBooking')!.rows.map((b) => b.userId)).size)
    } finally {
      await db.drop()
    }
  })

  it('adds and drops exactly the CHECK constraints and indexes of prisma/managed.sql', async () => {
    const statements = managedStatements(managedSql)
    const checks = statements.filter((s) => s.kind === 'check').length
    const indexes = statements.filter((s) => s.kind === 'index').length
    expect(checks).toBe(managedSql.match(/ ADD CONSTRAINT "[^"]+" CHECK /g)!.length)
    expect(indexes).toBe(managedSql.match(/^CREATE (UNIQUE )?INDEX /gm)!.length)
    const constraints = addAndDrop(statements)
    const db = await embedded!.create()
    try {
      const query = (sql: string) => (db.client.driver as unknown as { query(sql: string): Promise<{ rows: { n: number }[] }> }).query(sql)
      const count = async () => (await query(`SELECT (SELECT count(*) FROM pg_constraint WHERE contype = 'c' AND connamespace = 'public'::regnamespace)::int + (SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid WHERE c.relnamespace = 'public'::regnamespace AND (i.indexprs IS NOT NULL OR i.indpred IS NOT NULL))::int AS n`)).rows[0]!.n
      const migrated = await count()
      await (db.client.driver as unknown as { exec(sql: string): Promise<unknown> }).exec(constraints.drop)
      expect(await count()).toBe(migrated - checks - indexes)
      await (db.client.driver as unknown as { exec(sql: string): Promise<unknown> }).exec(constraints.add)
      expect(await count()).toBe(migrated)
    } finally {
      await db.drop()
    }
  })
})
