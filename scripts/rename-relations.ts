// What a model or column rename must carry along beyond the table itself, or Prisma drops and
// re-creates it empty: implicit many-to-many join tables (named after the two MODEL names, columns
// "A" and "B" in their alphabetical order) and the sequences behind autoincrement keys.
import type { Ir, IrModel } from '../generators/ir/types.ts'
import { quoteIdentifier as q, quoteLiteral } from '../src/db/schema-sql.ts'

/** The model's name before this change: its renamedFrom when the migrated database still has that. */
export type OldModelName = (model: IrModel) => string

/** One statement of a rename migration and the one that undoes it (for down.sql, run in reverse order). */
export interface RenameStep {
  readonly up: string
  readonly down: string
}

// A rename and its reverse: the same statement with the two names swapped.
const swap = (statement: (from: string, to: string) => string, from: string, to: string): RenameStep => ({ up: statement(from, to), down: statement(to, from) })
export const renameTable = (from: string, to: string) => swap((a, b) => `ALTER TABLE ${q(a)} RENAME TO ${q(b)};`, from, to)
export const renameColumn = (table: string, from: string, to: string) => swap((a, b) => `ALTER TABLE ${q(table)} RENAME COLUMN ${q(a)} TO ${q(b)};`, from, to)
export const renameType = (from: string, to: string) => swap((a, b) => `ALTER TYPE ${q(a)} RENAME TO ${q(b)};`, from, to)
export const renameValue = (type: string, from: string, to: string) => swap((a, b) => `ALTER TYPE ${q(type)} RENAME VALUE ${quoteLiteral(a)} TO ${quoteLiteral(b)};`, from, to)
const renameConstraint = (table: string, from: string, to: string) => swap((a, b) => `ALTER TABLE ${q(table)} RENAME CONSTRAINT ${q(a)} TO ${q(b)};`, from, to)
const renameIndex = (from: string, to: string) => swap((a, b) => `ALTER INDEX ${q(a)} RENAME TO ${q(b)};`, from, to)
const renameSequence = (from: string, to: string) => swap((a, b) => `ALTER SEQUENCE ${q(a)} RENAME TO ${q(b)};`, from, to)

const joinTable = (a: string, b: string) => `_${[a, b].sort().join('To')}`

/**
 * Renames for every implicit m:n join table whose name changes because a model on either end was
 * renamed; when the alphabetical order of the two names flips, "A" and "B" swap meaning, so the
 * columns swap too and the primary key and B index are rebuilt the way Prisma names them.
 */
export function joinTableRenames(ir: Ir, oldName: OldModelName, tables: ReadonlySet<string>): RenameStep[] {
  const statements: RenameStep[] = []
  const seen = new Set<string>()
  for (const model of ir.models) {
    for (const field of model.fields) {
      if (field.kind !== 'relation' || field.side !== 'many' || field.relationName) continue // a named relation's table keeps its name
      const target = ir.models.find((m) => m.name === field.target)
      if (!target) continue
      const [from, to] = [joinTable(oldName(model), oldName(target)), joinTable(model.name, target.name)]
      if (from === to || seen.has(from) || !tables.has(from) || tables.has(to)) continue
      seen.add(from)
      const swapped = [oldName(model), oldName(target)].sort()[0] !== oldName([model, target].sort((x, y) => (x.name < y.name ? -1 : 1))[0]!)
      statements.push(renameTable(from, to))
      if (!swapped) {
        statements.push(
          renameConstraint(to, `${from}_AB_pkey`, `${to}_AB_pkey`),
          renameConstraint(to, `${from}_A_fkey`, `${to}_A_fkey`),
          renameConstraint(to, `${from}_B_fkey`, `${to}_B_fkey`),
          renameIndex(`${from}_B_index`, `${to}_B_index`),
        )
        continue
      }
      // Undone in reverse order: while the columns still carry the new names, the old "A" is "B".
      statements.push(
        renameColumn(to, 'A', 'pika_swap'),
        renameColumn(to, 'B', 'A'),
        renameColumn(to, 'pika_swap', 'B'),
        renameConstraint(to, `${from}_A_fkey`, `${to}_B_fkey`),
        renameConstraint(to, `${from}_B_fkey`, `${to}_A_fkey`),
        {
          up: `ALTER TABLE ${q(to)} DROP CONSTRAINT ${q(`${from}_AB_pkey`)}, ADD CONSTRAINT ${q(`${to}_AB_pkey`)} PRIMARY KEY ("A", "B");`,
          down: `ALTER TABLE ${q(to)} DROP CONSTRAINT ${q(`${to}_AB_pkey`)}, ADD CONSTRAINT ${q(`${from}_AB_pkey`)} PRIMARY KEY ("B", "A");`,
        },
        { up: `DROP INDEX ${q(`${from}_B_index`)};`, down: `CREATE INDEX ${q(`${from}_B_index`)} ON ${q(to)}("A");` },
        { up: `CREATE INDEX ${q(`${to}_B_index`)} ON ${q(to)}("B");`, down: `DROP INDEX ${q(`${to}_B_index`)};` },
      )
    }
  }
  return statements
}

/**
 * `<table>_<column>_seq` renames for autoincrement keys whose table or column was renamed: the column
 * default follows the sequence by OID, but a fresh database names it after the new table and column.
 */
export function sequenceRenames(ir: Ir, oldTable: (model: IrModel) => string, sequences: ReadonlySet<string>): RenameStep[] {
  const statements: RenameStep[] = []
  for (const model of ir.models) {
    for (const field of model.fields) {
      if (field.kind !== 'stored' || field.default?.kind !== 'function' || field.default.function !== 'autoincrement') continue
      const from = `${oldTable(model)}_${field.renamedFrom ?? field.column}_seq`
      const to = `${model.table}_${field.column}_seq`
      if (from === to || !sequences.has(from) || sequences.has(to)) continue
      statements.push(renameSequence(from, to))
    }
  }
  return statements
}

export interface TableObjects {
  readonly constraints: readonly string[]
  /** Indexes that back no constraint (Prisma's @unique and @@index are such indexes). */
  readonly indexes: readonly string[]
}

/** Constraints and free-standing indexes of every table in the current schema. */
export async function readTableObjects(rows: (sql: string) => Promise<{ table: string; name: string; kind: string }[]>): Promise<Map<string, TableObjects>> {
  const found = await rows(`SELECT c.relname AS table, con.conname AS name, 'constraint' AS kind FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid
      WHERE c.relnamespace = current_schema()::regnamespace AND con.contype IN ('p', 'f', 'u', 'c', 'x')
    UNION ALL
    SELECT tablename, indexname, 'index' FROM pg_indexes i WHERE schemaname = current_schema()
      AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conname = i.indexname AND con.connamespace = current_schema()::regnamespace)`)
  const byTable = new Map<string, { constraints: string[]; indexes: string[] }>()
  for (const { table, name, kind } of found) {
    const entry = byTable.get(table) ?? { constraints: [], indexes: [] }
    ;(kind === 'index' ? entry.indexes : entry.constraints).push(name)
    byTable.set(table, entry)
  }
  return byTable
}

/**
 * A renamed table's own keys, foreign keys and indexes are named `<table>_…` by Prisma: rename those
 * that carry the old name, so the database matches what the new schema creates.
 */
export function ownObjectRenames(from: string, to: string, objects: TableObjects | undefined): RenameStep[] {
  if (!objects) return []
  const renamed = (name: string) => (name.startsWith(`${from}_`) ? `${to}${name.slice(from.length)}` : undefined)
  return [
    ...objects.constraints.flatMap((name) => (renamed(name) ? [renameConstraint(to, name, renamed(name)!)] : [])),
    ...objects.indexes.flatMap((name) => (renamed(name) ? [renameIndex(name, renamed(name)!)] : [])),
  ]
}
