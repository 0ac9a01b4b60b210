import { didYouMean } from '../../diagnostics/suggest.ts'
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
      const report = (message: string, key: string, hint?: string) => diagnostics.push(decl.source.diagnostic('PIKA509', message, [...path, key], hint ? { hint } : {}))
      if (names.has(check.name)) report(`model \`${decl.name}\` has two checks named \`${check.name}\``, 'name', 'Give each check its own name.')
      names.add(check.name)
      const rule = parseCheckRule(check.rule)
      if (!rule) return report(`\`${check.rule}\` is not a check rule`, 'rule', 'Write `<field> <op> <field or number>` with op one of < <= > >= = !=, e.g. `endTime > startTime`.')
      const kinds = new Set<string>()
      for (const operand of [rule.left, rule.right]) {
        if (operand.kind === 'number') {
          kinds.add('number')
          continue
        }
        const field = fieldByName(model, operand.field)
        const stored = model.fields.filter((f) => !symbols.models.has(f.def.type)).map((f) => f.name)
        if (!field || symbols.models.has(field.def.type)) return report(`model \`${decl.name}\` has no stored field \`${operand.field}\``, 'rule', didYouMean(operand.field, stored))
        const kind = CHECK_TYPES[field.def.type]
        if (!kind || field.def.list) return report(`\`${operand.field}\` is ${field.def.list ? 'a list' : field.def.type}; checks compare single numbers or date-times`, 'rule')
        kinds.add(kind)
      }
      if (kinds.size > 1) report(`\`${check.rule}\` compares a number with a date-time`, 'rule')
    })
  }
}
