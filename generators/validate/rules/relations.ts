import type { Diagnostic } from '../../diagnostics/diagnostic.ts'
import { didYouMean } from '../../diagnostics/suggest.ts'
import { isManagedIndex } from '../index-key.ts'
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
    const back = field.def.relation?.fields
      ? `\`${lowerFirst(pluralize(model.decl.name))}: { type: ${model.decl.name}, list: true }\``
      : `\`${lowerFirst(model.decl.name)}: { type: ${model.decl.name}, relation: { fields: [${lowerFirst(model.decl.name)}Id], references: [id] } }\` with its foreign key`
    const named = field.def.relation?.name ? ` with \`relation: { name: ${field.def.relation.name} }\`` : ''
    diagnostics.push(field.source.diagnostic('PIKA504', `relation ${describeEnd(first)} has no back side in model \`${target}\``, [...field.path, 'type'], { hint: `Add ${back}${named} to \`${target}\`.` }))
    return
  }
  if (ends.length > 2) {
    for (const end of ends.slice(1)) {
      const others = ends.filter((e) => e !== end).map(describeEnd).join(', ')
      const hint = 'Give each pair of fields the same `relation: { name: … }` on both sides.'
      diagnostics.push(end.field.source.diagnostic('PIKA505', `${describeEnd(end)} is ambiguous: it could pair with ${others}`, [...end.field.path, 'type'], { hint }))
    }
    return
  }
  const [a, b] = ends as [RelationEnd, RelationEnd]
  const owners = ends.filter((e) => e.field.def.relation?.fields || e.field.def.relation?.references)
  const bothLists = a.field.def.list && b.field.def.list
  if (bothLists) {
    for (const owner of owners) diagnostics.push(owner.field.source.diagnostic('PIKA507', `${describeEnd(owner)} is one side of a many-to-many relation, which has no foreign key`, [...owner.field.path, 'relation'], { hint: 'Remove `fields`/`references`; Prisma keeps the pairs in a join table.' }))
    return
  }
  if (owners.length !== 1) {
    const single = ends.find((e) => !e.field.def.list) ?? a
    const message = owners.length === 0 ? `neither side of the relation between ${describeEnd(a)} and ${describeEnd(b)} holds the foreign key` : `both ${describeEnd(a)} and ${describeEnd(b)} declare a foreign key`
    const hint = owners.length === 0 ? `Add \`relation: { fields: [...], references: [...] }\` to ${describeEnd(single)}.` : 'Keep `fields`/`references` on one side only.'
    diagnostics.push(single.field.source.diagnostic('PIKA507', message, [...single.field.path, 'type'], { hint }))
    return
  }
  const owner = owners[0]!
  const back = owner === a ? b : a
  if (owner.field.def.list) {
    diagnostics.push(owner.field.source.diagnostic('PIKA507', `${describeEnd(owner)} holds the foreign key, so it cannot be a list`, [...owner.field.path, 'list'], { hint: `Move \`relation\` to ${describeEnd(back)}.` }))
  } else if (!back.field.def.list && !back.field.def.optional) {
    diagnostics.push(back.field.source.diagnostic('PIKA507', `${describeEnd(back)} is the back side of a one-to-one relation, so it must be optional`, [...back.field.path, 'type'], { hint: 'Add `optional: true`.' }))
  } else if (!back.field.def.list && !isUniqueKey(owner.model, owner.field.def.relation?.fields ?? [])) {
    const fk = owner.field.def.relation?.fields?.join(', ')
    diagnostics.push(owner.field.source.diagnostic('PIKA507', `the one-to-one relation ${describeEnd(owner)} needs its foreign key (${fk}) to be unique`, [...owner.field.path, 'relation', 'fields'], { hint: `Add \`unique: true\` to the foreign-key field, or make ${describeEnd(back)} a list.` }))
  }
}

function checkForeignKey(model: ExpandedModel, field: FieldDecl, models: ReadonlyMap<string, ExpandedModel>, diagnostics: Diagnostic[]): void {
  const relation = field.def.relation!
  const fields = relation.fields ?? []
  const references = relation.references ?? []
  const at = (key: string, index?: number) => [...field.path, 'relation', key, ...(index === undefined ? [] : [index])]
  const report = (message: string, path: (string | number)[], hint?: string, part: 'key' | 'value' = 'value'): void => {
    diagnostics.push(field.source.diagnostic('PIKA506', message, path, { part, ...(hint ? { hint } : {}) }))
  }
  const stray = relation.references ? 'references' : relation.onDelete ? 'onDelete' : 'onUpdate'
  if (!relation.fields) return report(`relation \`${field.name}\` has \`${stray}\` but no \`fields\` (its foreign key)`, at(stray), 'Only the side that holds the foreign key takes `references`, `onDelete` and `onUpdate`; the back side takes only `name`.', 'key')
  if (!relation.references) return report(`relation \`${field.name}\` names \`fields\` but not \`references\``, at('fields'), 'Add `references: [id]` (the referenced model\'s key).')
  if (fields.length !== references.length) return report(`\`fields\` has ${fields.length} entr${fields.length === 1 ? 'y' : 'ies'} but \`references\` has ${references.length}`, at('references'))
  const target = models.get(field.def.type)!
  const scalarNames = (m: ExpandedModel) => m.fields.filter((f) => !models.has(f.def.type)).map((f) => f.name)
  let anyOptional = false
  let firstRequired: string | undefined
  fields.forEach((name, i) => {
    const local = fieldByName(model, name)
    const remote = fieldByName(target, references[i]!)
    if (!local || models.has(local.def.type)) return report(`model \`${model.decl.name}\` has no stored field \`${name}\``, at('fields', i), didYouMean(name, scalarNames(model)) ?? `Declare \`${name}\` with the type of \`${target.decl.name}.${references[i]}\`.`)
    anyOptional ||= Boolean(local.def.optional)
    if (!local.def.optional) firstRequired ??= name
    if (!remote || models.has(remote.def.type)) return report(`model \`${target.decl.name}\` has no stored field \`${references[i]}\``, at('references', i), didYouMean(references[i]!, scalarNames(target)))
    if (local.def.type !== remote.def.type || Boolean(local.def.list) !== Boolean(remote.def.list)) {
      report(`\`${model.decl.name}.${name}\` is ${local.def.type} but references \`${target.decl.name}.${remote.name}\`, which is ${remote.def.type}`, at('fields', i), `Declare \`${name}\` as ${remote.def.type}.`)
    }
    if (local.def.list) report(`the foreign key \`${name}\` cannot be a list`, at('fields', i))
    for (const key of ['db', 'format'] as const) {
      const mine = local.def[key]
      const theirs = remote.def[key]
      if (mine === undefined || mine === theirs || local.def.type !== remote.def.type) continue
      const what = key === 'db' ? 'native type' : 'format'
      report(
        `\`${model.decl.name}.${name}\` has ${what} ${mine} but references \`${target.decl.name}.${remote.name}\`, which has ${theirs ?? 'none'}`,
        at('fields', i),
        `Remove \`${key}\` from \`${name}\`: a foreign key takes the ${what} of the key it references${theirs === undefined ? '' : ` (${theirs})`}.`,
      )
    }
  })
  const allExist = fields.every((name) => fieldByName(model, name)) && references.every((name) => fieldByName(target, name))
  if (references.length && allExist && !isUniqueKey(target, references)) {
    report(`\`${references.join(', ')}\` of \`${target.decl.name}\` is not an id or unique, so it cannot be referenced`, at('references'), target.decl.def.softDelete === true || (target.decl.def.uniques ?? []).some((u) => isManagedIndex(u)) ? 'Reference the id: a unique with `where:`, an expression or `softDelete: true` covers some rows or values only.' : 'Reference the id, or declare the referenced fields unique.')
  }
  if (anyOptional !== Boolean(field.def.optional)) {
    const hint = anyOptional ? `Add \`optional: true\` to \`${field.name}\` too.` : `Make the foreign key optional too, or remove \`optional\` from \`${field.name}\`.`
    report(`relation \`${field.name}\` is ${field.def.optional ? 'optional' : 'required'} but its foreign key is ${anyOptional ? 'optional' : 'required'}`, [...field.path, 'type'], hint)
  }
  for (const action of ['onDelete', 'onUpdate'] as const) {
    if (relation[action] !== 'SetNull' || firstRequired === undefined) continue
    // Deleting the parent would set every key column to null, and a required one refuses it.
    if (!anyOptional) report(`\`${action}: SetNull\` needs an optional foreign key`, at(action), 'Make the foreign key optional, or use Cascade or Restrict.')
    else report(`\`${action}: SetNull\` would set \`${firstRequired}\` to null, but it is required`, at(action), 'Every field of a foreign key that SetNull clears must be optional; or use Cascade or Restrict.')
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
