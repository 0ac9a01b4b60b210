import type { RawIndex } from '../../load/model-file.ts'
import type { DataPath } from '../../load/source-file.ts'
import { managedIndexName } from '../../language/database-names.ts'
import { isManagedIndex } from '../../language/index-key.ts'
import type { Decl } from '../symbols.ts'
import type { ExpandedModel, RuleContext } from './context.ts'

/**
 * What Prisma's validator or PostgreSQL would refuse in the emitted schema, caught here with a
 * position instead: two fields on one column, two constraints with one name, a self-relation
 * without a name. tests/hostile/prisma-rejections.test.ts shows Prisma refusing each of these
 * when the rule is left out.
 */
export function checkDatabaseRules({ models, diagnostics }: RuleContext): void {
  const constraints = new Map<string, { model: ExpandedModel; at: Located }>()
  for (const model of models.values()) {
    checkColumns(model, models, diagnostics)
    for (const { name, at } of constraintNames(model, models)) {
      const first = constraints.get(name)
      if (!first) {
        constraints.set(name, { model, at })
        continue
      }
      const related = first.at.source.locate(first.at.path)
      diagnostics.push(at.source.diagnostic('PIKA207', 'constraintNameTwice', { name, firstModel: first.model.decl.name }, at.path, { related }))
    }
  }
  checkSelfRelations(models, diagnostics)
}

interface Located {
  readonly source: Decl<unknown>['source']
  readonly path: DataPath
}

const columnOf = (model: ExpandedModel, field: string) => {
  const decl = model.fields.find((f) => f.name === field)
  return decl?.def.map ?? field
}

function checkColumns(model: ExpandedModel, models: RuleContext['models'], diagnostics: RuleContext['diagnostics']): void {
  const byColumn = new Map<string, (typeof model.fields)[number]>()
  for (const field of model.fields) {
    if (models.has(field.def.type)) continue
    const column = field.def.map ?? field.name
    const first = byColumn.get(column)
    if (!first) {
      byColumn.set(column, field)
      continue
    }
    const [later, path] = field.def.map !== undefined ? [field, [...field.path, 'map']] : [first, [...first.path, 'map']]
    const other = later === field ? first : field
    const related = other.source.locate(other.path, 'key')
    diagnostics.push(later.source.diagnostic('PIKA207', 'columnTwice', { field: later.name, otherField: other.name, model: model.decl.name, column }, path, { related }))
  }
}

/** Every primary key, unique and index name of the model, as Prisma names them when `name` is not given. */
function constraintNames(model: ExpandedModel, models: RuleContext['models']): { name: string; at: Located }[] {
  const { decl } = model
  const table = decl.def.table ?? decl.name
  // Soft deletion makes every unique partial, which changes its default name.
  const partialUniques = decl.def.softDelete === true
  const named = (index: RawIndex, suffix: 'key' | 'idx', at: Located) => {
    const partial = index.where !== undefined || (suffix === 'key' && partialUniques)
    const managed = partial || isManagedIndex(index)
    return { name: index.name ?? (managed ? managedIndexName(table, suffix === 'key', index.fields, partial, (f) => columnOf(model, f)) : `${table}_${index.fields.map((f) => columnOf(model, f)).join('_')}_${suffix}`), at }
  }
  const names: { name: string; at: Located }[] = []
  const compoundId = decl.def.id
  if (compoundId) names.push({ name: compoundId.name ?? `${table}_pkey`, at: { source: decl.source, path: [...decl.path, 'id', ...(compoundId.name ? ['name'] : [])] } })
  // One primary key per model: a second id is PIKA502's to report.
  const idField = compoundId ? undefined : model.fields.find((f) => f.def.id && !models.has(f.def.type))
  if (idField) names.push({ name: `${table}_pkey`, at: { source: idField.source, path: [...idField.path, 'id'] } })
  for (const field of model.fields) {
    if (models.has(field.def.type)) continue
    if (field.def.unique) names.push(named({ fields: [field.name] }, 'key', { source: field.source, path: [...field.path, 'unique'] }))
  }
  decl.def.uniques?.forEach((unique, i) => names.push(named(unique, 'key', { source: decl.source, path: [...decl.path, 'uniques', i, ...(unique.name ? ['name'] : [])] })))
  for (const index of model.indexes) names.push(named(index.def, 'idx', { source: index.source, path: [...index.path, ...(index.def.name ? ['name'] : [])] }))
  return names
}

/** Both ends of a relation from a model to itself are fields of that model: Prisma needs the name to pair them. */
function checkSelfRelations(models: RuleContext['models'], diagnostics: RuleContext['diagnostics']): void {
  for (const model of models.values()) {
    for (const field of model.fields) {
      if (field.def.type !== model.decl.name || field.def.relation?.name) continue
      diagnostics.push(field.source.diagnostic('PIKA505', 'unnamedSelfRelation', { model: model.decl.name, field: field.name }, [...field.path, 'type']))
    }
  }
}
