import { closestName } from '../../diagnostics/suggest.ts'
import type { MessageId, MessageParams } from '../../diagnostics/diagnostic.ts'
import { CHECK_TYPES, parseCheckRule } from '../check-rule.ts'
import { fieldByName, type RuleContext } from './context.ts'

/**
 * Model checks compare stored, single fields of comparable types: numbers with numbers (or a number
 * literal), date-times with date-times. Strings are left out on purpose: JavaScript compares them
 * by code unit and PostgreSQL by collation, so the API and the database could disagree.
 */
export function checkModelChecks({ models, symbols, diagnostics }: RuleContext): void {
  for (const model of models.values()) {
    const { decl } = model
    const names = new Set<string>()
    ;(decl.def.checks ?? []).forEach((check, i) => {
      const path = [...decl.path, 'checks', i]
      const report = <M extends MessageId<'PIKA509'>>(id: M, params: MessageParams<'PIKA509', M>, key: string) => diagnostics.push(decl.source.diagnostic('PIKA509', id, params, [...path, key]))
      if (names.has(check.name)) report('nameTwice', { model: decl.name, name: check.name }, 'name')
      names.add(check.name)
      const rule = parseCheckRule(check.rule)
      if (!rule) return report('notARule', { rule: check.rule }, 'rule')
      const kinds = new Set<string>()
      for (const operand of [rule.left, rule.right]) {
        if (operand.kind === 'number') {
          kinds.add('number')
          continue
        }
        const field = fieldByName(model, operand.field)
        const stored = model.fields.filter((f) => !symbols.models.has(f.def.type)).map((f) => f.name)
        if (!field || symbols.models.has(field.def.type)) return report('unknownField', { model: decl.name, field: operand.field, suggestion: closestName(operand.field, stored) }, 'rule')
        const kind = CHECK_TYPES[field.def.type]
        if (!kind || field.def.list) return report('notComparable', { field: operand.field, found: field.def.list ? 'a list' : field.def.type }, 'rule')
        kinds.add(kind)
      }
      if (kinds.size > 1) report('numberWithDateTime', { rule: check.rule }, 'rule')
    })
  }
}
