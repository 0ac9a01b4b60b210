import type { RawEnumValue, RawIndex } from '../../load/model-file.ts'
import { ownFields, type Decl, type SymbolTable } from '../symbols.ts'
import type { RuleContext } from './context.ts'

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/
const PASCAL_CASE = /^[A-Z][A-Za-z0-9]*$/
const CAMEL_CASE = /^[a-z][A-Za-z0-9]*$/
const UPPER_SNAKE_CASE = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/
const SQL_NAME = /^[a-z_][a-z0-9_]*$/
const MAX_SQL_NAME_BYTES = 63

/**
 * Names a declaration cannot take, because generated Prisma, TypeScript or zod code declares each
 * model, enum and shape as a top-level name of a module: keywords; Prisma's scalar types; the ECMAScript and Node globals
 * and TypeScript's utility types, which such a name would shadow for the module's own code (an enum
 * `RegExp` makes `new RegExp(pattern)` throw on import); and what generated code imports. A fixed
 * list rather than the running Node's globals, so every machine accepts the same models.
 */
export const RESERVED_NAMES: ReadonlySet<string> = new Set([
  ...'break case catch class const continue debugger default delete do else enum export extends false finally for function if implements import in instanceof interface let new null package private protected public return static super switch this throw true try typeof var void while with yield await async'.split(' '),
  ...'Prisma PrismaClient z Zod formats'.split(' '),
  // Prisma's scalar types: a model or enum may not take their names.
  ...'String Int BigInt Float Decimal Boolean DateTime Json Bytes Unsupported'.split(' '),
  ...'globalThis Infinity NaN undefined eval isFinite isNaN parseFloat parseInt decodeURI decodeURIComponent encodeURI encodeURIComponent escape unescape'.split(' '),
  ...'AggregateError Array ArrayBuffer Atomics BigInt BigInt64Array BigUint64Array Boolean DataView Date Error EvalError FinalizationRegistry Float16Array Float32Array Float64Array Function Int8Array Int16Array Int32Array Intl Iterator JSON Map Math Number Object Promise Proxy RangeError ReferenceError Reflect RegExp Set SharedArrayBuffer String Symbol SyntaxError TypeError Uint8Array Uint8ClampedArray Uint16Array Uint32Array URIError WeakMap WeakRef WeakSet'.split(' '),
  ...'AbortController AbortSignal Blob Buffer Event EventTarget File FormData Headers Request Response TextDecoder TextEncoder URL URLSearchParams WebAssembly console crypto fetch module process require exports structuredClone queueMicrotask setTimeout setInterval'.split(' '),
  ...'Awaited Capitalize Exclude Extract InstanceType Lowercase NonNullable Omit Parameters Partial PropertyKey Readonly ReadonlyArray Record Required ReturnType ThisType Uncapitalize Uppercase'.split(' '),
])

/**
 * Properties every JavaScript object inherits. A field named like one reads as present on every
 * object: zod then sees a function for an optional `toString` that was left out, and rejects every input.
 */
const OBJECT_PROTOTYPE_MEMBERS = new Set('constructor __defineGetter__ __defineSetter__ hasOwnProperty __lookupGetter__ __lookupSetter__ isPrototypeOf propertyIsEnumerable toString valueOf __proto__ toLocaleString'.split(' '))

/** The exported names each declaration produces in generated code; two declarations must not share one. */
function exportedNames(kind: 'model' | 'enum' | 'type', name: string): string[] {
  if (kind === 'model') return [name, `${name}Schema`, `${name}Create`, `${name}CreateSchema`, `${name}Update`, `${name}UpdateSchema`]
  return [name, `${name}Schema`]
}

export function checkNames({ symbols, diagnostics }: RuleContext): void {
  const producers = new Map<string, { decl: Decl<unknown>; kind: string }>()
  const declarations: [string, 'model' | 'enum' | 'type' | 'mixin', ReadonlyMap<string, Decl<unknown>>][] = [
    ['models', 'model', symbols.models],
    ['enums', 'enum', symbols.enums],
    ['types', 'type', symbols.shapes],
    ['mixins', 'mixin', symbols.mixins],
  ]
  for (const [, kind, table] of declarations) {
    for (const decl of table.values()) {
      checkDeclarationName(decl, kind, diagnostics)
      if (kind === 'mixin') continue
      const exported = exportedNames(kind, decl.name)
      // One report per clash, naming the first generated name the two declarations share.
      const clash = exported.find((name) => producers.has(name))
      if (clash) {
        const other = producers.get(clash)!
        const related = other.decl.source.locate(other.decl.path, 'key')
        const params = { kind, name: decl.name, otherKind: other.kind, otherName: other.decl.name, clash }
        diagnostics.push(decl.source.diagnostic('PIKA203', 'generatedNameClash', params, decl.path, { part: 'key', related }))
        continue
      }
      for (const name of exported) producers.set(name, { decl, kind })
    }
  }
  for (const table of [symbols.models, symbols.mixins, symbols.shapes]) {
    for (const decl of table.values()) for (const field of ownFields(decl)) checkFieldName(field, diagnostics)
  }
  for (const decl of symbols.enums.values()) checkEnumValues(decl, diagnostics)
  checkDatabaseNames(symbols, diagnostics)
}

function checkDeclarationName(decl: Decl<unknown>, kind: string, diagnostics: RuleContext['diagnostics']): void {
  const at = { part: 'key' as const }
  if (!IDENTIFIER.test(decl.name)) {
    diagnostics.push(decl.source.diagnostic('PIKA202', 'declarationName', { kind, name: decl.name }, decl.path, at))
  } else if (RESERVED_NAMES.has(decl.name)) {
    diagnostics.push(decl.source.diagnostic('PIKA203', 'reservedName', { kind, name: decl.name, suggestion: toPascalCase(decl.name) }, decl.path, at))
  } else if (!PASCAL_CASE.test(decl.name)) {
    diagnostics.push(decl.source.diagnostic('PIKA204', 'notPascalCase', { kind, name: decl.name, suggestion: toPascalCase(decl.name) }, decl.path, at))
  }
}

function checkFieldName(field: Decl<unknown>, diagnostics: RuleContext['diagnostics']): void {
  const at = { part: 'key' as const }
  if (!IDENTIFIER.test(field.name)) {
    diagnostics.push(field.source.diagnostic('PIKA202', 'fieldName', { name: field.name }, field.path, at))
  } else if (OBJECT_PROTOTYPE_MEMBERS.has(field.name)) {
    diagnostics.push(field.source.diagnostic('PIKA203', 'inheritedMember', { name: field.name }, field.path, at))
  } else if (!CAMEL_CASE.test(field.name)) {
    diagnostics.push(field.source.diagnostic('PIKA204', 'notCamelCase', { name: field.name, suggestion: toCamelCase(field.name) }, field.path, at))
  }
}

function checkEnumValues(decl: Decl<{ values: readonly (string | RawEnumValue)[] }>, diagnostics: RuleContext['diagnostics']): void {
  const seen = new Set<string>()
  decl.def.values.forEach((value, index) => {
    const name = typeof value === 'string' ? value : value.name
    const path = typeof value === 'string' ? [...decl.path, 'values', index] : [...decl.path, 'values', index, 'name']
    if (seen.has(name)) {
      diagnostics.push(decl.source.diagnostic('PIKA206', 'enumValueTwice', { enum: decl.name, value: name }, path))
    } else if (!IDENTIFIER.test(name)) {
      diagnostics.push(decl.source.diagnostic('PIKA202', 'enumValue', { name }, path))
    } else if (!UPPER_SNAKE_CASE.test(name)) {
      diagnostics.push(decl.source.diagnostic('PIKA204', 'notUpperSnakeCase', { name, suggestion: toUpperSnakeCase(name) }, path))
    }
    seen.add(name)
  })
}

/** Table, column and index names become SQL identifiers: snake_case, at most 63 bytes, unique where SQL needs it. */
function checkDatabaseNames(symbols: SymbolTable, diagnostics: RuleContext['diagnostics']): void {
  const tables = new Map<string, Decl<unknown>>()
  const checkSqlName = (name: string, decl: Decl<unknown>, path: readonly (string | number)[], what: string) => {
    if (SQL_NAME.test(name) && Buffer.byteLength(name) <= MAX_SQL_NAME_BYTES) return true
    const suggestion = toSnakeCase(name).slice(0, MAX_SQL_NAME_BYTES)
    diagnostics.push(decl.source.diagnostic('PIKA202', 'databaseName', { what, name, maxBytes: MAX_SQL_NAME_BYTES, suggestion }, path))
    return false
  }
  for (const model of symbols.models.values()) {
    const table = model.def.table
    if (table === undefined) continue
    if (!checkSqlName(table, model, [...model.path, 'table'], 'table name')) continue
    const other = tables.get(table)
    if (other) {
      const related = other.source.locate([...other.path, 'table'])
      diagnostics.push(model.source.diagnostic('PIKA207', 'tableTwice', { table, otherModel: other.name }, [...model.path, 'table'], { related }))
    }
    tables.set(table, model)
  }
  for (const table of [symbols.models, symbols.mixins]) {
    for (const decl of table.values()) {
      for (const field of ownFields(decl)) if (field.def.map !== undefined) checkSqlName(field.def.map, field, [...field.path, 'map'], 'column name')
      const def = decl.def as { id?: RawIndex; indexes?: readonly RawIndex[]; uniques?: readonly RawIndex[] }
      const keyLists: [RawIndex | undefined, readonly (string | number)[]][] = [
        [def.id, ['id']],
        ...(def.indexes ?? []).map((index, i): [RawIndex, (string | number)[]] => [index, ['indexes', i]]),
        ...(def.uniques ?? []).map((index, i): [RawIndex, (string | number)[]] => [index, ['uniques', i]]),
      ]
      for (const [index, at] of keyLists) if (index?.name !== undefined) checkSqlName(index.name, decl, [...decl.path, ...at, 'name'], 'constraint name')
    }
  }
}

export const toPascalCase = (name: string) => name.replace(/(^|[_\s-]+)([a-zA-Z0-9])/g, (_, __, c: string) => c.toUpperCase())
export const toCamelCase = (name: string) => toPascalCase(name).replace(/^[A-Z]/, (c) => c.toLowerCase())
export const toSnakeCase = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/[\s-]+/g, '_').toLowerCase()
const toUpperSnakeCase = (name: string) => toSnakeCase(name).toUpperCase()

