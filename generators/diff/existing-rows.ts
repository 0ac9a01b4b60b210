// Rows already stored that a change would reject or lose: counted on a real database when the
// report is given one, otherwise listed as not checked. Each count says which step of the safe
// sequence has to deal with those rows.
import { fieldChecks } from '../emit/sql/field-checks.ts'
import { sqlIdentifier, sqlLiteral } from '../emit/sql/sql-text.ts'
import { isStoredField, type Ir, type IrModel, type IrStoredField } from '../ir/types.ts'
import type { Change } from './changes.ts'

export interface RowCount {
  readonly subject: string
  /** Which rows, in words. */
  readonly what: string
  readonly rows: number
  /** The step of the safe sequence that handles them. */
  readonly step: string
}

export interface RowsSection {
  readonly counts: readonly RowCount[]
  readonly unchecked: readonly string[]
}

interface RowCheck {
  readonly subject: string
  readonly what: string
  readonly step: string
  /** Counts the rows (one row, column `n`); undefined when SQL cannot decide (the reason is in `what`). */
  readonly sql?: string
}

const BACKFILL = 'the backfill step, before the migration that enforces it'

/** The checks a change needs, on the base tables (the database is still at the base revision). */
export function planRowChecks(changes: readonly Change[], base: Ir, head: Ir): RowCheck[] {
  const checks: RowCheck[] = []
  for (const change of changes) {
    const found = locate(change.subject, base, head)
    if (!found) continue
    const { model, field, headField } = found
    const table = sqlIdentifier(model.table)
    const column = field ? sqlIdentifier(field.column) : ''
    const count = (where: string) => `SELECT count(*)::int AS n FROM ${table} WHERE ${where}`
    if (change.kind === 'constraint-tightened' && field && headField) {
      const c = headField.constraints
      const bounds: [string, string, string | undefined][] = [
        ['maxLength', `longer than ${c.maxLength} characters`, c.maxLength === undefined ? undefined : `char_length(${column}) > ${c.maxLength}`],
        ['minLength', `shorter than ${c.minLength} characters`, c.minLength === undefined ? undefined : `char_length(${column}) < ${c.minLength}`],
        ['length', `not exactly ${c.length} characters long`, c.length === undefined ? undefined : `char_length(${column}) <> ${c.length}`],
        ['max', `above ${c.max}`, c.max === undefined ? undefined : `${column} > ${c.max}`],
        ['min', `below ${c.min}`, c.min === undefined ? undefined : `${column} < ${c.min}`],
      ]
      const key = bounds.find(([k]) => change.message.startsWith(`\`${k}\``))
      const step = `${BACKFILL}; until then responses carry values the new schema rejects`
      // Other rules (patterns, formats, list rules) are counted with the CHECK the database gets for them.
      const rule = /^`(\w+)`/.exec(change.message)?.[1]
      const managed = fieldChecks(model, headField).checks.find((c) => c.rule === rule)
      if ((!key?.[2] || field.list) && managed && field.column === headField.column) {
        checks.push({ subject: change.subject, what: `rows of \`${model.table}\` whose \`${field.column}\` breaks the new \`${rule}\``, step, sql: count(`${column} IS NOT NULL AND NOT (${managed.expression})`) })
      } else if (!key?.[2] || field.list) checks.push({ subject: change.subject, what: `rows of \`${model.table}\` that break the new rule (${change.message.replaceAll('`', '')}): the rule has no SQL equal (API-only, as prisma/managed.sql lists)`, step })
      else checks.push({ subject: change.subject, what: `rows of \`${model.table}\` whose \`${field.column}\` is ${key[1]}`, step, sql: count(key[2]) })
    }
    if (change.kind === 'type-changed' && field && headField?.nativeType?.name === 'VarChar' && change.database === 'breaking') {
      const limit = headField.nativeType.args[0]
      if (limit !== undefined) checks.push({ subject: change.subject, what: `rows of \`${model.table}\` whose \`${field.column}\` is longer than ${limit} characters (the column type narrows)`, step: `${BACKFILL}: the type change fails on them`, sql: count(`char_length(${column}) > ${limit}`) })
    }
    if (change.kind === 'unique-added') {
      const columns = field ? [field.column] : keyColumns(change.subject, model)
      if (!columns) continue
      const cols = columns.map(sqlIdentifier).join(', ')
      checks.push({ subject: change.subject, what: `rows of \`${model.table}\` that share (${columns.join(', ')}) with another row`, step: 'deduplicate them before `CREATE UNIQUE INDEX CONCURRENTLY`, which otherwise fails (and leaves an invalid index to drop)', sql: `SELECT coalesce(sum(n), 0)::int AS n FROM (SELECT count(*) AS n FROM ${table} WHERE ${columns.map((c) => `${sqlIdentifier(c)} IS NOT NULL`).join(' AND ')} GROUP BY ${cols} HAVING count(*) > 1) AS duplicates` })
    }
    if ((change.kind === 'became-required' && change.database === 'breaking') && field) {
      checks.push({ subject: change.subject, what: `rows of \`${model.table}\` whose \`${field.column}\` is null`, step: 'the backfill step, before `CHECK … NOT VALID`, `VALIDATE CONSTRAINT` and `SET NOT NULL`', sql: count(`${column} IS NULL`) })
    }
    if (change.kind === 'field-added' && change.database === 'breaking') {
      checks.push({ subject: change.subject, what: `rows of \`${model.table}\` (each lacks a value for the new required field)`, step: 'add it nullable or with a default first, backfill these rows, then make it required', sql: `SELECT count(*)::int AS n FROM ${table}` })
    }
  }
  return [...checks, ...removedEnumValues(changes, base, head)]
}

function removedEnumValues(changes: readonly Change[], base: Ir, head: Ir): RowCheck[] {
  const checks: RowCheck[] = []
  for (const change of changes.filter((c) => c.kind === 'enum-value-removed')) {
    const [enumName, value] = change.subject.split('.') as [string, string]
    const baseName = head.enums.find((e) => e.name === enumName)?.renamedFrom ?? enumName
    const before = base.enums.find((e) => e.name === enumName) ?? base.enums.find((e) => e.name === baseName)
    for (const model of base.models) {
      for (const field of stored(model).filter((f) => f.type.kind === 'enum' && f.type.enum === (before?.name ?? enumName))) {
        const where = field.list ? `${sqlLiteral(value)} = ANY(${sqlIdentifier(field.column)}::text[])` : `${sqlIdentifier(field.column)}::text = ${sqlLiteral(value)}`
        checks.push({ subject: change.subject, what: `rows of \`${model.table}\` whose \`${field.column}\` holds \`${value}\``, step: 'move them to another value in the backfill step, before the migration that swaps the enum type (its cast fails on them)', sql: `SELECT count(*)::int AS n FROM ${sqlIdentifier(model.table)} WHERE ${where}` })
      }
    }
  }
  return checks
}

const stored = (m: IrModel) => m.fields.filter(isStoredField)

/** The base model (and field) a change's subject names: `Model.field` or `Model(a, b)` in head names. */
function locate(subject: string, base: Ir, head: Ir): { model: IrModel; field?: IrStoredField; headField?: IrStoredField } | undefined {
  const [modelName = '', fieldName] = subject.split(/[.(]/)
  const headModel = head.models.find((m) => m.name === modelName)
  const model = base.models.find((m) => m.name === modelName || m.name === headModel?.renamedFrom)
  if (!model || !headModel) return undefined
  if (subject.includes('(') || fieldName === undefined) return { model }
  const headField = stored(headModel).find((f) => f.name === fieldName)
  const field = stored(model).find((f) => f.name === fieldName || f.name === headField?.renamedFrom)
  return { model, ...(field ? { field } : {}), ...(headField ? { headField } : {}) }
}

function keyColumns(subject: string, model: IrModel): string[] | undefined {
  const names = subject.slice(subject.indexOf('(') + 1, -1).split(', ')
  const columns = names.map((n) => stored(model).find((f) => f.name === n)?.column)
  return columns.every((c): c is string => c !== undefined) ? columns : undefined
}

/** Runs the checks with `count` (one SQL query → n), or lists them as not checked when there is no database. */
export async function countExistingRows(checks: readonly RowCheck[], count: ((sql: string) => Promise<number>) | undefined, whyNot: string): Promise<RowsSection> {
  const counts: RowCount[] = []
  const unchecked: string[] = []
  for (const check of checks) {
    if (!check.sql) unchecked.push(`${check.subject}: ${check.what}`)
    else if (!count) unchecked.push(`${check.subject}: ${check.what} (${whyNot})`)
    else {
      try {
        counts.push({ subject: check.subject, what: check.what, rows: await count(check.sql), step: check.step })
      } catch (error) {
        unchecked.push(`${check.subject}: ${check.what} (the query failed: ${(error as Error).message.split('\n')[0]})`)
      }
    }
  }
  return { counts, unchecked }
}
