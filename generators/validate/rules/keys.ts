import { didYouMean } from '../../diagnostics/suggest.ts'
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
      const hint = 'Add e.g. `id: { type: String, id: true, default: cuid(), readOnly: true }`, or a compound `id: { fields: [...] }`.'
      diagnostics.push(decl.source.diagnostic('PIKA501', `model \`${decl.name}\` has no id`, decl.path, { part: 'key', hint }))
    } else if (idCount > 1) {
      const [, second] = compound ? [undefined, { source: decl.source, path: [...decl.path, 'id'] }] : idFields
      const related = idFields.slice(0, 1).map((f) => ({ message: `\`${f.name}\` is an id too`, location: f.source.locate([...f.path, 'id'], 'key') }))
      diagnostics.push(second!.source.diagnostic('PIKA502', `model \`${decl.name}\` has more than one id`, [...second!.path, ...(compound ? [] : ['id'])], { part: 'key', hint: 'Use one field with `id: true`, or a compound `id: { fields: [...] }` on the model.', related }))
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
      const hint = didYouMean(name, stored) ?? `Fields of \`${model.decl.name}\`: ${stored.join(', ')}.`
      diagnostics.push(keys.source.diagnostic('PIKA503', `model \`${model.decl.name}\` has no field \`${name}\``, path, { hint }))
    } else if (modelNames.has(field.def.type)) {
      const hint = field.def.relation?.fields ? `Use its foreign key: ${field.def.relation.fields.join(', ')}.` : undefined
      diagnostics.push(keys.source.diagnostic('PIKA503', `\`${name}\` is a relation, not a stored field`, path, hint ? { hint } : {}))
    }
  })
}
