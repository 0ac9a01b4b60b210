// Partial and expression indexes (a `where:` or `lower(field)` on an index or unique) live in the
// managed SQL: the database itself refuses a duplicate among the rows the index covers and accepts
// one among the rows it leaves out, on PGlite and on the server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readDatabaseConfig } from '../../src/db/config.ts'
import { diffDown, diffUp } from '../../src/db/migrate/create.ts'
import { readSchemaSql } from '../../src/db/schema-sql.ts'
import type { SqlSession } from '../../src/db/migrate/session.ts'
import { caseSchemaSql } from '../helpers/case-database.ts'
import { engines } from './migrate/sessions.ts'

const cuid = (n: number) => `c${String(n).padStart(24, '0')}`

/** Runs `sql` in a transaction that is always rolled back, so every case starts from empty tables. */
async function write(db: SqlSession, sql: string): Promise<void> {
  await db.exec('BEGIN')
  try {
    await db.exec(sql)
  } finally {
    await db.exec('ROLLBACK')
  }
}

describe.each(engines())('partial and expression indexes on $name', (engine) => {
  let golden: SqlSession
  let platform: SqlSession
  beforeAll(async () => {
    golden = await engine.open()
    await golden.exec(await caseSchemaSql('gym-basics'))
    platform = await engine.open()
    await platform.exec(await readSchemaSql('migrations'))
  }, 300_000)
  afterAll(async () => {
    await golden?.close()
    await platform?.close()
  })

  const member = (id: number, email: string) => `INSERT INTO members (id, email, display_name, "passwordHash", "updatedAt") VALUES ('m${id}', '${email}', 'M', 'x', now());`
  const booking = (memberId: string, coachId: string | null, price = 10) =>
    `INSERT INTO bookings ("memberId", "coachId", price, "startsAt") VALUES ('${memberId}', ${coachId === null ? 'NULL' : `'${coachId}'`}, ${price}, '2026-01-05T09:00:00Z');`

  it('an expression unique (lower(email)) refuses the same address in another letter case', async () => {
    await expect(write(golden, member(1, 'ada@example.com') + member(2, 'bob@example.com'))).resolves.toBeUndefined()
    await expect(write(golden, member(1, 'ada@example.com') + member(2, 'Ada@Example.COM'))).rejects.toThrow('members_lower_email_key')
  })

  it('a partial unique refuses a duplicate among the rows it covers and accepts one among the rows it leaves out', async () => {
    const members = member(1, 'ada@example.com') + member(2, 'coach@example.com')
    // coachId IS NULL: outside `where: coachId IS NOT NULL`, so the same member and time may repeat.
    await expect(write(golden, members + booking('m1', null) + booking('m1', null))).resolves.toBeUndefined()
    await expect(write(golden, members + booking('m1', 'm2') + booking('m1', null))).resolves.toBeUndefined()
    await expect(write(golden, members + booking('m1', 'm2') + booking('m1', 'm2'))).rejects.toThrow('bookings_memberId_startsAt_partial_key')
    // A row moving into the covered set is checked as it moves.
    await expect(write(golden, `${members}${booking('m1', 'm2')}${booking('m1', null)} UPDATE bookings SET "coachId" = 'm2' WHERE "coachId" IS NULL;`)).rejects.toThrow('bookings_memberId_startsAt_partial_key')
  })

  it('the indexes are what the models say: partial conditions and expressions as PostgreSQL reads them back', async () => {
    const rows = await golden.query<{ indexdef: string }>(`SELECT indexdef FROM pg_indexes WHERE indexname IN ('members_lower_email_key', 'bookings_memberId_startsAt_partial_key', 'bookings_coachId_startsAt_partial_idx') ORDER BY indexname`)
    expect(rows.map((r) => r.indexdef.replace(/ ON \S+\./, ' ON '))).toEqual([
      'CREATE INDEX "bookings_coachId_startsAt_partial_idx" ON bookings USING btree ("coachId", "startsAt") WHERE ((price > (0)::numeric) AND ("coachId" IS NOT NULL))',
      'CREATE UNIQUE INDEX "bookings_memberId_startsAt_partial_key" ON bookings USING btree ("memberId", "startsAt") WHERE ("coachId" IS NOT NULL)',
      'CREATE UNIQUE INDEX members_lower_email_key ON members USING btree (lower(email))',
    ])
  })

  it('the committed migrations give the platform users a case-insensitive unique email', async () => {
    const user = (n: number, email: string) => `INSERT INTO users (id, email, "passwordHash", "firstName", "lastName", "updatedAt") VALUES ('${cuid(n)}', '${email}', 'x', 'S', 'T', now());`
    await expect(write(platform, user(1, 'sam@example.com') + user(2, 'alex@example.com'))).resolves.toBeUndefined()
    await expect(write(platform, user(1, 'sam@example.com') + user(2, 'Sam@Example.com'))).rejects.toThrow('users_lower_email_key')
  })
})

describe("Prisma's migrations and the managed indexes", () => {
  it('Prisma does not see partial or expression indexes: from the committed migrations (which hold them) to the schema (which cannot) its diff is empty, both ways', async () => {
    const config = readDatabaseConfig({})
    expect(await diffUp(config)).toBe('')
    expect(await diffDown(config)).toBe('')
  }, 120_000)
})
