import { didYouMean } from '../../diagnostics/suggest.ts'
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
    const hint = (didYouMean(policy.by, dates) ?? (dates.length ? `DateTime fields of \`${decl.name}\`: ${dates.join(', ')}.` : `Add a DateTime field such as createdAt (mixin CreatedAt).`))
    if (!field) {
      diagnostics.push(decl.source.diagnostic('PIKA503', `model \`${decl.name}\` has no field \`${policy.by}\``, path, { hint }))
    } else if (field.def.type !== 'DateTime' || field.def.list || symbols.models.has(field.def.type)) {
      diagnostics.push(decl.source.diagnostic('PIKA508', `archive policy of \`${decl.name}\`: \`${policy.by}\` is a ${field.def.list ? 'list' : field.def.type}, not a DateTime field`, path, { hint }))
    }
    const referrers = model.fields.filter((f) => symbols.models.has(f.def.type) && !f.def.relation?.fields).map((f) => f.def.type)
    if (referrers.length) {
      const message = `archive policy of \`${decl.name}\`: ${referrers.join(', ')} refer${referrers.length === 1 ? 's' : ''} to it, so moving its rows away would break those references`
      diagnostics.push(decl.source.diagnostic('PIKA508', message, [...decl.path, 'archive'], { part: 'key', hint: 'Archive only models nothing refers to (logs, events), or archive the referring rows with them.' }))
    }
  }
}
