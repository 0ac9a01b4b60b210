import { closestName } from '../../diagnostics/suggest.ts'
import type { RawIndex } from '../../load/model-file.ts'
import type { Decl } from '../symbols.ts'
import { fieldByName, type ExpandedModel, type RuleContext } from './context.ts'

/** Every model has exactly one id; ids, indexes and uniques name existing stored fields. */
export function checkKeys({ models, symbols, diagnostics }: RuleContext): void {
  for (const model of models.values()) {
    const { decl } = model
    const idFields = model.fields.filter((f) => f.def.id)
    const compound = decl.def.id
    const idCount = idFields.length + (compound ? 1 : 0)
    if (idCount === 0) {
      diagnostics.push(decl.source.diagnostic('PIKA501', 'noId', { model: decl.name }, decl.path, { part: 'key' }))
    } else if (idCount > 1) {
      const [, second] = compound ? [undefined, { source: decl.source, path: [...decl.path, 'id'] }] : idFields
      const firstId = idFields[0]!
      const related = firstId.source.locate([...firstId.path, 'id'], 'key')
      diagnostics.push(second!.source.diagnostic('PIKA502', 'twoIds', { model: decl.name, otherId: firstId.name }, [...second!.path, ...(compound ? [] : ['id'])], { part: 'key', related }))
    }
    const keyLists: Decl<RawIndex>[] = [
      ...(compound ? [{ name: 'id', def: compound, source: decl.source, path: [...decl.path, 'id'] }] : []),
      ...model.indexes,
      ...(decl.def.uniques ?? []).map((def, i) => ({ name: `uniques[${i}]`, def, source: decl.source, path: [...decl.path, 'uniques', i] })),
    ]
    for (const keys of keyLists) checkKeyFields(model, keys, symbols.models, diagnostics)
  }
}

function checkKeyFields(model: ExpandedModel, keys: Decl<RawIndex>, modelNames: ReadonlyMap<string, unknown>, diagnostics: RuleContext['diagnostics']): void {
  keys.def.fields.forEach((name, index) => {
    const path = [...keys.path, 'fields', index]
    const field = fieldByName(model, name)
    if (!field) {
      const stored = model.fields.filter((f) => !modelNames.has(f.def.type)).map((f) => f.name)
      const params = { model: model.decl.name, field: name, suggestion: closestName(name, stored), known: stored.join(', ') }
      diagnostics.push(keys.source.diagnostic('PIKA503', 'unknownKeyField', params, path))
    } else if (modelNames.has(field.def.type)) {
      diagnostics.push(keys.source.diagnostic('PIKA503', 'relationAsKeyField', { field: name, foreignKey: field.def.relation?.fields?.join(', ') }, path))
    }
  })
}
