// `renamedFrom` in the models becomes a migration that renames (table, column, enum, enum value)
// instead of Prisma's drop-and-add, so the data survives. db:migrate writes it before running
// the diff; it is applied first, and the diff then makes a migration only for whatever else changed.
import type { Ir, IrModel } from '../generators/ir/types.ts'
import { joinTableRenames, ownObjectRenames, readTableObjects, sequenceRenames, type TableObjects } from './rename-relations.ts'
import type { PGlite } from '@electric-sql/pglite'
import { ensurePGliteSnapshot, openEmptyPGliteFor, openSnapshotCopy } from '../src/db/pglite-snapshot.ts'
import { quoteIdentifier, quoteLiteral } from '../src/db/schema-sql.ts'
import { writeMigration } from './write-migration.ts'

/** What the database built by the existing migrations has, as far as renames need to know. */
export interface Catalog {
  readonly tables: ReadonlySet<string>
  /** `table.column` */
  readonly columns: ReadonlySet<string>
  readonly enums: ReadonlySet<string>
  /** `Enum.VALUE` */
  readonly enumValues: ReadonlySet<string>
  /** Sequences (those behind autoincrement keys among them). */
  readonly sequences?: ReadonlySet<string>
  /** Per table, its constraints and the indexes that back no constraint, by name. */
  readonly tableObjects?: ReadonlyMap<string, TableObjects>
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
    statements.push(...ownObjectRenames(model.renamedFrom, model.table, catalog.tableObjects?.get(model.renamedFrom)))
    tables.delete(model.renamedFrom)
    tables.add(model.table)
  }
  const tableBefore = (model: { table: string }) => tableBeforeName(model.table)
  const tableBeforeName = (table: string) => ir.models.find((m) => m.table === table && m.renamedFrom && !catalog.tables.has(table))?.renamedFrom ?? table
  for (const model of ir.models) {
    for (const field of model.fields) {
      if (field.kind !== 'stored' || !field.renamedFrom) continue
      const oldTable = tableBeforeName(model.table)
      if (!catalog.columns.has(`${oldTable}.${field.renamedFrom}`) || catalog.columns.has(`${oldTable}.${field.column}`)) continue
      statements.push(`ALTER TABLE ${quoteIdentifier(model.table)} RENAME COLUMN ${quoteIdentifier(field.renamedFrom)} TO ${quoteIdentifier(field.column)};`)
    }
  }
  // Join tables are named after the MODEL names (whatever `table:` says); each rename is skipped once applied.
  const oldModelName = (m: IrModel) => m.renamedFrom ?? m.name
  statements.push(...joinTableRenames(ir, oldModelName, catalog.tables))
  statements.push(...sequenceRenames(ir, tableBefore, catalog.sequences ?? new Set()))
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

/**
 * Builds the database the migrations describe (in memory, on a copy of an empty snapshot: no initdb
 * per db:migrate) and reads what renames need from it.
 */
export async function catalogOfMigrations(migrationsSql: string): Promise<Catalog> {
  // The migrations may create extensions the current schema no longer lists: load both.
  const db = await openEmptyPGliteFor(migrationsSql)
  try {
    await db.exec(migrationsSql)
    return await readCatalog(db)
  } finally {
    await db.close()
  }
}

/**
 * The catalog of prisma/migrations as db:migrate needs it: read from a copy of the migrated snapshot
 * (built once per migrations version, shared with the diffs and createTestDatabase()), so the
 * migrations are not replayed again.
 */
export async function catalogOfSnapshot(schema: string | undefined): Promise<Catalog> {
  const db = await openSnapshotCopy(await ensurePGliteSnapshot({ schema }), schema)
  try {
    return await readCatalog(db)
  } finally {
    await db.close()
  }
}

async function readCatalog(db: PGlite): Promise<Catalog> {
  const rows = async (sql: string) => (await db.query<{ name: string }>(sql)).rows.map((r) => r.name)
  return {
    tables: new Set(await rows(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()`)),
    columns: new Set(await rows(`SELECT table_name || '.' || column_name AS name FROM information_schema.columns WHERE table_schema = current_schema()`)),
    enums: new Set(await rows(`SELECT typname AS name FROM pg_type WHERE typtype = 'e'`)),
    enumValues: new Set(await rows(`SELECT t.typname || '.' || e.enumlabel AS name FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid`)),
    sequences: new Set(await rows(`SELECT sequence_name AS name FROM information_schema.sequences WHERE sequence_schema = current_schema()`)),
    tableObjects: await readTableObjects((sql) => db.query<{ table: string; name: string; kind: string }>(sql).then((r) => r.rows)),
  }
}

/** Writes `<timestamp>_<name>_renames/migration.sql` when renames are pending; returns its folder name. */
export const writeRenameMigration = (migrationsDir: string, name: string, statements: readonly string[], now: Date): string | undefined =>
  writeMigration(migrationsDir, `${name}_renames`, 'Renames declared with `renamedFrom` in the models: the data stays where it is.', statements, now)
