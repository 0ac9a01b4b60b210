// `renamedFrom` in the models becomes a migration that renames (table, column, enum, enum value)
// instead of Prisma's drop-and-add, so the data survives. db:migrate writes it before running
// `prisma migrate dev`, which then applies it and creates a migration for whatever else changed.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import type { Ir } from '../generators/ir/types.ts'
import { extensionsCreatedBy, pgliteExtensionOptions, schemaExtensions } from '../src/db/pglite-extensions.ts'
import { quoteIdentifier, quoteLiteral } from '../src/db/schema-sql.ts'

/** What the database built by the existing migrations has, as far as renames need to know. */
export interface Catalog {
  readonly tables: ReadonlySet<string>
  /** `table.column` */
  readonly columns: ReadonlySet<string>
  readonly enums: ReadonlySet<string>
  /** `Enum.VALUE` */
  readonly enumValues: ReadonlySet<string>
}

/**
 * The rename statements the models ask for and the migrated database still needs: a rename whose
 * old name is gone (already applied) or whose new name exists is skipped, so the key can stay in
 * the models until every environment has the migration.
 */
export function planRenames(ir: Ir, catalog: Catalog): string[] {
  const statements: string[] = []
  const tables = new Set(catalog.tables)
  for (const model of ir.models) {
    if (!model.renamedFrom || tables.has(model.table) || !tables.has(model.renamedFrom)) continue
    statements.push(`ALTER TABLE ${quoteIdentifier(model.renamedFrom)} RENAME TO ${quoteIdentifier(model.table)};`)
    tables.delete(model.renamedFrom)
    tables.add(model.table)
  }
  const tableBefore = (table: string) => ir.models.find((m) => m.table === table && m.renamedFrom && !catalog.tables.has(table))?.renamedFrom ?? table
  for (const model of ir.models) {
    for (const field of model.fields) {
      if (field.kind !== 'stored' || !field.renamedFrom) continue
      const oldTable = tableBefore(model.table)
      if (!catalog.columns.has(`${oldTable}.${field.renamedFrom}`) || catalog.columns.has(`${oldTable}.${field.column}`)) continue
      statements.push(`ALTER TABLE ${quoteIdentifier(model.table)} RENAME COLUMN ${quoteIdentifier(field.renamedFrom)} TO ${quoteIdentifier(field.column)};`)
    }
  }
  for (const e of ir.enums) {
    let current = e.name
    if (e.renamedFrom && !catalog.enums.has(e.name) && catalog.enums.has(e.renamedFrom)) {
      statements.push(`ALTER TYPE ${quoteIdentifier(e.renamedFrom)} RENAME TO ${quoteIdentifier(e.name)};`)
      current = e.renamedFrom
    }
    for (const value of e.values) {
      if (!value.renamedFrom || !catalog.enumValues.has(`${current}.${value.renamedFrom}`) || catalog.enumValues.has(`${current}.${value.name}`)) continue
      statements.push(`ALTER TYPE ${quoteIdentifier(e.name)} RENAME VALUE ${quoteLiteral(value.renamedFrom)} TO ${quoteLiteral(value.name)};`)
    }
  }
  return statements
}

/** Builds the database the migrations describe (in memory) and reads what renames need from it. */
export async function catalogOfMigrations(migrationsSql: string): Promise<Catalog> {
  // The migrations may create extensions the current schema no longer lists: load both.
  const db = await PGlite.create(await pgliteExtensionOptions([...new Set([...schemaExtensions(), ...extensionsCreatedBy(migrationsSql)])]))
  try {
    await db.exec(migrationsSql)
    const rows = async (sql: string) => (await db.query<{ name: string }>(sql)).rows.map((r) => r.name)
    return {
      tables: new Set(await rows(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()`)),
      columns: new Set(await rows(`SELECT table_name || '.' || column_name AS name FROM information_schema.columns WHERE table_schema = current_schema()`)),
      enums: new Set(await rows(`SELECT typname AS name FROM pg_type WHERE typtype = 'e'`)),
      enumValues: new Set(await rows(`SELECT t.typname || '.' || e.enumlabel AS name FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid`)),
    }
  } finally {
    await db.close()
  }
}

/** Writes `<timestamp>_<name>_renames/migration.sql` when renames are pending; returns its folder name. */
export function writeRenameMigration(migrationsDir: string, name: string, statements: readonly string[], now: Date): string | undefined {
  if (statements.length === 0) return undefined
  const stamp = now.toISOString().replace(/\D/g, '').slice(0, 14)
  const folder = `${stamp}_${name}_renames`
  mkdirSync(join(migrationsDir, folder), { recursive: true })
  const header = '-- Renames declared with `renamedFrom` in the models: the data stays where it is.\n'
  writeFileSync(join(migrationsDir, folder, 'migration.sql'), `${header}${statements.join('\n')}\n`)
  return folder
}
