import { didYouMean } from '../../diagnostics/suggest.ts'
import { checkFieldValue } from '../check-value.ts'
import type { RuleContext } from './context.ts'

/**
 * Hand-written seed rows must satisfy their model like any API input: known stored fields only,
 * every required field without a default present, every value within the field's rules.
 */
export function checkSeedRows({ models, symbols, diagnostics }: RuleContext): void {
  for (const model of models.values()) {
    const rows = model.decl.def.seed?.rows ?? []
    const stored = model.fields.filter((f) => !models.has(f.def.type))
    rows.forEach((row, index) => {
      const rowPath = [...model.decl.path, 'seed', 'rows', index]
      for (const [key, value] of Object.entries(row)) {
        const field = stored.find((f) => f.name === key)
        if (!field) {
          const relation = model.fields.find((f) => f.name === key)
          const hint = relation?.def.relation?.fields ? `Give the foreign key instead: ${relation.def.relation.fields.join(', ')}.` : didYouMean(key, stored.map((f) => f.name))
          diagnostics.push(model.decl.source.diagnostic('PIKA601', `seed row ${index + 1} of \`${model.decl.name}\` sets \`${key}\`, which is not a stored field`, [...rowPath, key], { part: 'key', ...(hint ? { hint } : {}) }))
          continue
        }
        const problem = checkFieldValue(field.def, value, symbols)
        if (problem) diagnostics.push(model.decl.source.diagnostic('PIKA601', `seed row ${index + 1} of \`${model.decl.name}\`: \`${[key, ...problem.path].join('.')}\` ${problem.message}`, [...rowPath, key, ...problem.path]))
      }
      const missing = stored.filter((f) => !f.def.optional && f.def.default === undefined && !f.def.updatedAt && !f.def.list && !(f.name in row))
      for (const field of missing) {
        diagnostics.push(model.decl.source.diagnostic('PIKA601', `seed row ${index + 1} of \`${model.decl.name}\` lacks the required field \`${field.name}\``, rowPath, { hint: `Add \`${field.name}\`.` }))
      }
    })
  }
}
