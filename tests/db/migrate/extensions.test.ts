// A native type or a declared feature that needs a PostgreSQL extension: the Prisma datasource lists
// it, the migration creates it, the embedded database loads PGlite's build of it, and the database
// then enforces what the extension is for. Also the renamedFrom pre-pass replays such migrations.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { prismaEmitter } from '../../../generators/emit/prisma/emit-prisma.ts'
import { compileModels } from '../../../generators/pipeline.ts'
import { catalogOfMigrations } from '../../../scripts/rename-migration.ts'
import { deployOnSession } from '../../../src/db/migrate/deploy.ts'
import { readLocalMigrations } from '../../../src/db/migrate/migration-files.ts'
import { schemaExtensions } from '../../../src/db/pglite-extensions.ts'
import { prismaErrorLine, runPrismaCli, sqlOnlyConfig } from '../../../src/db/prisma-cli.ts'
import { engines, migrationsFolder } from './sessions.ts'

const root = join(import.meta.dirname, '..', '..', '..')
const scratch = mkdtempSync(join(tmpdir(), 'pika-extensions-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

/** The platform's models with users.email as citext and the gym domain declaring btree_gist. */
function editedSchema(): string {
  cpSync(join(root, 'models'), join(scratch, 'models'), { recursive: true })
  const edit = (file: string, from: string, to: string) => {
    const path = join(scratch, 'models', file)
    const text = readFileSync(path, 'utf8')
    if (!text.includes(from)) throw new Error(`${file} lacks ${from}`)
    writeFileSync(path, text.replace(from, to))
  }
  edit('user.yaml', 'db: "VarChar(254)"', 'db: Citext')
  edit('gym.yaml', '\ndescription:', '\nextensions: [btree_gist]\ndescription:')
  const { ir, diagnostics } = compileModels(join(scratch, 'models'), scratch)
  if (!ir) throw new Error(diagnostics.map((d) => d.message).join('\n'))
  expect(ir.extensions).toEqual(['btree_gist', 'citext'])
  return prismaEmitter.emit(ir)[0]!.content
}

const schema = editedSchema()
const BOOKINGS = `CREATE TABLE "room_booking" ("room" INT NOT NULL, "during" TSTZRANGE NOT NULL,
  EXCLUDE USING gist ("room" WITH =, "during" WITH &&));` // = on INT inside a GiST index needs btree_gist

describe('extensions', () => {
  it('are listed in the Prisma datasource with the preview feature they need', () => {
    expect(schema).toMatch(/previewFeatures = \["postgresqlExtensions"\]/)
    expect(schemaExtensions(schema)).toEqual(['btree_gist', 'citext'])
    expect(schema).toMatch(/email +String .*@db\.Citext/)
  })

  let initSql: Promise<string> | undefined
  /** What Prisma's migrate diff makes of the schema from scratch: the first migration. */
  const migrationFromScratch = () => (initSql ??= (async () => {
    const file = join(scratch, 'schema.prisma')
    writeFileSync(file, schema)
    const result = await runPrismaCli(['migrate', 'diff', '--from-empty', '--to-schema-datamodel', file, '--script'], sqlOnlyConfig())
    if (result.exitCode !== 0) throw new Error(prismaErrorLine(result))
    return result.stdout
  })())

  describe.each(engines(['btree_gist', 'citext']))('on $name', (engine) => {
    it('the migration creates them, and the database enforces what they are for', { timeout: 240_000 }, async () => {
      const sql = await migrationFromScratch()
      expect(sql).toMatch(/CREATE EXTENSION IF NOT EXISTS "btree_gist"/)
      expect(sql).toMatch(/CREATE EXTENSION IF NOT EXISTS "citext"/)
      const local = readLocalMigrations(migrationsFolder({ '1_init': sql, '2_bookings': BOOKINGS }))

      const s = await engine.open()
      try {
        await deployOnSession(s, 'db', undefined, local)
        const user = `INSERT INTO "users" ("id", "email", "passwordHash", "firstName", "lastName", "updatedAt") VALUES ($1, $2, 'h', 'Sam', 'Taylor', now())`
        await s.query(user, ['u1', 'Sam@Example.com'])
        await expect(s.query(user, ['u2', 'sam@example.COM'])).rejects.toThrow(/duplicate key value violates unique constraint "users_email_key"/)
        await s.exec(`INSERT INTO "room_booking" VALUES (1, '[2026-01-01 10:00, 2026-01-01 11:00)')`)
        await expect(s.exec(`INSERT INTO "room_booking" VALUES (1, '[2026-01-01 10:30, 2026-01-01 12:00)')`)).rejects.toThrow(/conflicting key value violates exclusion constraint/)
        await s.exec(`INSERT INTO "room_booking" VALUES (2, '[2026-01-01 10:30, 2026-01-01 12:00)')`)
      } finally {
        await s.close()
      }

      // The renamedFrom pre-pass replays the migrations in an in-memory PGlite: it must load them too.
      const catalog = await catalogOfMigrations(`${sql}\n${BOOKINGS}`)
      expect(catalog.columns.has('users.email')).toBe(true)
      expect(catalog.tables.has('room_booking')).toBe(true)
    })
  })
})
