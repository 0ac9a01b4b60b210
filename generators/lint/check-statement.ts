// The rules applied to one parsed statement. `base` is the database before the whole change (a
// table missing there is new and empty, so locking it harms nobody); `now` is the database just
// before this statement, with the change's earlier statements applied.
import type { AlterTableCmd, ColumnDef, Constraint, Node } from 'libpg-query'
import { type Catalog, stringOf, typeText } from './catalog.ts'
import type { LintRuleId } from './rules.ts'

export interface StatementContext {
  readonly base: Catalog
  readonly now: Catalog
  /** `table` or `table.column` → the model or field the deployed service reads it as. */
  readonly readers: ReadonlyMap<string, string>
  /** The migration holds statements besides this one (it then runs inside a transaction). */
  readonly shared: boolean
}

export interface Hit {
  readonly rule: LintRuleId
  readonly table: string
  /** What this statement does that hurts, in words. */
  readonly problem: string
}

// Functions whose value differs per row: as a column default they force a table rewrite.
const VOLATILE = new Set(['random', 'gen_random_uuid', 'uuid_generate_v4', 'uuid_generate_v1', 'clock_timestamp', 'timeofday', 'nextval'])

export function checkStatement(node: Node, context: StatementContext): Hit[] {
  const { base, now, readers } = context
  const existing = (table: string) => base.tables.has(table)
  if ('IndexStmt' in node) {
    const { relation, concurrent, unique, idxname } = node.IndexStmt
    const table = relation?.relname ?? ''
    if (concurrent) return context.shared ? [{ rule: 'concurrently-in-transaction', table, problem: `\`${idxname}\` is built CONCURRENTLY in a migration with other statements` }] : []
    return existing(table) ? [{ rule: 'index-without-concurrently', table, problem: `builds ${unique ? 'unique ' : ''}index \`${idxname}\` on \`${table}\`${unique ? '; rows that already repeat a key make it fail' : ''}` }] : []
  }
  if ('DropStmt' in node) {
    const { removeType, objects = [], concurrent } = node.DropStmt
    const names = objects.map((o) => ('List' in o ? stringOf(o.List.items?.at(-1)) : stringOf(o)))
    if (removeType === 'OBJECT_INDEX') {
      return names.flatMap((index): Hit[] => {
        const table = now.indexes.get(index) ?? ''
        if (concurrent) return context.shared ? [{ rule: 'concurrently-in-transaction', table, problem: `\`${index}\` is dropped CONCURRENTLY in a migration with other statements` }] : []
        return existing(table) ? [{ rule: 'drop-index-without-concurrently', table, problem: `drops index \`${index}\` of \`${table}\`` }] : []
      })
    }
    if (removeType === 'OBJECT_TABLE') return names.filter(existing).map((table) => ({ rule: 'drop-table-still-read', table, problem: `drops \`${table}\`${readers.has(table) ? `, which the deployed service reads as model \`${readers.get(table)}\`` : ''}` }))
    return []
  }
  if ('RenameStmt' in node) {
    const { renameType, relation, subname, newname } = node.RenameStmt
    const table = relation?.relname ?? ''
    if (!existing(table) || (renameType !== 'OBJECT_TABLE' && renameType !== 'OBJECT_COLUMN')) return []
    const what = renameType === 'OBJECT_TABLE' ? `table \`${table}\`` : `column \`${table}.${subname}\``
    return [{ rule: 'rename-still-read', table, problem: `renames ${what} to \`${newname}\`` }]
  }
  if ('AlterTableStmt' in node) {
    const table = node.AlterTableStmt.relation?.relname ?? ''
    if (!existing(table)) return []
    return (node.AlterTableStmt.cmds ?? []).flatMap((cmd) => ('AlterTableCmd' in cmd ? checkAlter(table, cmd.AlterTableCmd, context) : []))
  }
  return []
}

function checkAlter(table: string, cmd: AlterTableCmd, { now, readers }: StatementContext): Hit[] {
  const def = cmd.def && 'ColumnDef' in cmd.def ? cmd.def.ColumnDef : undefined
  const hit = (rule: LintRuleId, problem: string): Hit[] => [{ rule, table, problem }]
  switch (cmd.subtype) {
    case 'AT_AddColumn':
      return def ? checkAddColumn(table, def) : []
    case 'AT_SetNotNull':
      return hit('set-not-null', `makes \`${table}.${cmd.name}\` NOT NULL; a null left in any row makes it fail`)
    case 'AT_DropColumn': {
      const field = readers.get(`${table}.${cmd.name}`)
      return hit('drop-column-still-read', `drops \`${table}.${cmd.name}\`${field ? `, which the deployed service reads as \`${field}\`` : ''}`)
    }
    case 'AT_AlterColumnType': {
      const column = cmd.name ?? ''
      const before = now.tables.get(table)?.get(column)
      const after = typeText(def?.typeName)
      const swapped = now.enums.get(after)
      if (swapped && before && now.enums.has(before) && after !== before) {
        const removed = now.enums.get(before)!.filter((v) => !swapped.includes(v))
        if (removed.length) return hit('enum-value-removed', `swaps \`${table}.${column}\` to \`${after}\` without ${removed.map((v) => `\`${v}\``).join(', ')}; rows holding ${removed.length === 1 ? 'it' : 'them'} make the cast fail`)
      }
      if (before && !rewrites(before, after)) return []
      return hit('column-type-rewrite', `changes \`${table}.${column}\` from ${before ?? 'an unknown type'} to ${after}`)
    }
    case 'AT_AddConstraint': {
      const constraint = cmd.def && 'Constraint' in cmd.def ? cmd.def.Constraint : undefined
      return constraint ? checkConstraint(table, constraint) : []
    }
    default:
      return []
  }
}

function checkAddColumn(table: string, def: ColumnDef): Hit[] {
  const constraints = (def.constraints ?? []).flatMap((c) => ('Constraint' in c ? [c.Constraint] : []))
  const column = `\`${table}.${def.colname}\``
  const type = def.typeName?.names?.map(stringOf).at(-1) ?? ''
  const fallback = constraints.find((c) => c.contype === 'CONSTR_DEFAULT')?.raw_expr
  const computed = constraints.find((c) => c.contype === 'CONSTR_IDENTITY' || c.contype === 'CONSTR_GENERATED')
  const volatile = fallback ? calledFunctions(fallback).find((f) => VOLATILE.has(f)) : undefined
  if (/serial/.test(type) || computed || volatile) return [{ rule: 'add-column-rewrite', table, problem: `adds ${column} ${/serial/.test(type) ? `as ${type.toUpperCase()}` : computed ? 'as an identity or generated column' : `with the volatile default ${volatile}()`}, computed for every existing row` }]
  const notNull = def.is_not_null || constraints.some((c) => c.contype === 'CONSTR_NOTNULL' || c.contype === 'CONSTR_PRIMARY')
  return notNull && !fallback ? [{ rule: 'add-required-column', table, problem: `adds ${column} NOT NULL without a default` }] : []
}

function checkConstraint(table: string, c: Constraint): Hit[] {
  const validated = !c.skip_validation
  if (c.contype === 'CONSTR_FOREIGN' && validated) return [{ rule: 'foreign-key-validating', table, problem: `adds foreign key \`${c.conname}\` from \`${table}\` to \`${c.pktable?.relname}\`, checking every row` }]
  if (c.contype === 'CONSTR_CHECK' && validated) return [{ rule: 'check-validating', table, problem: `adds check \`${c.conname}\` to \`${table}\`, checking every row` }]
  if ((c.contype === 'CONSTR_PRIMARY' || c.contype === 'CONSTR_UNIQUE') && !c.indexname) return [{ rule: 'unique-constraint-building-index', table, problem: `adds ${c.contype === 'CONSTR_PRIMARY' ? 'primary key' : 'unique constraint'} \`${c.conname}\` to \`${table}\`, building its index under the lock` }]
  return []
}

function calledFunctions(node: unknown): string[] {
  if (!node || typeof node !== 'object') return []
  const here = 'FuncCall' in node ? [stringOf((node as { FuncCall: { funcname?: Node[] } }).FuncCall.funcname?.at(-1))] : []
  return [...here, ...Object.values(node).flatMap(calledFunctions)]
}

// Types whose modifier can grow without a rewrite (PostgreSQL's length-coercion support functions).
const GROWABLE = new Set(['varchar', 'numeric', 'timestamp', 'timestamptz', 'time', 'timetz', 'interval', 'varbit'])

/** Whether changing a column from `before` to `after` rewrites the table on PostgreSQL 15. */
export function rewrites(before: string, after: string): boolean {
  if (before === after) return false
  const split = (t: string) => {
    const [, name = '', mods = '', array = ''] = /^([^([]+)(?:\(([^)]*)\))?(\[\])?$/.exec(t) ?? []
    return { name, mods: mods ? mods.split(',').map(Number) : [], array }
  }
  const b = split(before)
  const a = split(after)
  if (b.array !== a.array) return true
  if (b.name === 'varchar' && a.name === 'text') return false // text is varchar without a limit
  if (b.name === 'text' && a.name === 'varchar' && a.mods.length === 0) return false
  if (b.name !== a.name || !GROWABLE.has(a.name)) return true
  if (a.mods.length === 0) return false // the limit is lifted
  if (b.mods.length === 0) return true // a limit is imposed: every row must be checked
  if (a.name === 'numeric') return !(a.mods[1] === b.mods[1] && a.mods[0]! >= b.mods[0]!)
  return a.mods[0]! < b.mods[0]!
}
