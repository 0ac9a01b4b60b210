import { NUMERIC_SCALARS } from '../language/language.ts'

/** A parsed model check: `endTime > startTime`, `refundedAmount <= amount`, `capacity >= 1`. */
export interface CheckRule {
  readonly left: CheckOperand
  readonly op: CheckOperator
  readonly right: CheckOperand
}

export type CheckOperand = { readonly kind: 'field'; readonly field: string } | { readonly kind: 'number'; readonly value: number }
export type CheckOperator = '<' | '<=' | '>' | '>=' | '=' | '!='

const RULE = /^\s*([A-Za-z_][A-Za-z0-9_]*|-?\d+(?:\.\d+)?)\s*(<=|>=|!=|<|>|=)\s*([A-Za-z_][A-Za-z0-9_]*|-?\d+(?:\.\d+)?)\s*$/

/** The rule, or undefined when it is not `<field> <op> <field or number>`. */
export function parseCheckRule(text: string): CheckRule | undefined {
  const match = RULE.exec(text)
  if (!match) return undefined
  const operand = (token: string): CheckOperand => (/^-?\d/.test(token) ? { kind: 'number', value: Number(token) } : { kind: 'field', field: token })
  const rule = { left: operand(match[1]!), op: match[2] as CheckOperator, right: operand(match[3]!) }
  return rule.left.kind === 'field' || rule.right.kind === 'field' ? rule : undefined
}

/** Field types a check may compare: numbers with numbers, date-times with date-times. */
export const CHECK_TYPES: Readonly<Record<string, 'number' | 'time'>> = { ...Object.fromEntries(NUMERIC_SCALARS.map((scalar) => [scalar, 'number'])), DateTime: 'time' }
