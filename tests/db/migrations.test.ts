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
