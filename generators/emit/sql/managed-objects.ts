import { derivedFromIr } from '../../ir/lookup.ts'
import { isStoredField, type Ir, type IrCheck, type IrCheckOperand, type IrManagedIndex, type IrModel, type IrStoredField, type IrWhereCondition } from '../../ir/types.ts'
import { fieldChecks, type ApiOnlyRule } from './field-checks.ts'
import { constraintName, snakeCase, sqlIdentifier, sqlLiteral } from './sql-text.ts'

export type { ApiOnlyRule }

/**
 * A database object the Prisma schema cannot hold, so the generator owns it: a CHECK constraint,
 * a partial or expression index, or a COMMENT. `create` is the statement that makes it; the migration step (scripts/managed-migration.ts)
 * compares objects by `key` and by what PostgreSQL reads back after `create`.
 */
export type ManagedObject =
  | { readonly kind: 'check'; readonly key: string; readonly table: string; readonly name: string; readonly model: string; readonly field?: string; readonly rule: string; readonly expression: string; readonly backfill?: string; readonly create: string; readonly drop: string }
  | { readonly kind: 'index'; readonly key: string; readonly table: string; readonly name: string; readonly model: string; readonly unique: boolean; readonly create: string; readonly drop: string }
  | { readonly kind: 'comment'; readonly key: string; readonly table: string; readonly column?: string; readonly text: string; readonly create: string; readonly drop: string }

export interface ManagedSchema {
  readonly objects: readonly ManagedObject[]
  /** Field rules only the API enforces, with the reason. */
  readonly apiOnly: readonly ApiOnlyRule[]
}

/** Every managed object of the models, in model and field order (checks, then indexes, then comments). */
export const managedSchema: (ir: Ir) => ManagedSchema = derivedFromIr(buildManagedSchema)

function buildManagedSchema(ir: Ir): ManagedSchema {
  const checks: ManagedObject[] = []
  const indexes: ManagedObject[] = []
  const comments: ManagedObject[] = []
  const apiOnly: ApiOnlyRule[] = []
  for (const model of ir.models) {
    const table = sqlIdentifier(model.table)
    if (model.description) comments.push(comment(`TABLE ${table}`, model.table, undefined, model.description))
    for (const field of model.fields) {
      if (!isStoredField(field)) continue
      const found = fieldChecks(model, field)
      apiOnly.push(...found.apiOnly)
      for (const check of found.checks) {
        const name = constraintName(model.table, `${field.column}_${snakeCase(check.rule)}`)
        checks.push(checkObject(model.table, name, model.name, check.rule, check.expression, field, check.backfill))
      }
      if (field.description) comments.push(comment(`COLUMN ${table}.${sqlIdentifier(field.column)}`, model.table, field.column, field.description))
    }
    for (const check of model.checks) checks.push(checkObject(model.table, constraintName(model.table, check.name), model.name, check.name, modelCheckSql(check)))
    for (const index of model.managedIndexes) indexes.push(indexObject(model, index))
  }
  return { objects: [...checks, ...indexes, ...comments], apiOnly }
}

/** A model check as SQL: a NULL operand passes, as in zod, because SQL comparisons with NULL are unknown. */
function modelCheckSql(check: IrCheck): string {
  const operand = (o: IrCheckOperand) => (o.kind === 'field' ? sqlIdentifier(o.column) : String(o.value))
  return `${operand(check.left)} ${check.op === '!=' ? '<>' : check.op} ${operand(check.right)}`
}

/** `CREATE [UNIQUE] INDEX … ON … (keys) [WHERE …]`: expression keys and conditions over quoted columns. */
function indexObject(model: IrModel, index: IrManagedIndex): ManagedObject {
  const keys = index.keys.map((k) => (k.kind === 'expression' ? `${k.function}(${sqlIdentifier(k.column)})` : sqlIdentifier(k.column)))
  const where = index.where ? ` WHERE ${index.where.conditions.map(conditionSql).join(' AND ')}` : ''
  const name = sqlIdentifier(index.name)
  return {
    kind: 'index',
    key: `index ${index.name}`,
    table: model.table,
    name: index.name,
    model: model.name,
    unique: index.unique,
    create: `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX ${name} ON ${sqlIdentifier(model.table)} (${keys.join(', ')})${where};`,
    drop: `DROP INDEX IF EXISTS ${name};`,
  }
}

function conditionSql(c: IrWhereCondition): string {
  const column = sqlIdentifier(c.column)
  if (c.kind === 'null') return `${column} IS ${c.negated ? 'NOT ' : ''}NULL`
  const value = c.value.kind === 'number' || c.value.kind === 'boolean' ? String(c.value.value) : sqlLiteral(c.value.value) // an enum value is a text literal PostgreSQL casts to the column's type
  return `${column} ${c.op === '!=' ? '<>' : c.op} ${value}`
}

function checkObject(table: string, name: string, model: string, rule: string, expression: string, field?: IrStoredField, backfill?: string): ManagedObject {
  const on = `ALTER TABLE ${sqlIdentifier(table)}`
  return {
    kind: 'check',
    key: `check ${table}.${name}`,
    table,
    name,
    model,
    ...(field ? { field: field.name } : {}),
    rule,
    expression,
    ...(backfill ? { backfill } : {}),
    create: `${on} ADD CONSTRAINT ${sqlIdentifier(name)} CHECK (${expression});`,
    drop: `${on} DROP CONSTRAINT IF EXISTS ${sqlIdentifier(name)};`,
  }
}

function comment(target: string, table: string, column: string | undefined, text: string): ManagedObject {
  return {
    kind: 'comment',
    key: `comment ${table}${column === undefined ? '' : `.${column}`}`,
    table,
    ...(column === undefined ? {} : { column }),
    text,
    create: `COMMENT ON ${target} IS ${sqlLiteral(text)};`,
    drop: `COMMENT ON ${target} IS NULL;`,
  }
}
