import type { DiagnosticCode } from '../../diagnostics/codes.ts'
import type { Diagnostic, MessageId, MessageParams } from '../../diagnostics/diagnostic.ts'
import { closestName } from '../../diagnostics/suggest.ts'
import type { RawField } from '../../load/model-file.ts'
import type { DataPath } from '../../load/source-file.ts'
import { checkFieldValue } from '../check-value.ts'
import { safeRegExp } from '../pattern-budget.ts'
import { sampleString } from '../../language/pattern-sample.ts'
import { DEFAULT_FUNCTIONS, defaultFunctionOf, isScalarType, NUMERIC_SCALARS } from '../../language/language.ts'
import { INT32, numericRange, parseNativeType } from '../../language/native-types.ts'
import { checkNativeType } from '../native-types.ts'
import { toPostgresRegex } from '../../language/pg-regex.ts'
import { knownTypeNames, ownFields, type FieldDecl, type SymbolTable } from '../symbols.ts'
import type { RuleContext } from './context.ts'

type Owner = 'model' | 'mixin' | 'type'

const STRING_KEYS = ['minLength', 'maxLength', 'length', 'pattern', 'format'] as const
const NUMBER_KEYS = ['min', 'max'] as const
const NUMERIC_TYPES: ReadonlySet<string> = new Set(NUMERIC_SCALARS)
/** Keys that describe a stored scalar and mean nothing on a relation field. */
const SCALAR_ONLY_KEYS = ['id', 'unique', 'default', 'updatedAt', 'map', 'db', 'shape', 'example', 'minItems', 'maxItems', ...STRING_KEYS, ...NUMBER_KEYS] as const

/** Types, shapes, constraints, defaults and attributes of every field written in a model, mixin or type. */
export function checkFields({ symbols, diagnostics }: RuleContext): void {
  const owners: [Owner, ReadonlyMap<string, { name: string }>][] = [
    ['model', symbols.models],
    ['mixin', symbols.mixins],
    ['type', symbols.shapes],
  ]
  for (const [owner, table] of owners) {
    for (const decl of table.values()) {
      for (const field of ownFields(decl as never)) checkField(field, owner, symbols, diagnostics)
    }
  }
}

function checkField(field: FieldDecl, owner: Owner, symbols: SymbolTable, diagnostics: Diagnostic[]): void {
  const { def, source } = field
  const at = (key: string) => [...field.path, key]
  const report: Report = (code, id, params, path) => void diagnostics.push(source.diagnostic(code, id, params, path))

  // Declared in a file that already has errors: nothing about this field can be judged yet.
  if (symbols.brokenNames.has(def.type)) return
  // A model named like a scalar is refused (PIKA203); `type: String` still means the scalar.
  if (symbols.models.has(def.type) && !isScalarType(def.type)) {
    if (owner !== 'model') return report('PIKA307', 'relationOutsideModel', { owner, model: def.type }, at('type'))
    for (const key of SCALAR_ONLY_KEYS) {
      if (def[key] !== undefined) report('PIKA405', 'scalarKeyOnRelation', { key, field: field.name }, at(key))
    }
    return
  }
  if (def.relation) report('PIKA507', 'relationOnScalar', { field: field.name, type: def.type }, at('relation'))
  if (!isScalarType(def.type) && !symbols.enums.has(def.type)) {
    if (symbols.shapes.has(def.type)) return report('PIKA301', 'shapeAsType', { type: def.type }, at('type'))
    return report('PIKA301', 'unknownType', { type: def.type, suggestion: closestName(def.type, knownTypeNames(symbols)) }, at('type'))
  }

  checkShapeKey(field, symbols, report)
  checkConstraints(field, report)
  checkPatternFitsLength(field, symbols, report)
  if (owner !== 'type') checkDatabaseRules(field, diagnostics)
  checkAttributes(field, owner, report)
  if (def.default !== undefined) checkDefault(field, symbols, report)
  if (def.example !== undefined) {
    const problem = checkFieldValue(def, def.example, symbols)
    const params = { field: field.name, problem: problem?.text ?? '' }
    if (problem?.patternTooSlow) report('PIKA407', 'example', params, [...at('example'), ...problem.path])
    else if (problem) report('PIKA406', 'exampleDoesNotFit', params, [...at('example'), ...problem.path])
  }
}

type Report = <C extends DiagnosticCode, M extends MessageId<C>>(code: C, id: M, params: MessageParams<C, M>, path: DataPath) => void

function checkShapeKey({ def, path }: FieldDecl, symbols: SymbolTable, report: Report): void {
  if (def.shape === undefined) return
  if (def.type !== 'Json') return report('PIKA303', 'shapeOnNonJson', { type: def.type, shape: def.shape }, [...path, 'shape'])
  if (!symbols.shapes.has(def.shape) && !symbols.brokenNames.has(def.shape)) {
    report('PIKA302', 'unknownShape', { shape: def.shape, suggestion: closestName(def.shape, symbols.shapes.keys()) }, [...path, 'shape'])
  }
}

function checkConstraints({ def, path, name }: FieldDecl, report: Report): void {
  const isString = def.type === 'String'
  const isNumber = NUMERIC_TYPES.has(def.type)
  for (const key of STRING_KEYS) {
    if (def[key] !== undefined && !isString) report('PIKA401', isNumber ? 'stringKeyOnNumber' : 'stringKeyOnOther', { key, type: def.type }, [...path, key])
  }
  for (const key of NUMBER_KEYS) {
    if (def[key] !== undefined && !isNumber) report('PIKA401', isString ? 'numberKeyOnString' : 'numberKeyOnOther', { key, type: def.type }, [...path, key])
  }
  if (def.min !== undefined && def.max !== undefined && def.min > def.max) report('PIKA402', 'lowerAboveUpper', { lowerKey: 'min', lower: def.min, upperKey: 'max', upper: def.max }, [...path, 'min'])
  if (def.minLength !== undefined && def.maxLength !== undefined && def.minLength > def.maxLength) {
    report('PIKA402', 'lowerAboveUpper', { lowerKey: 'minLength', lower: def.minLength, upperKey: 'maxLength', upper: def.maxLength }, [...path, 'minLength'])
  }
  if (def.length !== undefined && (def.minLength !== undefined || def.maxLength !== undefined)) report('PIKA402', 'lengthWithMinOrMax', {}, [...path, 'length'])
  for (const key of ['minItems', 'maxItems'] as const) {
    if (def[key] !== undefined && !def.list) report('PIKA401', 'listKeyOnSingle', { key }, [...path, key])
  }
  if (def.minItems !== undefined && def.maxItems !== undefined && def.minItems > def.maxItems) {
    report('PIKA402', 'lowerAboveUpper', { lowerKey: 'minItems', lower: def.minItems, upperKey: 'maxItems', upper: def.maxItems }, [...path, 'minItems'])
  }
  if (def.pattern !== undefined && !safeRegExp(def.pattern)) report('PIKA403', 'invalidPattern', { field: name }, [...path, 'pattern'])
  if (def.readOnly && def.writeOnly) report('PIKA402', 'readOnlyAndWriteOnly', {}, [...path, 'writeOnly'])
}

/**
 * A pattern whose every match is longer (or shorter) than the length limits allow leaves no valid
 * value: the zod schema would refuse every input and seed rows could not be generated. Decided by
 * looking for a value (pattern-sample.ts), checked against the real pattern within the time budget.
 */
function checkPatternFitsLength({ def, path, name }: FieldDecl, symbols: SymbolTable, report: Report): void {
  if (def.type !== 'String' || def.pattern === undefined || !safeRegExp(def.pattern)) return
  if (def.length === undefined && def.minLength === undefined && def.maxLength === undefined) return
  const min = def.length ?? def.minLength ?? 0
  const max = def.length ?? def.maxLength ?? 200
  if (min > max) return
  const pattern = def.pattern
  if (sampleString(pattern, min, max, (value) => symbols.patterns.test(pattern, value) === true) !== undefined) return
  const limits = min === max ? `exactly ${min}` : `${min} to ${max}`
  report('PIKA402', 'patternCannotFitLength', { limits, field: name }, [...path, 'pattern'])
}

/** A pattern PostgreSQL cannot be proved to read the same way stays an API rule: say so. */
function checkDatabaseRules({ def, path, source }: FieldDecl, diagnostics: Diagnostic[]): void {
  if (def.pattern === undefined || def.type !== 'String' || def.list || !safeRegExp(def.pattern) || toPostgresRegex(def.pattern) !== undefined) return
  diagnostics.push(source.diagnostic('PIKA408', 'patternNotInDatabase', {}, [...path, 'pattern']))
}

function checkAttributes({ def, path, name }: FieldDecl, owner: Owner, report: Report): void {
  if (def.updatedAt && (def.type !== 'DateTime' || def.list)) report('PIKA405', 'updatedAtNotDateTime', {}, [...path, 'updatedAt'])
  if (def.id && (def.optional || def.list)) report('PIKA405', def.optional ? 'optionalId' : 'listId', { field: name }, [...path, 'id'])
  if (def.unique && def.list) report('PIKA405', 'uniqueList', {}, [...path, 'unique'])
  if (def.id && def.unique) report('PIKA405', 'uniqueId', {}, [...path, 'unique'])
  if (def.id && owner === 'type') report('PIKA405', 'idInType', {}, [...path, 'id'])
  if (def.type === 'Int' && def.db === undefined) {
    for (const key of ['min', 'max'] as const) {
      const value = def[key]
      if (value !== undefined && (value < INT32.min || value > INT32.max)) report('PIKA402', 'beyondInt', { key, value, min: INT32.min, max: INT32.max }, [...path, key])
    }
  }
  if (def.db !== undefined && isScalarType(def.type)) {
    const problem = checkNativeType(def.type, def.db)
    if (problem) return report('PIKA306', problem.id, problem.params, [...path, 'db'])
    const native = parseNativeType(def.db)!
    for (const key of ['min', 'max'] as const) {
      const range = numericRange(native)
      const value = def[key]
      if (range && value !== undefined && (value < range.min || value > range.max)) {
        report('PIKA402', 'beyondColumn', { key, value, db: def.db, min: range.min, max: range.max }, [...path, key])
      }
    }
    const size = native.args[0]
    const key = def.maxLength !== undefined ? 'maxLength' : 'length'
    const longest = def[key]
    if ((native.name === 'VarChar' || native.name === 'Char') && size !== undefined && longest !== undefined && longest > size) {
      report('PIKA402', 'longerThanColumn', { key, longest, db: def.db, native: native.name }, [...path, key])
    }
  }
}

function checkDefault(field: FieldDecl, symbols: SymbolTable, report: Report): void {
  const { def, path, name } = field
  const at = [...path, 'default']
  const value = def.default
  if (typeof value === 'string' && /^[a-zA-Z]\w*\(\)$/.test(value)) {
    const fn = defaultFunctionOf(value)
    const known = Object.keys(DEFAULT_FUNCTIONS).map((name) => `${name}()`)
    if (!fn) return report('PIKA404', 'unknownFunction', { function: value, suggestion: closestName(value, known), known: known.join(', ') }, at)
    const types: readonly string[] = DEFAULT_FUNCTIONS[fn]
    if (!types.includes(def.type) || def.list) report('PIKA404', 'functionDoesNotFit', { function: value, fieldKind: def.list ? 'list' : def.type, types: types.join(' and ') }, at)
    return
  }
  if (value === null) return report('PIKA404', 'nullDefault', { field: name }, at)
  const problem = checkFieldValue(def as RawField, value, symbols)
  if (problem?.patternTooSlow) return report('PIKA407', 'default', { field: name, problem: problem.text }, [...at, ...problem.path])
  if (problem) {
    const suggestion = symbols.enums.has(def.type) && typeof value === 'string' ? closestName(value, symbols.enums.get(def.type)!.def.values.map((v) => (typeof v === 'string' ? v : v.name))) : undefined
    report('PIKA404', 'valueDoesNotFit', { field: name, problem: problem.text, suggestion }, [...at, ...problem.path])
  }
}
