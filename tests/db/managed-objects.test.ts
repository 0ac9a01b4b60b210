// Field rules and descriptions live in the database as managed objects (prisma/managed.sql): db:migrate
// writes what changed, and the database refuses writes that break a rule, whoever the writer is.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Ir } from '../../generators/ir/types.ts'
import { compileModels } from '../../generators/pipeline.ts'
import { planManagedChange, planManagedMigration, writeManagedMigration } from '../../scripts/managed-migration.ts'
import { forOneScript, runsOutsideTransaction } from '../../src/db/migrate/migration-files.ts'
import { localMigrationNames, MIGRATIONS_DIR } from '../../src/db/migration-history.ts'
import { readSchemaSql } from '../../src/db/schema-sql.ts'

const root = join(import.meta.dirname, '..', '..')
const opened: PGlite[] = []
afterAll(() => Promise.all(opened.map((db) => db.close())))

function platformModels(file?: string, from?: string, to?: string): Ir {
  const dir = mkdtempSync(join(tmpdir(), 'pika-managed-'))
  cpSync(join(root, 'models'), join(dir, 'models'), { recursive: true })
  if (file && from !== undefined && to !== undefined) {
    const text = readFileSync(join(dir, 'models', file), 'utf8')
    if (!text.includes(from)) throw new Error(`${file} lacks ${from}`)
    writeFileSync(join(dir, 'models', file), text.replace(from, to))
  }
  const result = compileModels(join(dir, 'models'), dir)
  if (!result.ir) throw new Error(result.diagnostics.map((d) => d.message).join('\n'))
  return result.ir
}

let migrations: string
let planner: PGlite
beforeAll(async () => {
  migrations = await readSchemaSql('migrations')
  planner = await PGlite.create()
  opened.push(planner)
})

describe('the db:migrate step for managed objects', () => {
  it('has nothing to write for the committed models: the migrations carry every check and comment', async () => {
    expect(await planManagedMigration(platformModels(), migrations, planner)).toEqual([])
  })

  it('changes a check whose rule changed (drop, then add under the same name, validated without blocking writes)', async () => {
    const ir = platformModels('session.yaml', 'capacity:    { type: Int, default: 20, min: 1, max: 500,', 'capacity:    { type: Int, default: 20, min: 1, max: 800,')
    expect(await planManagedMigration(ir, migrations, planner)).toEqual([
      'ALTER TABLE "sessions" DROP CONSTRAINT "ck_sessions_capacity_max";',
      'ALTER TABLE "sessions" ADD CONSTRAINT "ck_sessions_capacity_max" CHECK ("capacity" <= 800) NOT VALID;',
      'ALTER TABLE "sessions" VALIDATE CONSTRAINT "ck_sessions_capacity_max";',
    ])
  })

  it('drops a check whose rule is gone, adds a new one, and keeps comments in step with descriptions', async () => {
    const ir = platformModels('session.yaml', 'capacity:    { type: Int, default: 20, min: 1, max: 500, description: Places available.,', 'capacity:    { type: Int, default: 20, min: 1, description: Seats.,')
    expect(await planManagedMigration(ir, migrations, planner)).toEqual([
      'ALTER TABLE "sessions" DROP CONSTRAINT "ck_sessions_capacity_max";',
      `COMMENT ON COLUMN "sessions"."capacity" IS 'Seats.';`,
    ])
    const added = platformModels('session.yaml', 'capacity:    { type: Int, default: 20, min: 1, max: 500, description: Places available.,', 'capacity:    { type: Int, default: 20, min: 2, max: 500,')
    expect(await planManagedMigration(added, migrations, planner)).toEqual([
      'ALTER TABLE "sessions" DROP CONSTRAINT "ck_sessions_capacity_min";',
      'ALTER TABLE "sessions" ADD CONSTRAINT "ck_sessions_capacity_min" CHECK ("capacity" >= 2) NOT VALID;',
      'ALTER TABLE "sessions" VALIDATE CONSTRAINT "ck_sessions_capacity_min";',
      'COMMENT ON COLUMN "sessions"."capacity" IS NULL;',
    ])
  })

  it('sets NULL lists of existing rows to the empty list before it makes a list column refuse NULL', async () => {
    const names = localMigrationNames()
    const added = names.findIndex((name) => readFileSync(join(MIGRATIONS_DIR, name, 'migration.sql'), 'utf8').includes('ck_gyms_amenities_not_null'))
    expect(added).toBeGreaterThan(0)
    // Every migration but that one: the models' other changes since are in the later migrations.
    const before = names.filter((_, i) => i !== added).map((name) => forOneScript(readFileSync(join(MIGRATIONS_DIR, name, 'migration.sql'), 'utf8'))).join('\n')
    const statements = await planManagedMigration(platformModels(), before, planner)
    expect(statements.slice(0, 3)).toEqual([
      `UPDATE "gyms" SET "amenities" = '{}' WHERE "amenities" IS NULL;`,
      'ALTER TABLE "gyms" ADD CONSTRAINT "ck_gyms_amenities_not_null" CHECK ("amenities" IS NOT NULL) NOT VALID;',
      'ALTER TABLE "gyms" VALIDATE CONSTRAINT "ck_gyms_amenities_not_null";',
    ])
    // A gym stored with NULL lists while the columns allowed it: the migration succeeds and leaves it [].
    const old = await PGlite.create()
    opened.push(old)
    await old.exec(before)
    await old.exec(`INSERT INTO gyms (id, name, slug, timezone, address, "updatedAt", amenities, equipment) VALUES ('c${'0'.repeat(24)}', 'Pika Central', 'pika-central', 'Europe/London', '{}', now(), NULL, NULL)`)
    await old.exec(statements.join('\n'))
    expect((await old.query(`SELECT amenities, equipment FROM gyms`)).rows).toEqual([{ amenities: [], equipment: [] }])
  })

  it('changes a partial or expression index whose definition changed, and adds a new one', async () => {
    const renamedAndPartial = platformModels('user.yaml', '- fields: [lower(email)]', '- { fields: [lower(email)], where: status != DEACTIVATED }')
    expect(await planManagedMigration(renamedAndPartial, migrations, planner)).toEqual([
      'DROP INDEX CONCURRENTLY "users_lower_email_key";',
      `CREATE UNIQUE INDEX CONCURRENTLY "users_lower_email_partial_key" ON "users" (lower("email")) WHERE "status" <> 'DEACTIVATED';`,
    ])
    const sameName = platformModels('user.yaml', '- fields: [lower(email)]', '- { fields: [upper(email)], name: users_lower_email_key }')
    expect(await planManagedMigration(sameName, migrations, planner)).toEqual([
      'DROP INDEX CONCURRENTLY "users_lower_email_key";',
      'CREATE UNIQUE INDEX CONCURRENTLY "users_lower_email_key" ON "users" (upper("email"));',
    ])
  })

  it('drops a partial or expression index the models no longer name (Prisma does not see expression indexes)', async () => {
    const gone = platformModels('user.yaml', '    uniques:\n      # The API stores addresses lower-case; this keeps any other writer from adding Sam@… beside sam@….\n      - fields: [lower(email)]\n', '')
    expect(await planManagedMigration(gone, migrations, planner)).toEqual(['DROP INDEX CONCURRENTLY "users_lower_email_key";'])
  })

  it('writes index changes as one CONCURRENTLY migration each, after the checks and comments, which a schema built in one script runs without CONCURRENTLY', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pika-managed-migrations-'))
    const indexSteps = [
      { up: 'DROP INDEX CONCURRENTLY "a_idx";', down: 'CREATE INDEX CONCURRENTLY a_idx ON gyms USING btree (lower(name));' },
      { up: 'CREATE UNIQUE INDEX CONCURRENTLY "b_key" ON "users" (lower("email"));', down: 'DROP INDEX CONCURRENTLY "b_key";' },
    ]
    const change = { up: [`COMMENT ON TABLE "gyms" IS 'x';`, ...indexSteps.map((step) => step.up)], down: ['COMMENT ON TABLE "gyms" IS NULL;'], indexSteps }
    const folders = writeManagedMigration(dir, 'change', change, new Date('2026-11-30T12:00:00Z'))
    expect(folders).toEqual(['20261130120000_change_managed', '20261130120001_change_managed_index_1', '20261130120002_change_managed_index_2'])
    const sql = folders.map((f) => readFileSync(join(dir, f, 'migration.sql'), 'utf8'))
    expect(sql.map(runsOutsideTransaction)).toEqual([false, true, true])
    expect(forOneScript(sql[2]!)).toBe('CREATE UNIQUE INDEX "b_key" ON "users" (lower("email"));')
    expect(forOneScript(sql[0]!)).toBe(sql[0])
    expect(readFileSync(join(dir, folders[2]!, 'down.sql'), 'utf8')).toContain('DROP INDEX CONCURRENTLY "b_key";')
    rmSync(dir, { recursive: true, force: true })
  })

  it('drops a managed check nobody declares any more, and leaves other CHECK constraints alone', async () => {
    const extra = `${migrations}\nALTER TABLE "gyms" ADD CONSTRAINT "ck_gyms_gone" CHECK (true);\nALTER TABLE "gyms" ADD CONSTRAINT "hand_written" CHECK (true);`
    expect(await planManagedMigration(platformModels(), extra, planner)).toEqual(['ALTER TABLE "gyms" DROP CONSTRAINT "ck_gyms_gone";'])
  })
})

describe('a managed migration as written', () => {
  const checksAndComments = async (db: PGlite) => [
    (await db.query(`SELECT conrelid::regclass::text AS t, conname, pg_get_constraintdef(oid) AS def, convalidated FROM pg_constraint
      WHERE contype = 'c' AND connamespace = current_schema()::regnamespace ORDER BY 1, 2`)).rows,
    (await db.query(`SELECT c.relname, d.objsubid, d.description FROM pg_description d JOIN pg_class c ON d.classoid = 'pg_class'::regclass AND d.objoid = c.oid
      WHERE c.relnamespace = current_schema()::regnamespace ORDER BY 1, 2`)).rows,
  ]

  it('puts VALIDATE in a migration of its own, and its down.sql gives back every check and comment as it was', async () => {
    const ir = platformModels('session.yaml', 'capacity:    { type: Int, default: 20, min: 1, max: 500, description: Places available.,', 'capacity:    { type: Int, default: 20, min: 2, max: 800,')
    const change = await planManagedChange(ir, migrations, planner)
    const dir = mkdtempSync(join(tmpdir(), 'pika-managed-write-'))
    const folders = writeManagedMigration(dir, 'capacity', change, new Date('2026-11-30T12:00:00Z'))
    expect(folders).toEqual(['20261130120000_capacity_managed', '20261130120000_capacity_managed_validate'])
    const read = (folder: string, file: string) => readFileSync(join(dir, folder, file), 'utf8')
    expect(read(folders[0]!, 'migration.sql')).toContain('ADD CONSTRAINT "ck_sessions_capacity_max" CHECK ("capacity" <= 800) NOT VALID;')
    expect(read(folders[0]!, 'migration.sql')).not.toContain('VALIDATE')
    expect(read(folders[1]!, 'migration.sql').split('\n').filter((l) => !l.startsWith('--') && l)).toEqual([
      'ALTER TABLE "sessions" VALIDATE CONSTRAINT "ck_sessions_capacity_min";',
      'ALTER TABLE "sessions" VALIDATE CONSTRAINT "ck_sessions_capacity_max";',
    ])

    await planner.exec(`CREATE SCHEMA round_trip; SET search_path TO round_trip; ${migrations}`)
    try {
      const before = await checksAndComments(planner)
      for (const folder of folders) await planner.exec(read(folder, 'migration.sql'))
      const applied = await checksAndComments(planner)
      expect(applied).not.toEqual(before)
      expect(JSON.stringify(applied)).toContain('(capacity <= 800)')
      for (const folder of [...folders].reverse()) await planner.exec(read(folder, 'down.sql'))
      expect(await checksAndComments(planner)).toEqual(before)
    } finally {
      await planner.exec('DROP SCHEMA round_trip CASCADE; RESET search_path')
    }
  })
})

describe('a database built by the committed migrations', () => {
  const gym = (overrides: Record<string, string>) => {
    const row = { id: `'c${'0'.repeat(24)}'`, name: "'Pika Central'", slug: "'pika-central'", timezone: "'Europe/London'", address: `'{}'`, updatedAt: 'now()', ...overrides }
    return `INSERT INTO gyms (${Object.keys(row).map((k) => `"${k}"`).join(', ')}) VALUES (${Object.values(row).join(', ')})`
  }
  /** Runs the statement in a transaction that is always rolled back, so every case starts from empty tables. */
  async function write(sql: string): Promise<void> {
    await planner.exec('BEGIN')
    try {
      await planner.exec(sql)
    } finally {
      await planner.exec('ROLLBACK')
    }
  }
  beforeAll(async () => {
    await planner.exec(`CREATE SCHEMA writes; SET search_path TO writes; ${migrations}`)
  })

  it('accepts a valid row', async () => {
    await expect(write(gym({}))).resolves.toBeUndefined()
  })

  it.each([
    ['a slug breaking the pattern', { slug: "'Pika Central!'" }, 'ck_gyms_slug_pattern'],
    ['a name shorter than minLength', { name: "'P'" }, 'ck_gyms_name_min_length'],
    ['a name longer than maxLength', { name: `'${'x'.repeat(121)}'` }, 'ck_gyms_name_max_length'],
    ['an email that is not one', { email: "'not-an-email'" }, 'ck_gyms_email_format'],
    ['an id that is not a cuid', { id: "'gym-1'" }, 'ck_gyms_id_format'],
    ['a phone that is not E.164', { phone: "'0113 496 0000'" }, 'ck_gyms_phone_format'],
    ['NULL for a list (the read schema promises an array)', { amenities: 'NULL' }, 'ck_gyms_amenities_not_null'],
  ])('refuses %s, naming the constraint', async (_, overrides, constraint) => {
    await expect(write(gym(overrides))).rejects.toThrow(constraint)
  })

  it('counts lengths as the API does (UTF-16 code units): 60 emoji are 120 units, 61 are too many', async () => {
    await expect(write(gym({ name: `'${'😀'.repeat(60)}'` }))).resolves.toBeUndefined()
    await expect(write(gym({ name: `'${'😀'.repeat(61)}'` }))).rejects.toThrow('ck_gyms_name_max_length')
  })

  it('refuses a number out of range, on insert and on update (capacity -3)', async () => {
    const session = `INSERT INTO sessions (id, "gymId", title, "startTime", "endTime", capacity, "updatedAt") VALUES ('c${'1'.repeat(24)}', 'c${'0'.repeat(24)}', 'Morning HIIT', now(), now() + interval '1 hour', 20, now())`
    await expect(write(`${gym({})}; ${session}`)).resolves.toBeUndefined()
    await expect(write(`${gym({})}; ${session.replace(', 20, now())', ', -3, now())')}`)).rejects.toThrow('ck_sessions_capacity_min')
    await expect(write(`${gym({})}; ${session}; UPDATE sessions SET capacity = -3`)).rejects.toThrow('ck_sessions_capacity_min')
  })

  it('holds the descriptions as comments', async () => {
    const { rows } = await planner.query<{ text: string }>(`SELECT obj_description('writes.gyms'::regclass, 'pg_class') AS text`)
    expect(rows[0]!.text).toBe('A physical location where sessions take place.')
  })
})
