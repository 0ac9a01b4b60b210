// renamedFrom turns into rename statements that keep the data; checked on a populated database.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { PGlite } from '@electric-sql/pglite'
import { openEmptyPGlite } from '../../src/db/pglite-snapshot.ts'
import { afterAll, describe, expect, it } from 'vitest'
import { prismaEmitter } from '../../generators/emit/prisma/emit-prisma.ts'
import type { Ir } from '../../generators/ir/types.ts'
import { compileModels } from '../../generators/pipeline.ts'
import { managedSqlEmitter } from '../../generators/emit/sql/emit-managed-sql.ts'
import { planManagedMigration } from '../../scripts/managed-migration.ts'
import { catalogOfMigrations, planRenames, type Catalog } from '../../scripts/rename-migration.ts'
import { prismaErrorLine, runPrismaCli, sqlOnlyConfig } from '../../src/db/prisma-cli.ts'
import { readSchemaSql } from '../../src/db/schema-sql.ts'
import { describeSchema } from '../helpers/schema-catalog.ts'

const root = join(import.meta.dirname, '..', '..')
const opened: PGlite[] = []
afterAll(() => Promise.all(opened.map((db) => db.close())))

/** The platform's models with one edit applied, compiled. */
function modelsWith(file: string, edits: [string, string][]): Ir {
  const dir = mkdtempSync(join(tmpdir(), 'pika-rename-'))
  cpSync(join(root, 'models'), join(dir, 'models'), { recursive: true })
  let text = readFileSync(join(dir, 'models', file), 'utf8')
  for (const [from, to] of edits) {
    if (!text.includes(from)) throw new Error(`${file} lacks ${from}`)
    text = text.replaceAll(from, to)
  }
  writeFileSync(join(dir, 'models', file), text)
  const result = compileModels(join(dir, 'models'), dir)
  if (!result.ir) throw new Error(result.diagnostics.map((d) => d.message).join('\n'))
  return result.ir
}

/** The schema SQL Prisma would create from scratch for these models. */
async function schemaSqlOf(ir: Ir): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'pika-rename-schema-'))
  const file = join(dir, 'schema.prisma')
  writeFileSync(file, prismaEmitter.emit(ir)[0]!.content)
  const result = await runPrismaCli(['migrate', 'diff', '--from-empty', '--to-schema-datamodel', file, '--script'], sqlOnlyConfig())
  if (result.exitCode !== 0) throw new Error(prismaErrorLine(result))
  return result.stdout
}

async function database(...scripts: string[]): Promise<PGlite> {
  const db = await openEmptyPGlite()
  opened.push(db)
  for (const sql of scripts) await db.exec(sql)
  return db
}

const renameFirstName: [string, string][] = [
  ['      firstName:       { type: String, minLength: 1, maxLength: 100, example: Sam }', '      givenName:       { type: String, minLength: 1, maxLength: 100, example: Sam, renamedFrom: firstName }'],
  ['          firstName: ', '          givenName: '],
]

describe('renamedFrom migrations', () => {
  it('rename a column of a populated table: every value is still there, and the result is the new schema', async () => {
    const migrations = await readSchemaSql('migrations')
    const head = modelsWith('user.yaml', renameFirstName)
    const statements = planRenames(head, await catalogOfMigrations(migrations))
    expect(statements).toEqual(['ALTER TABLE "users" RENAME COLUMN "firstName" TO "givenName";'])

    const db = await database(migrations)
    await db.exec(`INSERT INTO users (id, email, "passwordHash", "firstName", "lastName", "updatedAt")
      SELECT 'c' || lpad(g::text, 24, '0'), 'user' || g || '@example.com', 'hash', 'Name ' || g, 'Last', now() FROM generate_series(1, 250) g`)
    const before = (await db.query<{ id: string; firstName: string }>('SELECT id, "firstName" FROM users ORDER BY id')).rows
    await db.exec(statements.join('\n'))
    const after = (await db.query<{ id: string; givenName: string }>('SELECT id, "givenName" FROM users ORDER BY id')).rows
    expect(after.map((r) => [r.id, r.givenName])).toEqual(before.map((r) => [r.id, r.firstName]))
    expect(after).toHaveLength(250)

    // The managed step then renames what follows the column's name: its checks keep their rule, so
    // they are renamed rather than dropped and validated again.
    const managed = await planManagedMigration(head, `${migrations}\n${statements.join('\n')}`, db)
    expect(managed).toEqual([
      'ALTER TABLE "users" RENAME CONSTRAINT "ck_users_firstName_min_length" TO "ck_users_givenName_min_length";',
      'ALTER TABLE "users" RENAME CONSTRAINT "ck_users_firstName_max_length" TO "ck_users_givenName_max_length";',
    ])
    await db.exec(managed.join('\n'))

    // Nothing else is left for Prisma to drop and re-add: the renamed database is the new schema.
    const fresh = await database(await schemaSqlOf(head), managedSqlEmitter.emit(head)[0]!.content)
    expect(await describeSchema(db)).toEqual(await describeSchema(fresh))
  }, 180_000) // three PGlite instances and a Prisma CLI run: ~55-61 s at a load of 15 on 2 cores

  it('is skipped once applied, so the key can stay until every environment has migrated', async () => {
    const head = modelsWith('user.yaml', renameFirstName)
    const catalog = await catalogOfMigrations(`${await readSchemaSql('migrations')}\nALTER TABLE "users" RENAME COLUMN "firstName" TO "givenName";`)
    expect(planRenames(head, catalog)).toEqual([])
  })

  it('renames tables, enum types and enum values too', () => {
    const ir = { models: [{ name: 'Studio', table: 'studios', renamedFrom: 'Room', fields: [{ kind: 'stored', name: 'label', column: 'label', renamedFrom: 'title' }] }], enums: [{ name: 'Tier', renamedFrom: 'Level', values: [{ name: 'GOLD', renamedFrom: 'TOP' }, { name: 'SILVER' }] }] } as unknown as Ir
    const catalog: Catalog = { tables: new Set(['Room']), columns: new Set(['Room.title']), enums: new Set(['Level']), enumValues: new Set(['Level.TOP', 'Level.SILVER']) }
    expect(planRenames(ir, catalog)).toEqual([
      'ALTER TABLE "Room" RENAME TO "studios";',
      'ALTER TABLE "studios" RENAME COLUMN "title" TO "label";',
      'ALTER TYPE "Level" RENAME TO "Tier";',
      'ALTER TYPE "Tier" RENAME VALUE \'TOP\' TO \'GOLD\';',
    ])
  })
})
