import type { Diagnostic } from '../../diagnostics/diagnostic.ts'
import { didYouMean } from '../../diagnostics/suggest.ts'
import type { RawField } from '../../load/model-file.ts'
import type { DataPath } from '../../load/source-file.ts'
import { checkFieldValue } from '../check-value.ts'
import { safeRegExp } from '../pattern-budget.ts'
import { sampleString } from '../pattern-sample.ts'
import { checkNativeType, INT32, numericRange, parseNativeType } from '../native-types.ts'
import { toPostgresRegex } from '../pg-regex.ts'
import { isScalarType, knownTypeNames, ownFields, type FieldDecl, type SymbolTable } from '../symbols.ts'
import type { RuleContext } from './context.ts'

type Owner = 'model' | 'mixin' | 'type'

const STRING_KEYS = ['minLength', 'maxLength', 'length', 'pattern', 'format'] as const
const NUMBER_KEYS = ['min', 'max'] as const
const NUMERIC_TYPES = new Set(['Int', 'BigInt', 'Float', 'Decimal'])
const DEFAULT_FUNCTIONS: Readonly<Record<string, readonly string[]>> = {
  'now()': ['DateTime'],
  'cuid()': ['String'],
  'uuid()': ['String'],
  'autoincrement()': ['Int', 'BigInt'],
}
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
  const report = (code: Diagnostic['code'], message: string, path: DataPath, hint?: string): void => {
    diagnostics.push(source.diagnostic(code, message, path, hint ? { hint } : {}))
  }
  const fieldName = `\`${field.name}\``

  // Declared in a file that already has errors: nothing about this field can be judged yet.
  if (symbols.brokenNames.has(def.type)) return
  // A model named like a scalar is refused (PIKA203); `type: String` still means the scalar.
  if (symbols.models.has(def.type) && !isScalarType(def.type)) {
    if (owner !== 'model') return report('PIKA307', `a ${owner === 'type' ? 'type' : 'mixin'} cannot hold a relation to model \`${def.type}\``, at('type'), 'Declare relations in the models themselves.')
    for (const key of SCALAR_ONLY_KEYS) {
      if (def[key] !== undefined) report('PIKA405', `\`${key}\` does not apply to the relation field ${fieldName}`, at(key), 'Put it on the foreign-key field instead.')
    }
    return
  }
  if (def.relation) report('PIKA507', `field ${fieldName} has \`relation\` but its type \`${def.type}\` is not a model`, at('relation'), 'Put `relation` on the field whose `type` is the related model; the foreign-key field needs none.')
  if (!isScalarType(def.type) && !symbols.enums.has(def.type)) {
    const hint = symbols.shapes.has(def.type)
      ? `\`${def.type}\` is a type (a JSON shape): write \`type: Json, shape: ${def.type}\`.`
      : didYouMean(def.type, knownTypeNames(symbols)) ?? 'Use a scalar (String, Int, …), an enum or a model.'
    return report('PIKA301', `unknown type \`${def.type}\``, at('type'), hint)
  }

  checkShapeKey(field, symbols, report)
  checkConstraints(field, report)
  checkPatternFitsLength(field, symbols, report)
  if (owner !== 'type') checkDatabaseRules(field, diagnostics)
  checkAttributes(field, owner, report)
  if (def.default !== undefined) checkDefault(field, symbols, report)
  if (def.example !== undefined) {
    const problem = checkFieldValue(def, def.example, symbols)
    if (problem) report(problem.code ?? 'PIKA406', `example of ${fieldName} ${problem.message}`, [...at('example'), ...problem.path], problem.hint)
  }
}

type Report = (code: Diagnostic['code'], message: string, path: DataPath, hint?: string) => void

function checkShapeKey({ def, path }: FieldDecl, symbols: SymbolTable, report: Report): void {
  if (def.shape === undefined) return
  if (def.type !== 'Json') return report('PIKA303', `\`shape\` applies only to Json fields, not ${def.type}`, [...path, 'shape'], `Write \`type: Json, shape: ${def.shape}\`, or remove \`shape\`.`)
  if (!symbols.shapes.has(def.shape) && !symbols.brokenNames.has(def.shape)) {
    const hint = didYouMean(def.shape, symbols.shapes.keys()) ?? 'Declare it under `types:` in a model file.'
    report('PIKA302', `unknown shape \`${def.shape}\``, [...path, 'shape'], hint)
  }
}

function checkConstraints({ def, path, name }: FieldDecl, report: Report): void {
  const isString = def.type === 'String'
  const isNumber = NUMERIC_TYPES.has(def.type)
  for (const key of STRING_KEYS) {
    if (def[key] !== undefined && !isString) report('PIKA401', `\`${key}\` applies to String fields, not ${def.type}`, [...path, key], isNumber ? 'Use `min`/`max` for numbers.' : undefined)
  }
  for (const key of NUMBER_KEYS) {
    if (def[key] !== undefined && !isNumber) report('PIKA401', `\`${key}\` applies to numeric fields, not ${def.type}`, [...path, key], isString ? 'Use `minLength`/`maxLength` for strings.' : undefined)
  }
  if (def.min !== undefined && def.max !== undefined && def.min > def.max) report('PIKA402', `\`min\` (${def.min}) is greater than \`max\` (${def.max})`, [...path, 'min'])
  if (def.minLength !== undefined && def.maxLength !== undefined && def.minLength > def.maxLength) {
    report('PIKA402', `\`minLength\` (${def.minLength}) is greater than \`maxLength\` (${def.maxLength})`, [...path, 'minLength'])
  }
  if (def.length !== undefined && (def.minLength !== undefined || def.maxLength !== undefined)) {
    report('PIKA402', '`length` fixes the length exactly; it cannot be combined with `minLength` or `maxLength`', [...path, 'length'])
  }
  for (const key of ['minItems', 'maxItems'] as const) {
    if (def[key] !== undefined && !def.list) report('PIKA401', `\`${key}\` applies to list fields`, [...path, key], 'Add `list: true`, or use `minLength`/`maxLength` for a string.')
  }
  if (def.minItems !== undefined && def.maxItems !== undefined && def.minItems > def.maxItems) {
    report('PIKA402', `\`minItems\` (${def.minItems}) is greater than \`maxItems\` (${def.maxItems})`, [...path, 'minItems'])
  }
  if (def.pattern !== undefined && !safeRegExp(def.pattern)) {
    report('PIKA403', `the pattern of \`${name}\` is not a valid regular expression`, [...path, 'pattern'], 'Patterns are ECMAScript regular expressions (with the u flag); escape special characters with a backslash.')
  }
  if (def.readOnly && def.writeOnly) report('PIKA402', 'a field cannot be both `readOnly` and `writeOnly`', [...path, 'writeOnly'])
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
  report('PIKA402', `no string of ${limits} characters matches the pattern of \`${name}\``, [...path, 'pattern'], 'Widen the length limits, or change the pattern so its matches fit them.')
}

/** A pattern PostgreSQL cannot be proved to read the same way stays an API rule: say so. */
function checkDatabaseRules({ def, path, source }: FieldDecl, diagnostics: Diagnostic[]): void {
  if (def.pattern === undefined || def.type !== 'String' || def.list || !safeRegExp(def.pattern) || toPostgresRegex(def.pattern) !== undefined) return
  const hint = 'Lookaround, backreferences, \\b, \\p{…}, lazy quantifiers and repeats over 255 have no equal in PostgreSQL; the API still enforces the pattern.'
  diagnostics.push(source.diagnostic('PIKA408', 'the pattern has no provably equal PostgreSQL regular expression: no CHECK constraint for it', [...path, 'pattern'], { hint, severity: 'warning' }))
}

function checkAttributes({ def, path, name }: FieldDecl, owner: Owner, report: Report): void {
  if (def.updatedAt && (def.type !== 'DateTime' || def.list)) report('PIKA405', '`updatedAt` applies only to a single DateTime field', [...path, 'updatedAt'])
  if (def.id && (def.optional || def.list)) report('PIKA405', `the id field \`${name}\` cannot be ${def.optional ? 'optional' : 'a list'}`, [...path, 'id'])
  if (def.unique && def.list) report('PIKA405', '`unique` does not apply to a list field', [...path, 'unique'])
  if (def.id && def.unique) report('PIKA405', 'an id is already unique; remove `unique`', [...path, 'unique'])
  if (def.id && owner === 'type') report('PIKA405', 'a type field cannot be an id', [...path, 'id'])
  if (def.type === 'Int' && def.db === undefined) {
    for (const key of ['min', 'max'] as const) {
      const value = def[key]
      if (value !== undefined && (value < INT32.min || value > INT32.max)) report('PIKA402', `\`${key}\` (${value}) is outside what an Int column holds (${INT32.min} to ${INT32.max})`, [...path, key], 'Use `type: BigInt` for larger numbers.')
    }
  }
  if (def.db !== undefined && isScalarType(def.type)) {
    const problem = checkNativeType(def.type, def.db)
    if (problem) return report('PIKA306', problem.message, [...path, 'db'], problem.hint)
    const native = parseNativeType(def.db)!
    for (const key of ['min', 'max'] as const) {
      const range = numericRange(native)
      const value = def[key]
      if (range && value !== undefined && (value < range.min || value > range.max)) {
        report('PIKA402', `\`${key}\` (${value}) is outside what the column's ${def.db} holds (${range.min} to ${range.max})`, [...path, key], `Widen the column, or keep \`${key}\` within ${range.min} to ${range.max}.`)
      }
    }
    const size = native.args[0]
    const key = def.maxLength !== undefined ? 'maxLength' : 'length'
    const longest = def[key]
    if ((native.name === 'VarChar' || native.name === 'Char') && size !== undefined && longest !== undefined && longest > size) {
      report('PIKA402', `\`${key}\` (${longest}) exceeds the column's ${def.db}`, [...path, key], `Widen the column to \`${native.name}(${longest})\`, or lower \`${key}\`.`)
    }
  }
}

function checkDefault(field: FieldDecl, symbols: SymbolTable, report: Report): void {
  const { def, path, name } = field
  const at = [...path, 'default']
  const value = def.default
  if (typeof value === 'string' && /^[a-zA-Z]\w*\(\)$/.test(value)) {
    const types = DEFAULT_FUNCTIONS[value]
    if (!types) return report('PIKA404', `unknown default function \`${value}\``, at, didYouMean(value, Object.keys(DEFAULT_FUNCTIONS)) ?? `Use one of ${Object.keys(DEFAULT_FUNCTIONS).join(', ')}.`)
    if (!types.includes(def.type) || def.list) report('PIKA404', `\`${value}\` cannot be the default of a ${def.list ? 'list' : def.type} field`, at, `It applies to ${types.join(' and ')} fields.`)
    return
  }
  if (value === null) return report('PIKA404', `the default of \`${name}\` cannot be null`, at, 'An optional field is already null when not given; remove `default`.')
  const problem = checkFieldValue(def as RawField, value, symbols)
  if (problem) {
    const enumHint = symbols.enums.has(def.type) && typeof value === 'string' ? didYouMean(value, symbols.enums.get(def.type)!.def.values.map((v) => (typeof v === 'string' ? v : v.name))) : undefined
    report(problem.code ?? 'PIKA404', `the default of \`${name}\` ${problem.message}`, [...at, ...problem.path], problem.hint ?? enumHint)
  }
}
