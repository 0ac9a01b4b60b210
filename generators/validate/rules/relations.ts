import type { Diagnostic, MessageId, MessageParams } from '../../diagnostics/diagnostic.ts'
import { closestName } from '../../diagnostics/suggest.ts'
import { isManagedIndex } from '../../language/index-key.ts'
import type { FieldDecl } from '../symbols.ts'
import { fieldByName, type ExpandedModel, type RuleContext } from './context.ts'

/** A relation field together with the model it is declared in. */
export interface RelationEnd {
  readonly model: ExpandedModel
  readonly field: FieldDecl
}

/**
 * Groups the relation fields of all models into relations: the two ends that point at each other with
 * the same relation name. Both the validator and the IR builder use this, so they cannot disagree.
 */
export function groupRelationEnds(models: ReadonlyMap<string, ExpandedModel>): Map<string, RelationEnd[]> {
  const groups = new Map<string, RelationEnd[]>()
  for (const model of models.values()) {
    for (const field of model.fields) {
      if (!models.has(field.def.type)) continue
      const pair = [model.decl.name, field.def.type].sort().join('↔')
      const key = `${pair}#${field.def.relation?.name ?? ''}`
      groups.set(key, [...(groups.get(key) ?? []), { model, field }])
    }
  }
  return groups
}

export function checkRelations({ models, diagnostics }: RuleContext): void {
  for (const ends of groupRelationEnds(models).values()) checkRelationGroup(ends, diagnostics)
  for (const model of models.values()) {
    for (const field of model.fields) {
      const relation = field.def.relation
      if (!relation) continue
      const keys = Boolean(relation.fields || relation.references)
      // A list side never holds a foreign key: checkRelationGroup reports one that declares keys.
      if (field.def.list ? !keys && (relation.onDelete || relation.onUpdate) : keys || relation.onDelete || relation.onUpdate) checkForeignKey(model, field, models, diagnostics)
    }
  }
}

function checkRelationGroup(ends: RelationEnd[], diagnostics: Diagnostic[]): void {
  const first = ends[0]!
  const target = first.field.def.type
  const describeEnd = (end: RelationEnd) => `\`${end.model.decl.name}.${end.field.name}\``
  if (ends.length === 1) {
    const { model, field } = first
    // The back side of a foreign key is a list; the back side of a list holds the foreign key.
    const back = field.def.relation?.fields ? { listName: lowerFirst(pluralize(model.decl.name)) } : { singleName: lowerFirst(model.decl.name) }
    const params = { model: model.decl.name, field: field.name, target, relationName: field.def.relation?.name, ...back }
    diagnostics.push(field.source.diagnostic('PIKA504', 'noBackSide', params, [...field.path, 'type']))
    return
  }
  if (ends.length > 2) {
    for (const end of ends.slice(1)) {
      const others = ends.filter((e) => e !== end).map(describeEnd).join(', ')
      diagnostics.push(end.field.source.diagnostic('PIKA505', 'ambiguousRelation', { end: describeEnd(end), others }, [...end.field.path, 'type']))
    }
    return
  }
  const [a, b] = ends as [RelationEnd, RelationEnd]
  const owners = ends.filter((e) => e.field.def.relation?.fields || e.field.def.relation?.references)
  const bothLists = a.field.def.list && b.field.def.list
  if (bothLists) {
    for (const owner of owners) diagnostics.push(owner.field.source.diagnostic('PIKA507', 'manyToManyKeys', { end: describeEnd(owner) }, [...owner.field.path, 'relation']))
    return
  }
  if (owners.length !== 1) {
    const single = ends.find((e) => !e.field.def.list) ?? a
    const at = [...single.field.path, 'type']
    const [endA, endB] = [describeEnd(a), describeEnd(b)]
    if (owners.length === 0) diagnostics.push(single.field.source.diagnostic('PIKA507', 'neitherSideHoldsKey', { endA, endB, single: describeEnd(single) }, at))
    else diagnostics.push(single.field.source.diagnostic('PIKA507', 'bothSidesHoldKey', { endA, endB }, at))
    return
  }
  const owner = owners[0]!
  const back = owner === a ? b : a
  if (owner.field.def.list) {
    diagnostics.push(owner.field.source.diagnostic('PIKA507', 'keyOnListSide', { end: describeEnd(owner), back: describeEnd(back) }, [...owner.field.path, 'list']))
  } else if (!back.field.def.list && !back.field.def.optional) {
    diagnostics.push(back.field.source.diagnostic('PIKA507', 'oneToOneBackSideRequired', { end: describeEnd(back) }, [...back.field.path, 'type']))
  } else if (!back.field.def.list && !isUniqueKey(owner.model, owner.field.def.relation?.fields ?? [])) {
    const foreignKey = owner.field.def.relation?.fields?.join(', ') ?? ''
    diagnostics.push(owner.field.source.diagnostic('PIKA507', 'oneToOneKeyNotUnique', { end: describeEnd(owner), foreignKey, back: describeEnd(back) }, [...owner.field.path, 'relation', 'fields']))
  }
}

function checkForeignKey(model: ExpandedModel, field: FieldDecl, models: ReadonlyMap<string, ExpandedModel>, diagnostics: Diagnostic[]): void {
  const relation = field.def.relation!
  const fields = relation.fields ?? []
  const references = relation.references ?? []
  const at = (key: string, index?: number) => [...field.path, 'relation', key, ...(index === undefined ? [] : [index])]
  const report = <M extends MessageId<'PIKA506'>>(id: M, params: MessageParams<'PIKA506', M>, path: (string | number)[], part: 'key' | 'value' = 'value'): void => {
    diagnostics.push(field.source.diagnostic('PIKA506', id, params, path, { part }))
  }
  const stray = relation.references ? 'references' : relation.onDelete ? 'onDelete' : 'onUpdate'
  if (!relation.fields) return report('keysWithoutFields', { relation: field.name, key: stray }, at(stray), 'key')
  if (!relation.references) return report('fieldsWithoutReferences', { relation: field.name }, at('fields'))
  if (fields.length !== references.length) return report('countMismatch', { fieldCount: fields.length, entries: fields.length === 1 ? 'entry' : 'entries', referenceCount: references.length }, at('references'))
  const target = models.get(field.def.type)!
  const scalarNames = (m: ExpandedModel) => m.fields.filter((f) => !models.has(f.def.type)).map((f) => f.name)
  let anyOptional = false
  let firstRequired: string | undefined
  fields.forEach((name, i) => {
    const local = fieldByName(model, name)
    const remote = fieldByName(target, references[i]!)
    if (!local || models.has(local.def.type)) {
      return report('unknownLocalField', { model: model.decl.name, field: name, suggestion: closestName(name, scalarNames(model)), target: target.decl.name, reference: references[i] }, at('fields', i))
    }
    anyOptional ||= Boolean(local.def.optional)
    if (!local.def.optional) firstRequired ??= name
    if (!remote || models.has(remote.def.type)) return report('unknownReferencedField', { target: target.decl.name, reference: references[i]!, suggestion: closestName(references[i]!, scalarNames(target)) }, at('references', i))
    const ends = { model: model.decl.name, field: name, target: target.decl.name, reference: remote.name }
    if (local.def.type !== remote.def.type || Boolean(local.def.list) !== Boolean(remote.def.list)) {
      report('typeMismatch', { ...ends, type: local.def.type, referencedType: remote.def.type }, at('fields', i))
    }
    if (local.def.list) report('listForeignKey', { field: name }, at('fields', i))
    for (const key of ['db', 'format'] as const) {
      const mine = local.def[key]
      const theirs = remote.def[key]
      if (mine === undefined || mine === theirs || local.def.type !== remote.def.type) continue
      const what = key === 'db' ? 'native type' : 'format'
      report('attributeMismatch', { ...ends, key, what, mine, theirs: theirs ?? 'none', referencedValue: theirs }, at('fields', i))
    }
  })
  const allExist = fields.every((name) => fieldByName(model, name)) && references.every((name) => fieldByName(target, name))
  if (references.length && allExist && !isUniqueKey(target, references)) {
    const partly = target.decl.def.softDelete === true || (target.decl.def.uniques ?? []).some((u) => isManagedIndex(u))
    report(partly ? 'referencePartlyUnique' : 'referenceNotUnique', { references: references.join(', '), target: target.decl.name }, at('references'))
  }
  if (anyOptional !== Boolean(field.def.optional)) {
    report(anyOptional ? 'requiredRelationOptionalKey' : 'optionalRelationRequiredKey', { relation: field.name }, [...field.path, 'type'])
  }
  for (const action of ['onDelete', 'onUpdate'] as const) {
    if (relation[action] !== 'SetNull' || firstRequired === undefined) continue
    // Deleting the parent would set every key column to null, and a required one refuses it.
    if (!anyOptional) report('setNullRequiredKey', { action }, at(action))
    else report('setNullRequiredField', { action, field: firstRequired }, at(action))
  }
}

/** True when the fields are exactly the model's id, or exactly one of its (plain) unique keys. */
export function isUniqueKey(model: ExpandedModel, fields: readonly string[]): boolean {
  const same = (keys: readonly string[]) => keys.length === fields.length && keys.every((k) => fields.includes(k))
  // A partial or expression unique does not make the plain values unique: no key a relation can
  // use. Soft deletion makes every unique but the id partial (live rows only).
  const softDelete = model.decl.def.softDelete === true
  if (fields.length === 1) {
    const field = fieldByName(model, fields[0]!)
    if (field?.def.id || (field?.def.unique && !softDelete)) return true
  }
  if (model.decl.def.id && same(model.decl.def.id.fields)) return true
  return !softDelete && (model.decl.def.uniques ?? []).some((u) => !isManagedIndex(u) && same(u.fields))
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1)
export const pluralize = (s: string) => (/(s|x|ch|sh)$/.test(s) ? `${s}es` : /[^aeiou]y$/.test(s) ? `${s.slice(0, -1)}ies` : `${s}s`)
