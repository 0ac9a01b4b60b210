import type { IrModel, IrStoredField } from '../../ir/types.ts'
import { FORMAT_PATTERNS } from '../../language/language.ts'
import { toPostgresPattern, type PostgresPattern } from '../../language/pg-regex.ts'
import { sqlIdentifier, sqlLiteral } from './sql-text.ts'

/** A field rule the database enforces: `expression` is the body of a CHECK on the model's table. */
export interface FieldCheck {
  readonly field: string
  /** The rule's key in the model language: `min`, `maxLength`, `pattern`, `minItems`, … */
  readonly rule: string
  readonly expression: string
  /** For rules that rows written before them may break: the statement that repairs those rows. */
  readonly backfill?: string
}

/** A field rule only the API enforces, and why the database cannot. */
export interface ApiOnlyRule {
  readonly model: string
  readonly field: string
  readonly rule: string
  readonly reason: string
}

const TEXT_NATIVE_TYPES = new Set(['Text', 'VarChar', 'Char'])

/**
 * Lengths in the model language count UTF-16 code units (JavaScript's `length`); PostgreSQL's
 * char_length counts code points. The two differ by one for each character above U+FFFF, so the
 * exact count adds those; ASCII-only text (as many bytes as characters) skips the regex.
 */
const utf16Length = (column: string): string =>
  `(CASE WHEN octet_length(${column}) = char_length(${column}) THEN char_length(${column}) ` +
  `ELSE char_length(${column}) + char_length(regexp_replace(${column}, '[^\\U00010000-\\U0010ffff]', '', 'g')) END)`

/**
 * `text ~ regex`, after the cheap length test where the pattern's counted repetition became one;
 * where the pattern has a LIKE form (the same strings, fewer regex steps), that instead.
 */
export function patternCondition(text: string, pattern: PostgresPattern): string {
  const like = pattern.like
  if (like) {
    return [
      `${text} LIKE ${sqlLiteral(like.like)}`,
      ...like.notLike.map((pattern) => `${text} NOT LIKE ${sqlLiteral(pattern)}`),
      ...(like.absent ? [`${text} !~ ${sqlLiteral(like.absent)}`] : []),
    ].join(' AND ')
  }
  const matches = `${text} ~ ${sqlLiteral(pattern.regex)}`
  const length = pattern.length
  if (!length) return matches
  const range = length.max === length.min ? `= ${length.min}` : length.max === undefined ? `>= ${length.min}` : `BETWEEN ${length.min} AND ${length.max}`
  return `char_length(${text}) ${range} AND ${matches}`
}

/** Every rule of one stored field, each as a CHECK or as an API-only rule with its reason. */
export function fieldChecks(model: IrModel, field: IrStoredField): { checks: FieldCheck[]; apiOnly: ApiOnlyRule[] } {
  const checks: FieldCheck[] = []
  const apiOnly: ApiOnlyRule[] = []
  const c = field.constraints
  const column = sqlIdentifier(field.column)
  const check = (rule: string, expression: string) => checks.push({ field: field.name, rule, expression })
  const skip = (rule: string, reason: string) => apiOnly.push({ model: model.name, field: field.name, rule, reason })
  // Prisma creates every list column nullable; a required list is an array in every API schema.
  // Rows from before the rule get the list's default, the empty list.
  if (field.list && !field.optional) {
    checks.push({ field: field.name, rule: 'notNull', expression: `${column} IS NOT NULL`, backfill: `UPDATE ${sqlIdentifier(model.table)} SET ${column} = '{}' WHERE ${column} IS NULL;` })
  }
  if (field.type.kind !== 'scalar') return { checks, apiOnly }

  if (field.list) {
    if (c.minItems !== undefined) check('minItems', `cardinality(${column}) >= ${c.minItems}`)
    if (c.maxItems !== undefined) check('maxItems', `cardinality(${column}) <= ${c.maxItems}`)
    // `x <= ALL(array)` needs no subquery, which a CHECK cannot hold; string rules would.
    if (c.min !== undefined) check('min', `${c.min} <= ALL (${column})`)
    if (c.max !== undefined) check('max', `${c.max} >= ALL (${column})`)
    for (const rule of ['minLength', 'maxLength', 'length', 'pattern', 'format'] as const) {
      if (c[rule] !== undefined) skip(rule, 'applies to each item of a list: a CHECK cannot loop over an array without a function')
    }
    return { checks, apiOnly }
  }
  if (c.min !== undefined) check('min', `${column} >= ${c.min}`)
  if (c.max !== undefined) check('max', `${column} <= ${c.max}`)
  if (field.type.scalar !== 'String') return { checks, apiOnly }

  const native = field.nativeType?.name
  // Uuid, Inet and Citext columns compare as text so that `~` is the same, case-sensitive operator.
  const text = native === undefined || TEXT_NATIVE_TYPES.has(native) ? column : `${column}::text`
  if (native === 'Char') {
    for (const rule of ['minLength', 'length'] as const) {
      if (c[rule] !== undefined) skip(rule, 'a Char(n) column pads shorter values with spaces, so the stored length is always n')
    }
  } else {
    if (c.length !== undefined) check('length', `${utf16Length(text)} = ${c.length}`)
    // Code points never outnumber UTF-16 code units: char_length alone accepts most text, exactly.
    if (c.minLength !== undefined) check('minLength', `char_length(${text}) >= ${c.minLength} OR ${utf16Length(text)} >= ${c.minLength}`)
  }
  // UTF-8 never takes fewer bytes than UTF-16 code units: short text passes on octet_length alone.
  if (c.maxLength !== undefined) check('maxLength', `octet_length(${text}) <= ${c.maxLength} OR ${utf16Length(text)} <= ${c.maxLength}`)
  for (const rule of ['format', 'pattern'] as const) {
    const source = rule === 'format' ? (c.format ? FORMAT_PATTERNS[c.format].source : undefined) : c.pattern
    if (source === undefined) continue
    const translated = toPostgresPattern(source)
    if (translated === undefined) skip(rule, `the pattern ${source} has no provably equal PostgreSQL regular expression`)
    else check(rule, patternCondition(text, translated))
  }
  return { checks, apiOnly }
}
