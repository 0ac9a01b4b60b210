// What the database holds before a migration, as far as the lint needs to know: tables and their
// column types, indexes and enums. Built by replaying earlier migrations' statements, so a rule
// can tell a new (empty) table from a busy one and an old column type from a new one.
import type { Node, TypeName } from 'libpg-query'

export interface Catalog {
  /** table → column → type, e.g. `varchar(50)`, `int4`, `Level` */
  readonly tables: Map<string, Map<string, string>>
  /** index → its table */
  readonly indexes: Map<string, string>
  /** enum → its values */
  readonly enums: Map<string, string[]>
}

export const emptyCatalog = (): Catalog => ({ tables: new Map(), indexes: new Map(), enums: new Map() })

const SERIALS: Record<string, string> = { serial: 'int4', serial4: 'int4', bigserial: 'int8', serial8: 'int8', smallserial: 'int2', serial2: 'int2' }

/** A type as PostgreSQL names it internally, with its modifiers: `varchar(50)`, `numeric(10,2)`, `text[]`. */
export function typeText(type: TypeName | undefined): string {
  const names = (type?.names ?? []).map(stringOf)
  const name = names[names.length - 1] ?? '?'
  const mods = (type?.typmods ?? []).map((m) => (m as { A_Const?: { ival?: { ival?: number } } }).A_Const?.ival?.ival ?? 0)
  return `${SERIALS[name] ?? name}${mods.length ? `(${mods.join(',')})` : ''}${type?.arrayBounds?.length ? '[]' : ''}`
}

export const stringOf = (node: Node | undefined): string => (node && 'String' in node ? (node.String.sval ?? '') : '')

/** Records what one statement creates, changes or drops. */
export function applyStatement(catalog: Catalog, node: Node): void {
  if ('CreateStmt' in node) {
    const columns = new Map<string, string>()
    for (const element of node.CreateStmt.tableElts ?? []) if ('ColumnDef' in element) columns.set(element.ColumnDef.colname ?? '', typeText(element.ColumnDef.typeName))
    catalog.tables.set(node.CreateStmt.relation?.relname ?? '', columns)
  } else if ('IndexStmt' in node) {
    catalog.indexes.set(node.IndexStmt.idxname ?? '', node.IndexStmt.relation?.relname ?? '')
  } else if ('CreateEnumStmt' in node) {
    catalog.enums.set(stringOf(node.CreateEnumStmt.typeName?.at(-1)), (node.CreateEnumStmt.vals ?? []).map(stringOf))
  } else if ('AlterTableStmt' in node) {
    const columns = catalog.tables.get(node.AlterTableStmt.relation?.relname ?? '')
    for (const wrapped of node.AlterTableStmt.cmds ?? []) {
      if (!columns || !('AlterTableCmd' in wrapped)) continue
      const cmd = wrapped.AlterTableCmd
      const def = cmd.def && 'ColumnDef' in cmd.def ? cmd.def.ColumnDef : undefined
      if (cmd.subtype === 'AT_AddColumn' && def) columns.set(def.colname ?? '', typeText(def.typeName))
      if (cmd.subtype === 'AT_AlterColumnType' && def) columns.set(cmd.name ?? '', typeText(def.typeName))
      if (cmd.subtype === 'AT_DropColumn') columns.delete(cmd.name ?? '')
    }
  } else if ('DropStmt' in node) {
    for (const object of node.DropStmt.objects ?? []) {
      const name = 'List' in object ? stringOf(object.List.items?.at(-1)) : stringOf(object)
      if (node.DropStmt.removeType === 'OBJECT_TABLE') catalog.tables.delete(name)
      if (node.DropStmt.removeType === 'OBJECT_INDEX') catalog.indexes.delete(name)
      if (node.DropStmt.removeType === 'OBJECT_TYPE') catalog.enums.delete(name)
    }
  } else if ('RenameStmt' in node) {
    const { renameType, relation, subname, newname = '' } = node.RenameStmt
    if (renameType === 'OBJECT_TABLE') move(catalog.tables, relation?.relname ?? '', newname)
    if (renameType === 'OBJECT_COLUMN') move(catalog.tables.get(relation?.relname ?? '') ?? new Map(), subname ?? '', newname)
    if (renameType === 'OBJECT_INDEX') move(catalog.indexes, relation?.relname ?? '', newname)
    if (renameType === 'OBJECT_TYPE') {
      const from = stringOf((node.RenameStmt.object as { List?: { items?: Node[] } }).List?.items?.at(-1))
      move(catalog.enums, from, newname)
      // Columns follow their type (Prisma's enum swap renames `X_new` to `X` after moving them).
      for (const columns of catalog.tables.values()) for (const [column, type] of columns) if (type === from) columns.set(column, newname)
    }
  }
}

function move<T>(map: Map<string, T>, from: string, to: string): void {
  const value = map.get(from)
  if (value === undefined) return
  map.delete(from)
  map.set(to, value)
}
