// The committed migrations must build exactly the schema that prisma/schema.prisma describes, so a
// model change without its migration fails CI.
import { PGlite } from '@electric-sql/pglite'
import { afterAll, describe, expect, it } from 'vitest'
import { applySchemaSql, readSchemaSql } from '../../src/db/schema-sql.ts'

/** Everything about the schema that a migration can change, as sorted text rows. */
async function describeSchema(db: PGlite): Promise<Record<string, string[]>> {
  const rows = async (sql: string) => (await db.query<Record<string, unknown>>(sql)).rows.map((r) => Object.values(r).map(String).join(' | '))
  return {
    columns: await rows(`SELECT table_name, column_name, udt_name, is_nullable, coalesce(column_default, ''), coalesce(character_maximum_length, 0), coalesce(numeric_precision, 0), coalesce(numeric_scale, 0)
      FROM information_schema.columns WHERE table_schema = current_schema() ORDER BY 1, 2`),
    indexes: await rows(`SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() ORDER BY 1`),
    constraints: await rows(`SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = current_schema()::regnamespace ORDER BY 1, 2`),
    enums: await rows(`SELECT t.typname, e.enumlabel FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid ORDER BY t.typname, e.enumsortorder`),
  }
}

async function schemaFrom(...scripts: string[]) {
  const db = await PGlite.create()
  opened.push(db)
  for (const sql of scripts) await applySchemaSql(db, sql)
  return describeSchema(db)
}

const opened: PGlite[] = []
afterAll(() => Promise.all(opened.map((db) => db.close())))

describe('committed migrations', () => {
  it('produce exactly the schema in prisma/schema.prisma (no drift)', async () => {
    const [fromMigrations, fromSchema] = await Promise.all([schemaFrom(await readSchemaSql('migrations')), schemaFrom(await readSchemaSql('schema'))])
    expect(fromMigrations.columns!.length).toBeGreaterThan(100)
    expect(fromMigrations).toEqual(fromSchema)
  })

  it('would be caught drifting: one extra column is a difference', async () => {
    const sql = await readSchemaSql('migrations')
    const [clean, drifted] = await Promise.all([schemaFrom(sql), schemaFrom(sql, 'ALTER TABLE "users" ADD COLUMN "nickname" TEXT')])
    expect(drifted).not.toEqual(clean)
  })
})
