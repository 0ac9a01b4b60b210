// The parts of an index the Prisma schema cannot hold: expression keys (`lower(email)`) and a
// `where:` condition (a partial index). Parsed here once for the validator, the IR builder, seed
// checks and fixtures, so every reader agrees on what a key and a condition mean.

/** One key of an index: a field, or a function of one String field. */
export type IndexKey = { readonly kind: 'field'; readonly field: string } | { readonly kind: 'expression'; readonly function: IndexFunction; readonly field: string }

/**
 * Functions an expression index may apply. Only immutable ones PostgreSQL accepts in an index, and
 * only ones whose JavaScript twin gives the same answer for the seed checks: lower/upper are
 * case mappings both sides agree on for the text the platform stores.
 */
export const INDEX_FUNCTIONS = { lower: (s: string) => s.toLowerCase(), upper: (s: string) => s.toUpperCase() } as const
export type IndexFunction = keyof typeof INDEX_FUNCTIONS

const EXPRESSION_KEY = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*\(\s*([A-Za-z_][A-Za-z0-9_]*)\s*\)\s*$/

/** A key as written in `fields:`; `function` is set (unchecked) when it looks like a call. */
export function parseIndexKey(text: string): IndexKey | { readonly kind: 'unknown-function'; readonly function: string; readonly field: string } {
  const call = EXPRESSION_KEY.exec(text)
  if (!call) return { kind: 'field', field: text }
  const [, name, field] = call as unknown as [string, string, string]
  return name in INDEX_FUNCTIONS ? { kind: 'expression', function: name as IndexFunction, field } : { kind: 'unknown-function', function: name, field }
}

/** A literal in a condition: a number, true/false, a 'quoted string' or an enum value name. */
export type WhereLiteral = { readonly kind: 'number'; readonly value: number } | { readonly kind: 'boolean'; readonly value: boolean } | { readonly kind: 'string'; readonly value: string } | { readonly kind: 'name'; readonly value: string }

/** One comparison of a `where:`; the conditions of a `where:` all hold (AND). */
export type WhereCondition =
  | { readonly kind: 'null'; readonly field: string; readonly negated: boolean; readonly at: number }
  | { readonly kind: 'compare'; readonly field: string; readonly op: WhereOperator; readonly value: WhereLiteral; readonly at: number; readonly valueAt: number }

export type WhereOperator = '=' | '!=' | '<' | '<=' | '>' | '>='

/** A parse failure, with the offset in the text where it starts. */
export interface WhereSyntaxError {
  readonly error: string
  readonly at: number
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/
const LITERAL = /^(?:-?\d+(?:\.\d+)?|'(?:[^']|'')*'|[A-Za-z_][A-Za-z0-9_]*)/

/**
 * `deletedAt IS NULL AND status = ACTIVE`: conditions `<field> IS [NOT] NULL` or
 * `<field> <op> <literal>`, joined by AND (any case). No OR, no parentheses, no functions: a
 * partial index is for "the live rows" or "the active ones", and this much is what the seed
 * checks can evaluate exactly as PostgreSQL does.
 */
export function parseWhere(text: string): WhereCondition[] | WhereSyntaxError {
  const conditions: WhereCondition[] = []
  let at = 0
  const skipSpace = () => {
    while (at < text.length && /\s/.test(text[at]!)) at++
  }
  const word = (w: string) => {
    skipSpace()
    const match = new RegExp(`^${w}\\b`, 'i').exec(text.slice(at))
    if (match) at += match[0].length
    return Boolean(match)
  }
  for (;;) {
    skipSpace()
    const fieldAt = at
    const field = NAME.exec(text.slice(at))?.[0]
    if (!field) return { error: 'expected a field name', at }
    at += field.length
    if (word('IS')) {
      const negated = word('NOT')
      if (!word('NULL')) return { error: 'expected NULL after IS', at }
      conditions.push({ kind: 'null', field, negated, at: fieldAt })
    } else {
      skipSpace()
      const op = /^(<=|>=|!=|<>|<|>|=)/.exec(text.slice(at))?.[0]
      if (!op) return { error: 'expected IS NULL, IS NOT NULL or one of = != < <= > >=', at }
      at += op.length
      skipSpace()
      const valueAt = at
      const token = LITERAL.exec(text.slice(at))?.[0]
      if (!token) return { error: 'expected a number, true, false, an enum value or a quoted string', at }
      at += token.length
      conditions.push({ kind: 'compare', field, op: op === '<>' ? '!=' : (op as WhereOperator), value: literal(token), at: fieldAt, valueAt })
    }
    skipSpace()
    if (at === text.length) return conditions
    if (!word('AND')) return { error: 'expected AND between conditions (OR and parentheses are not supported)', at }
  }
}

function literal(token: string): WhereLiteral {
  if (/^-?\d/.test(token)) return { kind: 'number', value: Number(token) }
  if (token.startsWith("'")) return { kind: 'string', value: token.slice(1, -1).replaceAll("''", "'") }
  if (/^(true|false)$/i.test(token)) return { kind: 'boolean', value: token.toLowerCase() === 'true' }
  return { kind: 'name', value: token }
}

/** The text a condition's literal stands for, in JavaScript: enum values are their names. */
const literalValue = (value: WhereLiteral): unknown => value.value

/**
 * Whether a row (field values by name) is in a partial index, as PostgreSQL decides it: a
 * comparison with NULL is unknown, so the row is left out. Dates and decimals are compared as
 * numbers when they are given as numbers; a condition on them names NULL or a number only.
 */
export function rowMatchesWhere(conditions: readonly WhereCondition[], row: Readonly<Record<string, unknown>>): boolean {
  return conditions.every((c) => {
    const value = row[c.field]
    if (c.kind === 'null') return (value === undefined || value === null) !== c.negated
    if (value === undefined || value === null) return false
    const wanted = literalValue(c.value)
    const actual = typeof wanted === 'number' ? Number(value) : value
    switch (c.op) {
      case '=': return actual === wanted
      case '!=': return actual !== wanted
      case '<': return (actual as number) < (wanted as number)
      case '<=': return (actual as number) <= (wanted as number)
      case '>': return (actual as number) > (wanted as number)
      case '>=': return (actual as number) >= (wanted as number)
    }
  })
}

/** The value a row gives one key of an index (a function applied to its field, for an expression key). */
export function indexKeyValue(key: IndexKey, row: Readonly<Record<string, unknown>>): unknown {
  const value = row[key.field]
  return key.kind === 'expression' && typeof value === 'string' ? INDEX_FUNCTIONS[key.function](value) : value
}

/** True when the index needs managed SQL: it has a condition or an expression key. */
export const isManagedIndex = (index: { readonly fields: readonly string[]; readonly where?: string }): boolean =>
  index.where !== undefined || index.fields.some((f) => parseIndexKey(f).kind !== 'field')
