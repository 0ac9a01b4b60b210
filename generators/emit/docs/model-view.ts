import { isStoredField, isRelationField, isOwnerRelation, type Ir, type IrModel, type IrRelationField, type IrStoredField } from '../../ir/types.ts'
import { attributesText, constraintsText, defaultText, heading, typeText } from './field-text.ts'
import { cell, code, link, prose, tableLines } from './markdown-text.ts'
import { oppositeEnd } from '../../ir/lookup.ts'
import { constraintName } from '../sql/sql-text.ts'

/** One model's section: every line of its tables already rendered. */
export interface ModelView {
  readonly heading: string
  readonly description: string
  readonly table: string
  readonly fields: readonly string[]
  readonly relations: readonly string[]
  readonly keys: readonly string[]
  /** Model checks: enforced by the database (CHECK) and zod; OpenAPI only lists them. */
  readonly checks: readonly string[]
}

export function buildModelView(ir: Ir, model: IrModel): ModelView {
  const stored = model.fields.filter(isStoredField)
  const relations = model.fields.filter(isRelationField)
  return {
    heading: heading.model(model.name),
    description: describe(model.description, model.deprecated),
    table: [`Table ${code(model.table)}`, model.renamedFrom && `renamed from ${code(model.renamedFrom)}`, model.archive && archiveText(model)].filter(Boolean).join(', '),
    fields: tableLines(['Field', 'Type', 'Constraints', 'Default', 'Attributes', 'Description'], stored.map((f) => fieldRow(f, model))),
    relations: relations.length ? tableLines(['Field', 'Target', 'Other end', 'Cardinality', 'Foreign key', 'On delete', 'Description'], relations.map((f) => relationRow(ir, model, f))) : [],
    keys: tableLines(['Kind', 'Fields', 'Name'], keyRows(model)),
    checks: model.checks.length
      ? tableLines(['Check', 'Rule', 'Constraint', 'Description'], model.checks.map((c) => [code(c.name), code(c.rule), code(constraintName(model.table, c.name)), describeCell(c.description, false)]))
      : [],
  }
}

/** Where `npm run db:archive` moves the model's old rows (src/db/archive/archive-tables.ts names the table). */
const archiveText = ({ archive, table }: IrModel) => `rows older than ${archive!.afterDays} days by ${code(archive!.field)} are moved to ${code(`archive.${table}`)} by \`npm run db:archive\``

/** A description as prose, flagged when deprecated. */
export function describe(description: string | undefined, deprecated: boolean | undefined): string {
  return [deprecated && '**Deprecated.**', description !== undefined && prose(description)].filter(Boolean).join(' ')
}

/** A description for a table cell. */
export function describeCell(description: string | undefined, deprecated: boolean | undefined): string {
  return [deprecated && '**Deprecated.**', description !== undefined && cell(description)].filter(Boolean).join(' ')
}

function fieldRow(field: IrStoredField, model: IrModel): string[] {
  return [
    code(field.name),
    typeText(field.type, field.list, field.optional),
    constraintsText(field.constraints),
    defaultText(field.default, field.type.kind === 'enum'),
    attributesText(field, model),
    describeCell(field.description, field.deprecated),
  ]
}

function relationRow(ir: Ir, model: IrModel, field: IrRelationField): string[] {
  const opposite = oppositeEnd(ir, field)
  const otherEnd = [code(field.opposite), field.relationName && `(relation ${code(field.relationName)})`].filter(Boolean).join(' ')
  const keyHolder = isOwnerRelation(field) ? field : opposite && isOwnerRelation(opposite) ? opposite : undefined
  return [
    code(field.name),
    link(field.target, heading.model(field.target)),
    otherEnd,
    cardinalityText(field, opposite),
    foreignKeyText(model, field, opposite),
    [keyHolder?.onDelete, keyHolder?.onUpdate && `on update ${keyHolder.onUpdate}`].filter(Boolean).join(', '),
    describeCell(field.description, field.deprecated),
  ]
}

/** Read from this field's side: `many-to-one, required` means many of this model point at exactly one target. */
function cardinalityText(field: IrRelationField, opposite: IrRelationField | undefined): string {
  const many = opposite?.list ?? false
  if (field.list) return many ? 'many-to-many' : 'one-to-many'
  return `${many ? 'many-to-one' : 'one-to-one'}, ${field.optional ? 'optional' : 'required'}`
}

/** Where the key lives: this model's columns, the target's, or a join table. */
function foreignKeyText(model: IrModel, field: IrRelationField, opposite: IrRelationField | undefined): string {
  if (field.side === 'many') return 'join table'
  const [holder, keyField, target] = isOwnerRelation(field) ? [model.name, field, field.target] : [field.target, opposite, model.name]
  if (!keyField || !isOwnerRelation(keyField)) return ''
  return keyField.fields.map((f, i) => `${code(`${holder}.${f}`)} → ${code(`${target}.${keyField.references[i]}`)}`).join(', ')
}

function keyRows(model: IrModel): string[][] {
  const row = (kind: string, index: { readonly fields: readonly string[]; readonly name?: string }) => [kind, index.fields.map(code).join(', '), index.name ? code(index.name) : '']
  // Partial and expression indexes live in prisma/managed.sql; the catalog says which rows they cover.
  const managed = model.managedIndexes.map((i) => [i.unique ? 'unique' : 'index', `${i.keys.map((k) => code(k.text)).join(', ')}${i.where ? ` — only rows where ${code(i.where.text)}` : ''}`, code(i.name)])
  return [row('primary key', model.primaryKey), ...model.uniques.map((u) => row('unique', u)), ...model.indexes.map((i) => row('index', i)), ...managed]
}
