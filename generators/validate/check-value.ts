import type { RawField } from '../load/model-file.ts'
import type { DataPath } from '../load/source-file.ts'
import { INT32 } from './native-types.ts'
import { PATTERN_BUDGET_MS } from './pattern-budget.ts'
import { isScalarType, type SymbolTable } from './symbols.ts'

/** Why a value does not fit a field, and where inside the value (for values with a shape). */
export interface ValueProblem {
  readonly path: DataPath
  readonly message: string
  /** Set when the problem is the field's pattern rather than the value (PIKA407). */
  readonly code?: 'PIKA407'
  readonly hint?: string
}

/**
 * The string formats of the language. Deliberately simple and shared with the zod and OpenAPI emitters'
 * documentation: what these accept is what the generated validators accept.
 */
export const formatPatterns: Readonly<Record<string, RegExp>> = {
  email: /^[^\s@]+@[^\s@]+\.[^\s@]+$/,
  url: /^https?:\/\/[^\s/$.?#].[^\s]*$/,
  uuid: /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/,
  cuid: /^c[a-z0-9]{24}$/,
  e164: /^\+[1-9]\d{1,14}$/,
  date: /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/,
  'date-time': /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/,
}

const describe = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value === 'string' ? `"${value}"` : typeof value === 'object' ? 'a mapping' : String(value))

/** Checks a literal (a default, an example, a seed value) against a field's type and constraints. */
export function checkFieldValue(field: RawField, value: unknown, symbols: SymbolTable, path: DataPath = []): ValueProblem | undefined {
  if (value === null || value === undefined) {
    return field.optional ? undefined : { path, message: 'is required' }
  }
  if (field.list) {
    if (!Array.isArray(value)) return { path, message: `must be a list, not ${describe(value)}` }
    if (field.minItems !== undefined && value.length < field.minItems) return { path, message: `must have at least ${field.minItems} item(s), not ${value.length}` }
    if (field.maxItems !== undefined && value.length > field.maxItems) return { path, message: `must have at most ${field.maxItems} item(s), not ${value.length}` }
    for (const [i, item] of value.entries()) {
      const problem = checkSingleValue(field, item, symbols, [...path, i])
      if (problem) return problem
    }
    return undefined
  }
  return checkSingleValue(field, value, symbols, path)
}

function checkSingleValue(field: RawField, value: unknown, symbols: SymbolTable, path: DataPath): ValueProblem | undefined {
  const fail = (message: string): ValueProblem => ({ path, message })
  const enumDecl = symbols.enums.get(field.type)
  if (enumDecl) {
    const values = enumDecl.def.values.map((v) => (typeof v === 'string' ? v : v.name))
    return typeof value === 'string' && values.includes(value) ? undefined : fail(`must be one of ${values.join(', ')}, not ${describe(value)}`)
  }
  if (!isScalarType(field.type)) return fail(`cannot be given for a relation to \`${field.type}\``)
  switch (field.type) {
    case 'String':
      return typeof value === 'string' ? checkString(field, value, symbols, fail) : fail(`must be a string, not ${describe(value)}`)
    case 'Int':
    case 'BigInt': {
      const ok = typeof value === 'number' ? Number.isSafeInteger(value) : typeof value === 'string' && field.type === 'BigInt' && /^-?\d+$/.test(value)
      if (!ok) return fail(`must be an integer, not ${describe(value)}`)
      if (field.type === 'Int' && ((value as number) < INT32.min || (value as number) > INT32.max)) return fail('must fit in 32 bits (use BigInt for larger numbers)')
      return checkBounds(field, Number(value), fail)
    }
    case 'Float':
    case 'Decimal': {
      const ok = typeof value === 'number' ? Number.isFinite(value) : typeof value === 'string' && field.type === 'Decimal' && /^-?\d+(\.\d+)?$/.test(value)
      if (!ok) return fail(`must be a number, not ${describe(value)}`)
      // Decimals travel as JSON numbers (see api-schema.ts): a string is read as one, exactly.
      if (typeof value === 'string' && significantDigits(value) > 15) return fail(`has ${significantDigits(value)} significant digits; a JSON number keeps 15 exactly`)
      return checkBounds(field, Number(value), fail)
    }
    case 'Boolean':
      return typeof value === 'boolean' ? undefined : fail(`must be true or false, not ${describe(value)}`)
    case 'DateTime':
      return typeof value === 'string' && formatPatterns['date-time']!.test(value) && !Number.isNaN(Date.parse(value))
        ? undefined
        : fail(`must be an ISO 8601 date-time such as 2026-01-31T09:00:00Z, not ${describe(value)}`)
    case 'Bytes':
      return typeof value === 'string' && /^[A-Za-z0-9+/]*={0,2}$/.test(value) ? undefined : fail('must be a base64 string')
    case 'Json':
      return field.shape ? checkShape(field.shape, value, symbols, path) : undefined
  }
}

function checkShape(shapeName: string, value: unknown, symbols: SymbolTable, path: DataPath): ValueProblem | undefined {
  const shape = symbols.shapes.get(shapeName)
  if (!shape) return undefined
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { path, message: `must be a mapping (${shapeName}), not ${describe(value)}` }
  const record = value as Record<string, unknown>
  const unknownKey = Object.keys(record).find((key) => !Object.hasOwn(shape.def.fields, key))
  if (unknownKey) return { path: [...path, unknownKey], message: `is not a field of ${shapeName}` }
  for (const [name, field] of Object.entries(shape.def.fields)) {
    const problem = checkFieldValue(field, record[name], symbols, [...path, name])
    if (problem) return problem
  }
  return undefined
}

function checkString(field: RawField, value: string, symbols: SymbolTable, fail: (message: string) => ValueProblem): ValueProblem | undefined {
  if (field.length !== undefined && value.length !== field.length) return fail(`must be exactly ${field.length} characters long`)
  if (field.minLength !== undefined && value.length < field.minLength) return fail(`must be at least ${field.minLength} characters long`)
  if (field.maxLength !== undefined && value.length > field.maxLength) return fail(`must be at most ${field.maxLength} characters long`)
  if (field.format && !formatPatterns[field.format]!.test(value)) return fail(`must be a valid ${field.format}, not "${value}"`)
  if (field.pattern === undefined) return undefined
  const verdict = symbols.patterns.test(field.pattern, value)
  if (verdict === 'too slow') {
    const message = `cannot be checked: the pattern ${field.pattern} took more than ${PATTERN_BUDGET_MS} ms on it`
    return { ...fail(message), code: 'PIKA407', hint: 'The pattern backtracks catastrophically (a repeated group that itself repeats, like `(a+)+`); rewrite it so each character can match one way only.' }
  }
  return verdict ? undefined : fail(`must match the pattern ${field.pattern}`)
}

const significantDigits = (decimal: string) => decimal.replace(/^-?0*/, '').replace('.', '').replace(/^0+/, '').length

function checkBounds(field: RawField, value: number, fail: (message: string) => ValueProblem): ValueProblem | undefined {
  if (field.min !== undefined && value < field.min) return fail(`must be at least ${field.min}`)
  if (field.max !== undefined && value > field.max) return fail(`must be at most ${field.max}`)
  return undefined
}
