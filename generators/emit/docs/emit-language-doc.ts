import { DEFAULT_FUNCTIONS, FORMAT_NOTES, FORMAT_PATTERNS, REFERENTIAL_ACTIONS, SCALAR_TYPES, type StringFormat } from '../../language/language.ts'
import { ARGUMENT_RANGES, DECIMAL_PRECISION, INT16, INT32, NATIVE_TYPE_EXTENSIONS, NATIVE_TYPES } from '../../language/native-types.ts'
import type { Emitter } from '../emitter.ts'
import { code, tableLines } from './markdown-text.ts'

/** The tables' path under the output root. */
export const LANGUAGE_DOC_PATH = 'docs/language-facts.md'

const NOTICE = '<!-- Generated from generators/language/ by `npm run generate`. Do not edit: change the language facts and regenerate. -->'

const INTRO = `# Language facts

The lists the compiler checks models against, written once in \`generators/language/\` and read
from there by the JSON Schema, the validators and the emitters. The rules that use them are in
[the model language](model-language.md).
`

/** `VarChar(n?)`, `Decimal(p,s)` or `Decimal`: a native type with the argument counts it takes. */
function nativeTypeText(name: string, arities: readonly number[]): string {
  const names = (count: number) => (count === 1 ? 'n' : 'p,s')
  const counts = arities.filter((count) => count > 0)
  if (counts.length === 0) return code(name)
  if (arities.includes(0) && counts.length === 1 && counts[0] === 1) return code(`${name}(n?)`)
  return [...counts.map((count) => code(`${name}(${names(count)})`)), ...(arities.includes(0) ? [code(name)] : [])].join(' or ')
}

function nativeTypesSection(): string[] {
  const rows = SCALAR_TYPES.map((scalar) => [code(scalar), Object.entries(NATIVE_TYPES[scalar]).map(([name, arities]) => nativeTypeText(name, arities)).join(', ')])
  const ranges = [
    ...Object.entries(ARGUMENT_RANGES).map(([name, range]) => [code(name), range.what, `${range.min.toLocaleString('en')} to ${range.max.toLocaleString('en')}`]),
    [code('Decimal'), 'precision p, scale s', `${DECIMAL_PRECISION.min} ≤ p ≤ ${DECIMAL_PRECISION.max.toLocaleString('en')}, s ≤ p`],
  ]
  const extensions = Object.entries(NATIVE_TYPE_EXTENSIONS).map(([name, extension]) => `${code(name)} needs the PostgreSQL extension ${code(extension)}`)
  return [
    '## Scalar types and native types (`db:`)',
    '',
    ...tableLines(['scalar', 'native types (arguments)'], rows),
    '',
    'Arguments PostgreSQL accepts:',
    '',
    ...tableLines(['native type', 'argument', 'range'], ranges),
    '',
    `${extensions.join('; ')}: the migration creates it.`,
  ]
}

function numbersSection(): string[] {
  const rows = [
    [`${code('Int')} (${code('Integer')})`, String(INT32.min), String(INT32.max)],
    [code('SmallInt'), String(INT16.min), String(INT16.max)],
  ]
  return ['## Numeric bounds', '', ...tableLines(['type', 'smallest', 'largest'], rows)]
}

function formatsSection(): string[] {
  const describe = (format: StringFormat) => (FORMAT_NOTES[format] ? `${code(format)} (${FORMAT_NOTES[format]})` : code(format))
  const rows = (Object.keys(FORMAT_PATTERNS) as StringFormat[]).map((format) => [describe(format), code(FORMAT_PATTERNS[format].source)])
  return ['## String formats', '', 'The compiler checks defaults, examples and seed values with these expressions, and the database CHECKs use them; zod and OpenAPI use them where zod has no check of its own (see [api-types.md](api-types.md)).', '', ...tableLines(['format', 'expression'], rows)]
}

function defaultsSection(): string[] {
  const rows = Object.entries(DEFAULT_FUNCTIONS).map(([name, types]) => [code(`${name}()`), types.map(code).join(', ')])
  return ['## Default functions', '', ...tableLines(['function', 'applies to'], rows)]
}

const actionsSection = (): string[] => ['## Referential actions', '', `${code('onDelete')} and ${code('onUpdate')} take ${REFERENTIAL_ACTIONS.map(code).join(', ')}.`]

/** docs/language-facts.md: the language's lists, from the same modules the compiler reads. */
export function languageDoc(): string {
  const sections = [nativeTypesSection(), numbersSection(), formatsSection(), defaultsSection(), actionsSection()].map((lines) => lines.join('\n'))
  return `${NOTICE}\n\n${INTRO}\n${sections.join('\n\n')}\n`
}

export const languageDocEmitter: Emitter = {
  name: 'language-doc',
  owns: [LANGUAGE_DOC_PATH],
  emit: () => [{ path: LANGUAGE_DOC_PATH, content: languageDoc() }],
}
