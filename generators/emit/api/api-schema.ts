import { isStoredField, type IrCheck, type IrEnum, type IrModel, type IrShape, type IrShapeField, type IrStoredField, type IrValueType, type Ir } from '../../ir/types.ts'
import { FORMAT_PATTERNS, type StringFormat } from '../../language/language.ts'
import { INT32 } from '../../language/native-types.ts'
import { declarationsOf, derivedFromIr } from '../../ir/lookup.ts'
import { zodFormatPatterns } from './zod-format-patterns.ts'
import { apiRules, type ApiRules } from './native-limits.ts'

/**
 * The API's view of the models, shared by the zod and OpenAPI emitters so the two cannot disagree:
 * which fields each schema variant has, and what each value looks like on the wire (JSON).
 *
 * Wire representation (documented in docs/api-types.md):
 * - DateTime: ISO 8601 string (`date-time`); Bytes: base64 string.
 * - Decimal: JSON number (exact up to 15 significant digits, which covers Decimal(15,s) and smaller).
 * - BigInt: JSON integer within ±(2^53 − 1); Int: 32-bit integer.
 * - Json: any JSON value, or an object of its `shape`.
 * - Optional columns are nullable: always present in read schemas (maybe null), omittable in inputs.
 */
export type WireType =
  | { readonly kind: 'string'; readonly minLength?: number; readonly maxLength?: number; readonly pattern?: string; readonly format?: StringFormat; readonly encoding?: 'base64'; readonly client?: ClientForm }
  | { readonly kind: 'integer'; readonly bits: 32 | 53; readonly minimum?: number; readonly maximum?: number; readonly client?: ClientForm }
  | { readonly kind: 'number'; readonly minimum?: number; readonly maximum?: number; readonly multipleOf?: number; readonly client?: ClientForm }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'json' }
  | { readonly kind: 'ref'; readonly name: string; readonly of: 'enum' | 'shape' }
  | { readonly kind: 'array'; readonly items: WireType; readonly minItems?: number; readonly maxItems?: number }

/**
 * How the Prisma client holds a column whose JSON form is not the value itself: DateTime as a
 * `Date` (`date-time`, or `date` for a DATE column), Decimal as `Prisma.Decimal`, BigInt as `bigint`,
 * Bytes as `Uint8Array`. zod converts between the two forms (codecs); OpenAPI describes only JSON.
 * Values inside a Json column's shape are JSON in the client too, so they have none.
 */
export type ClientForm = 'date-time' | 'date' | 'decimal' | 'bigint' | 'bytes'

export interface ApiProperty {
  readonly name: string
  readonly type: WireType
  /** Must be present in the payload. */
  readonly required: boolean
  readonly nullable: boolean
  readonly description?: string
  readonly deprecated?: boolean
  readonly example?: unknown
  readonly default?: unknown
  readonly readOnly?: boolean
  readonly writeOnly?: boolean
}

export type Variant = 'read' | 'create' | 'update'

export interface ApiObject {
  /** The schema's name without suffix, e.g. `Gym`, `GymCreate`, `Address`. */
  readonly name: string
  readonly variant: Variant | 'shape'
  readonly description?: string
  readonly deprecated?: boolean
  readonly properties: readonly ApiProperty[]
  /** Inputs reject unknown keys (catching typos); read schemas accept them (forward compatible). */
  readonly strict: boolean
  /** Input schemas: model checks whose fields are all in the object; zod refines, OpenAPI lists them (`x-pika-checks`). */
  readonly checks?: readonly IrCheck[]
}

export const variantSuffix: Readonly<Record<Variant, string>> = { read: '', create: 'Create', update: 'Update' }

/** Descriptions of the three variants, appended to the model's own description. */
const variantNote: Readonly<Record<Variant, string | undefined>> = {
  read: undefined,
  create: 'Input for creating one; fields with defaults may be left out.',
  update: 'Input for updating one; every field is optional.',
}

/**
 * The read, create and update schemas of a model. Relations appear only as their foreign keys.
 * Both API emitters print every model's objects, so each model's are built once and shared
 * (callers must not mutate them).
 */
export const modelObjects: (model: IrModel) => readonly ApiObject[] = derivedFromIr(buildModelObjects)

function buildModelObjects(model: IrModel): ApiObject[] {
  const stored = model.fields.filter((f): f is IrStoredField => isStoredField(f) && !f.private)
  return (['read', 'create', 'update'] as const).map((variant) => {
    const fields = stored.filter((f) => (variant === 'read' ? !f.writeOnly : !f.readOnly))
    const note = variantNote[variant]
    const description = [model.description?.trim(), note].filter(Boolean).join('\n\n')
    return {
      name: `${model.name}${variantSuffix[variant]}`,
      variant,
      ...(description ? { description } : {}),
      ...(model.deprecated ? { deprecated: true } : {}),
      properties: fields.map((f) => storedProperty(f, variant)),
      strict: variant !== 'read',
      // Inputs only: a refined zod object cannot be `.pick`ed, which readers of stored rows do (the seeder).
      ...(variant === 'read' ? {} : checksOver(model.checks, new Set(fields.map((f) => f.name)))),
    }
  })
}

function checksOver(checks: readonly IrCheck[], names: ReadonlySet<string>): { checks?: readonly IrCheck[] } {
  const within = checks.filter((c) => [c.left, c.right].every((o) => o.kind === 'number' || names.has(o.field)))
  return within.length ? { checks: within } : {}
}

export function shapeObject(shape: IrShape): ApiObject {
  return {
    name: shape.name,
    variant: 'shape',
    ...(shape.description ? { description: shape.description } : {}),
    properties: shape.fields.map(shapeProperty),
    strict: true,
  }
}

function storedProperty(field: IrStoredField, variant: Variant): ApiProperty {
  const hasDefault = field.default !== undefined || field.updatedAt
  const required = variant === 'read' || (variant === 'create' && !field.optional && !hasDefault && !field.list)
  const defaultValue = field.default?.kind === 'value' ? field.default.value : undefined
  return {
    name: field.name,
    type: fieldWireType(field),
    required,
    nullable: field.optional,
    ...documentation(field),
    ...(defaultValue !== undefined && variant !== 'read' ? { default: defaultValue } : {}),
    ...(variant === 'read' && field.readOnly ? { readOnly: true } : {}),
    ...(variant !== 'read' && field.writeOnly ? { writeOnly: true } : {}),
  }
}

function shapeProperty(field: IrShapeField): ApiProperty {
  return { name: field.name, type: fieldWireType(field), required: !field.optional, nullable: field.optional, ...documentation(field) }
}

function documentation(field: { description?: string; deprecated?: boolean; example?: unknown }) {
  return {
    ...(field.description ? { description: field.description } : {}),
    ...(field.deprecated ? { deprecated: true } : {}),
    ...(field.example !== undefined ? { example: field.example } : {}),
  }
}


/**
 * A field's wire type, built once and shared by the three variants of its model: the emitters can
 * then also keep what they derive from a wire type by its identity.
 */
const fieldWireType = derivedFromIr((field: IrStoredField | IrShapeField): WireType => {
  const rules = apiRules(field)
  const json = singleWireType(field.type, rules)
  const single = 'column' in field ? withClientForm(json, field) : json
  if (!field.list) return single
  return { kind: 'array', items: single, ...(rules.minItems !== undefined ? { minItems: rules.minItems } : {}), ...(rules.maxItems !== undefined ? { maxItems: rules.maxItems } : {}) }
})

/** A column's wire type with its client form; a DATE column (`db: Date`) is a `date` on the wire. */
function withClientForm(type: WireType, field: IrStoredField): WireType {
  if (type.kind !== 'string' && type.kind !== 'integer' && type.kind !== 'number') return type
  const scalar = field.type.kind === 'scalar' ? field.type.scalar : undefined
  if (scalar === 'DateTime' && type.kind === 'string' && field.nativeType?.name === 'Date') return { ...type, format: 'date', client: 'date' }
  const client = ({ DateTime: 'date-time', Decimal: 'decimal', BigInt: 'bigint', Bytes: 'bytes' } as const)[scalar as string]
  return client ? { ...type, client } : type
}

function singleWireType(type: IrValueType, c: ApiRules): WireType {
  if (type.kind === 'enum') return { kind: 'ref', name: type.enum, of: 'enum' }
  const bounds = { ...(c.min !== undefined ? { minimum: c.min } : {}), ...(c.max !== undefined ? { maximum: c.max } : {}) }
  switch (type.scalar) {
    case 'String': {
      const lengths = c.length !== undefined ? { minLength: c.length, maxLength: c.length } : { ...(c.minLength !== undefined ? { minLength: c.minLength } : {}), ...(c.maxLength !== undefined ? { maxLength: c.maxLength } : {}) }
      const format = c.format ? { format: c.format } : {}
      return { kind: 'string', ...lengths, ...format, ...(c.pattern !== undefined ? { pattern: c.pattern } : {}) }
    }
    case 'Int':
      return { kind: 'integer', bits: 32, minimum: Math.max(INT32.min, c.min ?? INT32.min), maximum: Math.min(INT32.max, c.max ?? INT32.max) }
    case 'BigInt':
      return { kind: 'integer', bits: 53, ...bounds }
    case 'Float':
      return { kind: 'number', ...bounds }
    case 'Decimal':
      return { kind: 'number', ...bounds, ...(c.multipleOf !== undefined ? { multipleOf: c.multipleOf } : {}) }
    case 'Boolean':
      return { kind: 'boolean' }
    case 'DateTime':
      return { kind: 'string', format: 'date-time' }
    case 'Bytes':
      return { kind: 'string', encoding: 'base64', pattern: '^[A-Za-z0-9+/]*={0,2}$' }
    case 'Json':
      return type.shape ? { kind: 'ref', name: type.shape, of: 'shape' } : { kind: 'json' }
  }
}

/** The regular expression that enforces a string format in OpenAPI: zod's own where zod checks the format. */
export function formatPattern(format: StringFormat): string {
  return zodFormatPatterns[format] ?? FORMAT_PATTERNS[format].source
}

/** Everything the API schemas of one domain hold, in IR order. */
export interface ApiDomain {
  readonly enums: readonly IrEnum[]
  readonly shapes: readonly ApiObject[]
  readonly models: readonly (readonly [IrModel, readonly ApiObject[]])[]
}

export function apiDomain(ir: Ir, domain: string): ApiDomain {
  const { enums, shapes, models } = declarationsOf(ir, domain)
  return { enums, shapes: shapes.map(shapeObject), models: models.map((m) => [m, modelObjects(m)] as const) }
}

/** The object schemas of a domain in declaration order: shapes first, then each model's three variants. */
export const domainObjects = (api: ApiDomain): ApiObject[] => [...api.shapes, ...api.models.flatMap(([, objects]) => objects)]

/**
 * An integer's bounds as the printers state them: those its 32-bit format already implies (zod's
 * `int32()`, OpenAPI's `format: int32`) are left out, so zod and OpenAPI print the same rules.
 */
export function statedIntegerBounds(type: Extract<WireType, { kind: 'integer' }>): { minimum?: number; maximum?: number } {
  const implied = (value: number | undefined, limit: number) => value === undefined || (type.bits === 32 && value === limit)
  return {
    ...(implied(type.minimum, INT32.min) ? {} : { minimum: type.minimum! }),
    ...(implied(type.maximum, INT32.max) ? {} : { maximum: type.maximum! }),
  }
}
