import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js'
import type { Diagnostic } from '../diagnostics/diagnostic.ts'
import { closestName } from '../diagnostics/suggest.ts'
import type { LoadedFile } from '../load/load-models.ts'
import type { DataPath } from '../load/source-file.ts'
import { loadSchemaValidator } from './schema-validator.ts'

let validator: ValidateFunction | undefined
/** Loaded once per process: the schema is a constant, and compiling costs more than validating. */
function getValidator(): ValidateFunction {
  validator ??= loadSchemaValidator()
  return validator
}

/** Checks a file against the language's JSON Schema; every violation becomes a positioned diagnostic. */
export function validateSchema(file: LoadedFile): Diagnostic[] {
  return schemaDiagnostics(getValidator(), file)
}

/** A file checked with a compiled JSON Schema: each violation a positioned diagnostic (PIKA101–104). */
export function schemaDiagnostics(validate: ValidateFunction, file: LoadedFile): Diagnostic[] {
  if (validate(file.data)) return []
  const errors = relevantErrors(validate.errors ?? [])
  return errors.map((error) => toDiagnostic(error, file))
}

/** A wrong type makes every other complaint about the same value noise. */
function relevantErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  const mistyped = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath))
  const seen = new Set<string>()
  return errors.filter((e) => {
    if (mistyped.has(e.instancePath) && e.keyword !== 'type') return false
    const key = `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

function toDiagnostic(error: ErrorObject, file: LoadedFile): Diagnostic {
  const path = parsePointer(error.instancePath)
  const { source } = file
  // The declaration the value belongs to; undefined at the top of the file.
  const where = describePath(path) || undefined
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(error.params.additionalProperty)
      const allowed = Object.keys((error.parentSchema as { properties?: object }).properties ?? {})
      const at = [...path, key]
      // `db: Decimal(10,2)` inside `{ … }` splits at the comma, leaving a key like `2)`.
      if (looksSplitAtComma(key)) return source.diagnostic('PIKA101', 'splitAtComma', { key, where }, at, { part: 'key' })
      if (key === '<<') return source.diagnostic('PIKA101', 'mergeKey', { key, where }, at, { part: 'key' })
      const params = { key, where, suggestion: closestName(key, allowed), allowed: allowed.length ? allowed.join(', ') : undefined }
      return source.diagnostic('PIKA101', 'unknownKey', params, at, { part: 'key' })
    }
    case 'required':
      return source.diagnostic('PIKA103', 'missingKey', { key: String(error.params.missingProperty), where }, path, { part: 'key' })
    case 'type': {
      const expected = String(error.params.type).split(',').map(article).join(' or ')
      return source.diagnostic('PIKA102', 'wrongType', { where, expected, found: describeValue(valueAt(file.data, path)) }, path)
    }
    case 'enum': {
      const allowed = (error.params.allowedValues as unknown[]).map(String)
      const value = String(valueAt(file.data, path))
      return source.diagnostic('PIKA104', 'notAllowed', { value, where: where ?? '', suggestion: closestName(value, allowed), allowed: allowed.join(', ') }, path)
    }
    case 'minItems':
      return source.diagnostic('PIKA104', 'emptyList', { where: where ?? '' }, path)
    case 'minProperties':
      return source.diagnostic('PIKA104', 'emptyMapping', { where: where ?? '' }, path)
    case 'uniqueItems': {
      const index = Number(error.params.i)
      return source.diagnostic('PIKA104', 'listedTwice', { where: where ?? '', value: String(valueAt(file.data, [...path, index])) }, [...path, index])
    }
    case 'minimum':
    case 'maximum': {
      const params = { where: where ?? '', limit: String(error.params.limit), value: String(valueAt(file.data, path)) }
      return source.diagnostic('PIKA104', error.keyword === 'minimum' ? 'belowMinimum' : 'aboveMaximum', params, path)
    }
    default:
      return source.diagnostic('PIKA104', 'otherSchemaRule', { where: where ?? '', schemaMessage: error.message ?? 'is invalid' }, path)
  }
}

function parsePointer(pointer: string): DataPath {
  if (!pointer) return []
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'))
    .map((s) => (/^(0|[1-9]\d*)$/.test(s) ? Number(s) : s))
}

function valueAt(data: unknown, path: DataPath): unknown {
  let value = data
  for (const segment of path) value = (value as Record<string | number, unknown> | undefined)?.[segment]
  return value
}

/** "`fields.gymId.type` of model `Gym`": names the declaration a user is looking at. */
function describePath(path: DataPath): string {
  if (path.length === 0) return ''
  const [section, name, ...rest] = path
  const kind = { enums: 'enum', types: 'type', mixins: 'mixin', models: 'model' }[String(section)]
  if (!kind) return `\`${path.join('.')}\``
  if (name === undefined) return `\`${section}\``
  const inner = rest.map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`)).join('').replace(/^\./, '')
  return inner ? `\`${inner}\` of ${kind} \`${name}\`` : `${kind} \`${name}\``
}

const article = (type: string) => (type === 'object' ? 'a mapping' : type === 'array' ? 'a list' : type === 'integer' ? 'an integer' : `a ${type}`)

function describeValue(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'a mapping'
  if (typeof value === 'number' && !Number.isFinite(value)) return `\`${String(value)}\``
  return `${article(typeof value)} (\`${String(value)}\`)`
}

/**
 * Inside `{ … }` a comma ends the entry, so `db: Decimal(10,2)` leaves a key `2)` and a description
 * with a comma leaves the rest of the sentence as a key: keys no author would write on purpose.
 */
export const looksSplitAtComma = (key: string): boolean => /^[^(]*\)$/.test(key) || /\s/.test(key.trim())

