import { valueProblemText, type ValueProblemId, type ValueProblemParams } from '../diagnostics/diagnostic.ts'
import type { RawField } from '../load/model-file.ts'
import type { DataPath } from '../load/source-file.ts'
import { FORMAT_PATTERNS, isScalarType } from '../language/language.ts'
import { INT32 } from '../language/native-types.ts'
import { PATTERN_BUDGET_MS } from './pattern-budget.ts'
import type { SymbolTable } from './symbols.ts'

/** Why a value does not fit a field, and where inside the value (for values with a shape). */
export interface ValueProblem {
  readonly path: DataPath
  /** The problem in words (catalogued in codes.ts), e.g. "must be at most 5". */
  readonly text: string
  /** Set when the problem is the field's pattern rather than the value (PIKA407). */
  readonly patternTooSlow?: true
}

const problem = <I extends ValueProblemId>(path: DataPath, id: I, params: ValueProblemParams<I>): ValueProblem => ({ path, text: valueProblemText(id, params) })

const describe = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value === 'string' ? `"${value}"` : typeof value === 'object' ? 'a mapping' : String(value))

/** Checks a literal (a default, an example, a seed value) against a field's type and constraints. */
export function checkFieldValue(field: RawField, value: unknown, symbols: SymbolTable, path: DataPath = []): ValueProblem | undefined {
  if (value === null || value === undefined) {
    return field.optional ? undefined : problem(path, 'required', {})
  }
  if (field.list) {
    if (!Array.isArray(value)) return problem(path, 'notAList', { value: describe(value) })
    if (field.minItems !== undefined && value.length < field.minItems) return problem(path, 'tooFewItems', { limit: field.minItems, count: value.length })
    if (field.maxItems !== undefined && value.length > field.maxItems) return problem(path, 'tooManyItems', { limit: field.maxItems, count: value.length })
    for (const [i, item] of value.entries()) {
      const problem = checkSingleValue(field, item, symbols, [...path, i])
      if (problem) return problem
    }
    return undefined
  }
  return checkSingleValue(field, value, symbols, path)
}

function checkSingleValue(field: RawField, value: unknown, symbols: SymbolTable, path: DataPath): ValueProblem | undefined {
  const fail = <I extends ValueProblemId>(id: I, params: ValueProblemParams<I>): ValueProblem => problem(path, id, params)
  const enumDecl = symbols.enums.get(field.type)
  if (enumDecl) {
    const values = enumDecl.def.values.map((v) => (typeof v === 'string' ? v : v.name))
    return typeof value === 'string' && values.includes(value) ? undefined : fail('notAnEnumValue', { values: values.join(', '), value: describe(value) })
  }
  if (!isScalarType(field.type)) return fail('relationValue', { type: field.type })
  switch (field.type) {
    case 'String':
      return typeof value === 'string' ? checkString(field, value, symbols, path) : fail('notAString', { value: describe(value) })
    case 'Int':
    case 'BigInt': {
      const ok = typeof value === 'number' ? Number.isSafeInteger(value) : typeof value === 'string' && field.type === 'BigInt' && /^-?\d+$/.test(value)
      if (!ok) return fail('notAnInteger', { value: describe(value) })
      if (field.type === 'Int' && ((value as number) < INT32.min || (value as number) > INT32.max)) return fail('beyondInt32', {})
      return checkBounds(field, Number(value), path)
    }
    case 'Float':
    case 'Decimal': {
      const ok = typeof value === 'number' ? Number.isFinite(value) : typeof value === 'string' && field.type === 'Decimal' && /^-?\d+(\.\d+)?$/.test(value)
      if (!ok) return fail('notANumber', { value: describe(value) })
      // Decimals travel as JSON numbers (see api-schema.ts): a string is read as one, exactly.
      if (typeof value === 'string' && significantDigits(value) > 15) return fail('tooPreciseForJson', { digits: significantDigits(value) })
      return checkBounds(field, Number(value), path)
    }
    case 'Boolean':
      return typeof value === 'boolean' ? undefined : fail('notABoolean', { value: describe(value) })
    case 'DateTime':
      return typeof value === 'string' && FORMAT_PATTERNS['date-time'].test(value) && !Number.isNaN(Date.parse(value)) ? undefined : fail('notADateTime', { value: describe(value) })
    case 'Bytes':
      return typeof value === 'string' && /^[A-Za-z0-9+/]*={0,2}$/.test(value) ? undefined : fail('notBase64', {})
    case 'Json':
      return field.shape ? checkShape(field.shape, value, symbols, path) : undefined
  }
}

function checkShape(shapeName: string, value: unknown, symbols: SymbolTable, path: DataPath): ValueProblem | undefined {
  const shape = symbols.shapes.get(shapeName)
  if (!shape) return undefined
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return problem(path, 'notAShapeMapping', { shape: shapeName, value: describe(value) })
  const record = value as Record<string, unknown>
  const unknownKey = Object.keys(record).find((key) => !Object.hasOwn(shape.def.fields, key))
  if (unknownKey) return problem([...path, unknownKey], 'notAShapeField', { shape: shapeName })
  for (const [name, field] of Object.entries(shape.def.fields)) {
    const found = checkFieldValue(field, record[name], symbols, [...path, name])
    if (found) return found
  }
  return undefined
}

function checkString(field: RawField, value: string, symbols: SymbolTable, path: DataPath): ValueProblem | undefined {
  if (field.length !== undefined && value.length !== field.length) return problem(path, 'wrongLength', { length: field.length })
  if (field.minLength !== undefined && value.length < field.minLength) return problem(path, 'tooShort', { limit: field.minLength })
  if (field.maxLength !== undefined && value.length > field.maxLength) return problem(path, 'tooLong', { limit: field.maxLength })
  if (field.format && !FORMAT_PATTERNS[field.format].test(value)) return problem(path, 'notInFormat', { format: field.format, value })
  if (field.pattern === undefined) return undefined
  const verdict = symbols.patterns.test(field.pattern, value)
  if (verdict === 'too slow') return { ...problem(path, 'patternTooSlow', { pattern: field.pattern, budgetMs: PATTERN_BUDGET_MS }), patternTooSlow: true }
  return verdict ? undefined : problem(path, 'noPatternMatch', { pattern: field.pattern })
}

const significantDigits = (decimal: string) => decimal.replace(/^-?0*/, '').replace('.', '').replace(/^0+/, '').length

function checkBounds(field: RawField, value: number, path: DataPath): ValueProblem | undefined {
  if (field.min !== undefined && value < field.min) return problem(path, 'belowMin', { limit: field.min })
  if (field.max !== undefined && value > field.max) return problem(path, 'aboveMax', { limit: field.max })
  return undefined
}
