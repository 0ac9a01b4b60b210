import type { RawCheck, RawEnum, RawField, RawIndex, RawShape } from '../load/model-file.ts'
import { defaultFunctionOf, type ScalarType } from '../language/language.ts'
import { managedIndexName } from '../language/database-names.ts'
import { isManagedIndex, parseIndexKey, parseWhere, type IndexKey, type WhereCondition } from '../language/index-key.ts'
import { NATIVE_TYPE_EXTENSIONS, parseNativeType } from '../language/native-types.ts'
import { SOFT_DELETE_FIELD } from '../validate/expand-mixins.ts'
import { parseCheckRule, type CheckOperand } from '../validate/check-rule.ts'
import type { ExpandedModel } from '../validate/rules/context.ts'
import { compareText } from '../diagnostics/diagnostic.ts'
import { ownFields, type Decl, type FieldDecl, type SymbolTable } from '../validate/symbols.ts'
import type { ValidationResult } from '../validate/validate-models.ts'
import { DEFAULT_OPENAPI_INFO } from '../validate/validate-settings.ts'
import { irLocation } from './ir-location.ts'
import { resolveRelations, type ResolvedRelations } from './resolve-relations.ts'
import { isStoredField, type IrCheck, type IrLocation, type IrCheckOperand, type IrConstraints, type IrDefault, type IrDomain, type IrEnum, type IrField, type IrManagedIndex, type IrModel, type Ir, type IrShape, type IrShapeField, type IrStoredField, type IrValueType, type Settings } from './types.ts'

/** Builds the frozen IR from a validation result that has no errors. */
export function buildIr(validation: ValidationResult, modelsDir: string, settings: Settings = { openapi: DEFAULT_OPENAPI_INFO }): Ir {
  const { symbols, models } = validation
  const relations = resolveRelations(models)
  const byName = <T extends { name: string }>(items: T[]) => items.sort((a, b) => compareText(a.name, b.name))
  const ir: Ir = {
    modelsDir,
    domains: [...symbols.domains].map(([file, description]) => buildDomain(file, description)).sort((a, b) => compareText(a.file, b.file)),
    enums: byName([...symbols.enums.values()].map(buildEnum)),
    shapes: byName([...symbols.shapes.values()].map((decl) => buildShape(decl, symbols))),
    models: byName([...models.values()].map((model) => buildModel(model, symbols, relations, models))),
    extensions: [],
    settings,
  }
  return deepFreeze({ ...ir, extensions: requiredExtensions(ir, symbols) })
}

function requiredExtensions(ir: Ir, symbols: SymbolTable): string[] {
  const implied = ir.models.flatMap((m) => m.fields.flatMap((f) => (isStoredField(f) && f.nativeType ? [NATIVE_TYPE_EXTENSIONS[f.nativeType.name]] : [])))
  const declared = [...symbols.extensions.values()].flat()
  return [...new Set([...declared, ...implied].filter((e): e is string => e !== undefined))].sort(compareText)
}

const domainOf = (file: string) => file.replace(/\.ya?ml$/, '')
const optionalText = <K extends string>(key: K, value: string | undefined) => (value === undefined ? {} : ({ [key]: value } as Record<K, string>))

function buildDomain(file: string, description: string | undefined): IrDomain {
  return { file, name: domainOf(file), ...optionalText('description', description?.trim() || undefined) }
}

function buildEnum(decl: Decl<RawEnum>): IrEnum {
  return {
    kind: 'enum',
    name: decl.name,
    domain: domainOf(decl.source.file),
    ...documentation(decl.def),
    ...optionalText('renamedFrom', decl.def.renamedFrom),
    values: decl.def.values.map((v) => (typeof v === 'string' ? { name: v } : { name: v.name, ...documentation(v), ...optionalText('renamedFrom', v.renamedFrom) })),
    location: irLocation(decl.source, decl.path, 'key'),
  }
}

function buildShape(decl: Decl<RawShape>, symbols: SymbolTable): IrShape {
  const fields = ownFields(decl).map((field): IrShapeField => ({
    name: field.name,
    type: valueType(field.def, symbols),
    optional: Boolean(field.def.optional),
    list: Boolean(field.def.list),
    constraints: constraints(field.def),
    ...documentation(field.def),
    ...(field.def.example === undefined ? {} : { example: field.def.example }),
    location: irLocation(field.source, field.path, 'key'),
  }))
  return { kind: 'shape', name: decl.name, domain: domainOf(decl.source.file), ...documentation(decl.def), fields, location: irLocation(decl.source, decl.path, 'key') }
}

function buildModel(model: ExpandedModel, symbols: SymbolTable, relations: ResolvedRelations, models: ReadonlyMap<string, ExpandedModel>): IrModel {
  const { decl } = model
  const referenced = referencedFields(model, models)
  const softDelete = decl.def.softDelete === true
  const built = model.fields.map((field): IrField => relations.get(field) ?? buildStoredField(field, symbols, referenced.get(field.name)))
  // Soft deletion keeps deleted rows, so every unique binds live rows only: a partial unique (managed SQL).
  const liveOnly = (def: RawIndex): RawIndex => (softDelete ? { ...def, where: def.where === undefined ? LIVE_ROWS : `${def.where} AND ${LIVE_ROWS}` } : def)
  const uniqueFields = softDelete ? model.fields.filter((f) => f.def.unique && !symbols.models.has(f.def.type)) : []
  const fields = built.map((f) => (isStoredField(f) && uniqueFields.some((u) => u.name === f.name) ? { ...f, unique: false } : f))
  const idField = model.fields.find((f) => f.def.id)
  const primaryKey = decl.def.id
    ? { fields: decl.def.id.fields, ...optionalText('name', decl.def.id.name), compound: true, location: irLocation(decl.source, [...decl.path, 'id'], 'key') }
    : { fields: [idField!.name], compound: false, location: irLocation(idField!.source, [...idField!.path, 'id'], 'key') }
  const table = decl.def.table ?? decl.name
  const keyDecl = (def: RawIndex, unique: boolean, location: IrLocation) => ({ def, unique, managed: isManagedIndex(def), plain: { fields: def.fields, ...optionalText('name', def.name), location } })
  const indexes = model.indexes.map((index) => keyDecl(index.def, false, irLocation(index.source, index.path)))
  const uniques = [
    ...uniqueFields.map((f) => keyDecl(liveOnly({ fields: [f.name] }), true, irLocation(f.source, [...f.path, 'unique'], 'key'))),
    ...(decl.def.uniques ?? []).map((u, i) => keyDecl(liveOnly(u), true, irLocation(decl.source, [...decl.path, 'uniques', i]))),
  ]
  const seed = decl.def.seed
  const archive = decl.def.archive // checked by rules/archive.ts: names a stored DateTime field
  return {
    kind: 'model',
    name: decl.name,
    domain: domainOf(decl.source.file),
    table,
    ...documentation(decl.def),
    ...optionalText('renamedFrom', decl.def.renamedFrom),
    fields,
    primaryKey,
    indexes: indexes.filter((i) => !i.managed).map((i) => i.plain),
    uniques: uniques.filter((u) => !u.managed).map((u) => u.plain),
    managedIndexes: [...uniques, ...indexes].filter((i) => i.managed).map((i) => managedIndex(i.def, i.unique, table, fields, i.plain.location)),
    checks: (decl.def.checks ?? []).map((check, i) => buildCheck(check, fields, irLocation(decl.source, [...decl.path, 'checks', i]))),
    ...(seed ? { seed: { rows: decimalsAsNumbers(model, seed.rows ?? []), generate: seed.generate ?? 0, location: irLocation(decl.source, [...decl.path, 'seed'], 'key') } } : {}),
    ...(softDelete ? { softDelete: { field: SOFT_DELETE_FIELD, column: SOFT_DELETE_FIELD, location: irLocation(decl.source, [...decl.path, 'softDelete'], 'key') } } : {}),
    ...(archive ? { archive: { afterDays: archive.afterDays, field: archive.by, column: fields.find((f): f is IrStoredField => isStoredField(f) && f.name === archive.by)!.column, location: irLocation(decl.source, [...decl.path, 'archive'], 'key') } } : {}),
    location: irLocation(decl.source, decl.path, 'key'),
  }
}

const LIVE_ROWS = `${SOFT_DELETE_FIELD} IS NULL`

/** A partial or expression index, its keys and condition resolved to columns (checked by rules/keys.ts). */
function managedIndex(def: RawIndex, unique: boolean, table: string, fields: readonly IrField[], location: IrLocation): IrManagedIndex {
  const columnOf = (name: string) => fields.find((f): f is IrStoredField => isStoredField(f) && f.name === name)!.column
  const keys = def.fields.map((text) => ({ ...(parseIndexKey(text) as IndexKey), column: columnOf((parseIndexKey(text) as IndexKey).field), text }))
  const conditions = def.where === undefined ? undefined : (parseWhere(def.where) as WhereCondition[]).map((c) => ({ ...c, column: columnOf(c.field) }))
  return {
    unique,
    keys,
    ...(conditions ? { where: { text: def.where!, conditions } } : {}),
    name: def.name ?? managedIndexName(table, unique, def.fields, def.where !== undefined, columnOf),
    location,
  }
}

/** Each foreign-key field of the model → the field of the other model it references. */
function referencedFields(model: ExpandedModel, models: ReadonlyMap<string, ExpandedModel>): Map<string, FieldDecl> {
  const out = new Map<string, FieldDecl>()
  for (const f of model.fields) {
    const { fields = [], references = [] } = f.def.relation ?? {}
    const target = models.get(f.def.type)
    fields.forEach((name, i) => {
      const remote = target?.fields.find((r) => r.name === references[i])
      if (remote) out.set(name, remote)
    })
  }
  return out
}

/**
 * A foreign key takes the native type and format of the key it references when it states none
 * (validation has refused a different one), so `text` never points at `uuid`.
 */
function buildStoredField(field: FieldDecl, symbols: SymbolTable, references: FieldDecl | undefined): IrStoredField {
  const foreignKey = references !== undefined
  const def: RawField = references ? { ...field.def, db: field.def.db ?? references.def.db, format: field.def.format ?? references.def.format } : field.def
  const native = def.db === undefined ? undefined : parseNativeType(def.db)
  return {
    kind: 'stored',
    name: field.name,
    ...optionalText('mixin', field.mixin),
    type: valueType(def, symbols),
    optional: Boolean(def.optional),
    list: Boolean(def.list),
    column: def.map ?? field.name,
    id: Boolean(def.id),
    unique: Boolean(def.unique),
    updatedAt: Boolean(def.updatedAt),
    ...(def.default === undefined ? implicitListDefault(def) : { default: buildDefault(def.type === 'Decimal' ? decimalAsNumber(def.default) : def.default) }),
    ...(native ? { nativeType: native } : {}),
    constraints: constraints(def),
    ...(def.example === undefined ? {} : { example: def.type === 'Decimal' ? decimalAsNumber(def.example) : def.example }),
    readOnly: Boolean(def.readOnly),
    writeOnly: Boolean(def.writeOnly),
    private: Boolean(def.private),
    foreignKey,
    ...documentation(def),
    ...optionalText('renamedFrom', def.renamedFrom),
    location: irLocation(field.source, field.path, 'key'),
  }
}

/**
 * A required list without a default starts empty (`@default([])`): the read schema promises an
 * array, so a row that leaves the list out must hold `[]`, never NULL (managed.sql's `not_null`
 * CHECK refuses NULL, which Prisma cannot declare for a list column).
 */
const implicitListDefault = (def: RawField): { default?: IrDefault } => (def.list && !def.optional ? { default: { kind: 'value', value: [] } } : {})

function buildCheck(check: RawCheck, fields: readonly IrField[], location: IrLocation): IrCheck {
  const rule = parseCheckRule(check.rule)! // validation refused any other
  const operand = (o: CheckOperand): IrCheckOperand => {
    if (o.kind === 'number') return o
    const field = fields.find((f): f is IrStoredField => isStoredField(f) && f.name === o.field)!
    return { kind: 'field', field: o.field, column: field.column }
  }
  const typed = [rule.left, rule.right].map((o) => (o.kind === 'field' ? fields.find((f) => f.name === o.field) : undefined)).find((f) => f?.kind === 'stored')
  const compares = typed?.kind === 'stored' && typed.type.kind === 'scalar' && typed.type.scalar === 'DateTime' ? 'time' : 'number'
  return { name: check.name, rule: check.rule, left: operand(rule.left), op: rule.op, right: operand(rule.right), compares, ...optionalText('description', check.description?.trim() || undefined), location }
}

function valueType(def: RawField, symbols: SymbolTable): IrValueType {
  if (symbols.enums.has(def.type)) return { kind: 'enum', enum: def.type }
  return { kind: 'scalar', scalar: def.type as ScalarType, ...optionalText('shape', def.shape) }
}

function buildDefault(value: unknown): IrDefault {
  const fn = defaultFunctionOf(value)
  return fn ? { kind: 'function', function: fn } : { kind: 'value', value }
}

function constraints(def: RawField): IrConstraints {
  const keys = ['min', 'max', 'minLength', 'maxLength', 'length', 'pattern', 'format', 'minItems', 'maxItems'] as const
  return Object.fromEntries(keys.filter((k) => def[k] !== undefined).map((k) => [k, def[k]]))
}

/** Descriptions lose surrounding blank space: YAML block scalars (`|`) keep a trailing newline. */
function documentation(def: { description?: string; deprecated?: boolean }) {
  return { ...optionalText('description', def.description?.trim() || undefined), ...(def.deprecated ? { deprecated: true } : {}) }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    // for…in over own keys (IR objects have plain prototypes): Object.values would allocate an array per object.
    for (const key in value) deepFreeze(value[key])
  }
  return value
}

/**
 * Decimal literals may be written as strings (`"45.50"`), but a Decimal is a JSON number on the wire
 * and in fixtures: validation has checked the string is exact as a number (at most 15 significant
 * digits), so it becomes one here, for every output alike.
 */
function decimalAsNumber(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decimalAsNumber)
  return typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value
}

function decimalsAsNumbers(model: ExpandedModel, rows: readonly Record<string, unknown>[]): Record<string, unknown>[] {
  const decimals = model.fields.filter((f) => f.def.type === 'Decimal').map((f) => f.name)
  if (decimals.length === 0) return [...rows]
  return rows.map((row) => {
    const copy = { ...row }
    for (const name of decimals) if (name in copy) copy[name] = decimalAsNumber(copy[name])
    return copy
  })
}
