// `renamedFrom` in the models becomes a migration that renames (table, column, enum, enum value)
// instead of Prisma's drop-and-add, so the data survives. db:migrate writes it before running
// the diff; it is applied first, and the diff then makes a migration only for whatever else changed.
import { holdsColumnsOf } from '../generators/ir/lookup.ts'
import type { Ir, IrModel } from '../generators/ir/types.ts'
import { joinTableRenames, ownObjectRenames, readTableObjects, renameColumn, type RenameStep, renameTable, renameType, renameValue, sequenceRenames, type TableObjects } from './rename-relations.ts'
import type { PGlite } from '@electric-sql/pglite'
import { openEmptyPGliteFor } from '../src/db/pglite-snapshot.ts'
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
export const planRenames = (ir: Ir, catalog: Catalog): string[] => planRenameSteps(ir, catalog).map((step) => step.up)

/** The same renames, each with the statement that undoes it (down.sql runs them in reverse order). */
export function planRenameSteps(ir: Ir, catalog: Catalog): RenameStep[] {
  const steps: RenameStep[] = []
  const oldTables = tableRenames(ir, catalog)
  for (const model of ir.models) {
    const from = oldTables.get(model.table)
    if (from === undefined) continue
    steps.push(renameTable(from, model.table), ...ownObjectRenames(from, model.table, catalog.tableObjects?.get(from)))
  }
  const tableBeforeName = (table: string) => oldTables.get(table) ?? table
  for (const model of ir.models) {
    for (const field of model.fields) {
      if (field.kind !== 'stored' || !field.renamedFrom) continue
      const oldTable = tableBeforeName(model.table)
      if (!catalog.columns.has(`${oldTable}.${field.renamedFrom}`) || catalog.columns.has(`${oldTable}.${field.column}`)) continue
      steps.push(renameColumn(model.table, field.renamedFrom, field.column))
    }
  }
  // Join tables are named after the MODEL names (whatever `table:` says); each rename is skipped once applied.
  const oldModelName = (m: IrModel) => m.renamedFrom ?? m.name
  steps.push(...joinTableRenames(ir, oldModelName, catalog.tables))
  steps.push(...sequenceRenames(ir, (model) => tableBeforeName(model.table), catalog.sequences ?? new Set()))
  for (const e of ir.enums) {
    let current = e.name
    if (e.renamedFrom && !catalog.enums.has(e.name) && catalog.enums.has(e.renamedFrom)) {
      steps.push(renameType(e.renamedFrom, e.name))
      current = e.renamedFrom
    }
    for (const value of e.values) {
      if (!value.renamedFrom || !catalog.enumValues.has(`${current}.${value.renamedFrom}`) || catalog.enumValues.has(`${current}.${value.name}`)) continue
      steps.push(renameValue(e.name, value.renamedFrom, value.name))
    }
  }
  return steps
}

/**
 * New table name → old one, for every model whose table the migrated database holds under another
 * name: a model renamed with `renamedFrom` (its table carried the old model name), or a model whose
 * `table:` changed. The latter is recognised, with no key to declare, when exactly one table that no
 * model claims any more holds exactly the model's columns (holdsColumnsOf): the same model under a
 * new name, which Prisma would drop and create empty.
 */
function tableRenames(ir: Ir, catalog: Catalog): Map<string, string> {
  const renames = new Map<string, string>()
  for (const model of ir.models) {
    if (model.renamedFrom && !catalog.tables.has(model.table) && catalog.tables.has(model.renamedFrom)) renames.set(model.table, model.renamedFrom)
  }
  const claimed = new Set([...ir.models.map((m) => m.table), ...renames.values()])
  const unclaimed = [...catalog.tables].filter((t) => !claimed.has(t) && !t.startsWith('_'))
  const columnsOf = (table: string) => [...catalog.columns].filter((c) => c.startsWith(`${table}.`)).map((c) => c.slice(table.length + 1))
  const candidates = new Map<string, string[]>() // old table → models it fits
  for (const model of ir.models) {
    if (catalog.tables.has(model.table) || renames.has(model.table)) continue
    for (const table of unclaimed) {
      if (holdsColumnsOf(model, new Set(columnsOf(table)))) candidates.set(table, [...(candidates.get(table) ?? []), model.table])
    }
  }
  const fits = (newTable: string) => [...candidates].filter(([, tables]) => tables.includes(newTable))
  for (const [oldTable, newTables] of candidates) {
    if (newTables.length === 1 && fits(newTables[0]!).length === 1) renames.set(newTables[0]!, oldTable)
  }
  return renames
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

/** What db:migrate's rename step reads of the database the migrations build (its migrated copy). */
export async function readCatalog(db: PGlite): Promise<Catalog> {
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

/**
 * Writes `<timestamp>_<name>_renames/migration.sql` when renames are pending, and its down.sql (the
 * renames undone, last first); returns the folder name.
 */
export const writeRenameMigration = (migrationsDir: string, name: string, steps: readonly RenameStep[], now: Date): string | undefined =>
  writeMigration(migrationsDir, `${name}_renames`, 'Renames (`renamedFrom` and `table:` changes in the models): the data stays where it is.', steps.map((st) => st.up), now, {
    header: 'Down script: the renames undone, last first; applied by npm run db:migrate:rollback.',
    statements: steps.map((st) => st.down).reverse(),
  })
