// The committed migrations must build exactly the schema that prisma/schema.prisma describes, so a
// model change without its migration fails CI.
import type { PGlite } from '@electric-sql/pglite'
import { openEmptyPGlite } from '../../src/db/pglite-snapshot.ts'
import { afterAll, describe, expect, it } from 'vitest'
import { applySchemaSql, readSchemaSql } from '../../src/db/schema-sql.ts'
import { describeSchema } from '../helpers/schema-catalog.ts'

async function schemaFrom(...scripts: string[]) {
  const db = await openEmptyPGlite()
  opened.push(db)
  for (const sql of scripts) await applySchemaSql(db, sql)
  return describeSchema(db)
}

const opened: PGlite[] = []
afterAll(() => Promise.all(opened.map((db) => db.close())))

describe('committed migrations', () => {
  it('produce exactly the schema in prisma/schema.prisma (no drift)', async () => {
    const fromMigrations = await schemaFrom(await readSchemaSql('migrations'))
    const fromSchema = await schemaFrom(await readSchemaSql('schema'))
    expect(fromMigrations.columns!.length).toBeGreaterThan(100)
    // The managed objects are part of the comparison: checks (among the constraints) and comments.
    expect(fromMigrations.constraints!.filter((c) => c.includes('| ck_')).length).toBeGreaterThan(100)
    expect(fromMigrations.comments!.length).toBeGreaterThan(100)
    expect(fromMigrations.indexes!.some((i) => i.startsWith('users_lower_email_key |'))).toBe(true) // managed: an expression index
    expect(fromMigrations).toEqual(fromSchema)
  })

  it('would be caught drifting: a missing, changed or extra check or managed index, or a changed comment, is a difference', async () => {
    const sql = await readSchemaSql('migrations')
    const clean = await schemaFrom(sql)
    const drifts = [
      'ALTER TABLE "gyms" DROP CONSTRAINT "ck_gyms_slug_pattern"',
      'ALTER TABLE "sessions" DROP CONSTRAINT "ck_sessions_capacity_min"; ALTER TABLE "sessions" ADD CONSTRAINT "ck_sessions_capacity_min" CHECK ("capacity" >= -1)',
      'ALTER TABLE "gyms" ADD CONSTRAINT "ck_gyms_extra" CHECK (true)',
      `COMMENT ON TABLE "gyms" IS 'something else'`,
      'DROP INDEX "users_lower_email_key"',
      `DROP INDEX "users_lower_email_key"; CREATE UNIQUE INDEX "users_lower_email_key" ON "users" (lower("email")) WHERE "status" <> 'DEACTIVATED'`,
    ]
    for (const drift of drifts) expect(await schemaFrom(sql, drift), drift).not.toEqual(clean)
  })

  it('would be caught drifting: one extra column is a difference', async () => {
    const sql = await readSchemaSql('migrations')
    const clean = await schemaFrom(sql)
    const drifted = await schemaFrom(sql, 'ALTER TABLE "users" ADD COLUMN "nickname" TEXT')
    expect(drifted).not.toEqual(clean)
  })
})
