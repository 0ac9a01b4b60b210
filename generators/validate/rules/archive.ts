import { closestName } from '../../diagnostics/suggest.ts'
import { fieldByName, type RuleContext } from './context.ts'

/**
 * An archive policy's `by` names a stored, single DateTime field of the model (mixin fields
 * included), and no other model refers to the model: archiving deletes rows from its table, which
 * would cascade to, or be blocked by, the rows that refer to them.
 */
export function checkArchivePolicies({ models, symbols, diagnostics }: RuleContext): void {
  for (const model of models.values()) {
    const { decl } = model
    const policy = decl.def.archive
    if (!policy) continue
    const path = [...decl.path, 'archive', 'by']
    const field = fieldByName(model, policy.by)
    const dates = model.fields.filter((f) => f.def.type === 'DateTime' && !f.def.list).map((f) => f.name)
    const hintParams = { suggestion: closestName(policy.by, dates), known: dates.length ? dates.join(', ') : undefined }
    if (!field) {
      diagnostics.push(decl.source.diagnostic('PIKA503', 'unknownArchiveField', { model: decl.name, field: policy.by, ...hintParams }, path))
    } else if (field.def.type !== 'DateTime' || field.def.list || symbols.models.has(field.def.type)) {
      diagnostics.push(decl.source.diagnostic('PIKA508', 'byNotDateTime', { model: decl.name, field: policy.by, found: field.def.list ? 'list' : field.def.type, ...hintParams }, path))
    }
    const referrers = model.fields.filter((f) => symbols.models.has(f.def.type) && !f.def.relation?.fields).map((f) => f.def.type)
    if (referrers.length) {
      const params = { model: decl.name, referrers: referrers.join(', '), refer: referrers.length === 1 ? 'refers' : 'refer' }
      diagnostics.push(decl.source.diagnostic('PIKA508', 'referencedModel', params, [...decl.path, 'archive'], { part: 'key' }))
    }
  }
}
