/**
 * The facts of the model language that more than one stage needs: its scalar types, string formats
 * (with the patterns every stage checks them by), default functions and referential actions. The
 * validators, the IR, the emitters and the docs read them from here; this module imports nothing,
 * so any stage can. Native types and numeric bounds are in native-types.ts.
 */

export const SCALAR_TYPES = ['String', 'Int', 'BigInt', 'Float', 'Decimal', 'Boolean', 'DateTime', 'Json', 'Bytes'] as const
export type ScalarType = (typeof SCALAR_TYPES)[number]
export const isScalarType = (type: string): type is ScalarType => (SCALAR_TYPES as readonly string[]).includes(type)
/** The scalars `min` and `max` apply to, and that model checks compare as numbers. */
export const NUMERIC_SCALARS: readonly ScalarType[] = ['Int', 'BigInt', 'Float', 'Decimal']

/**
 * The string formats of the language and what each accepts. Deliberately simple and shared with the
 * zod and OpenAPI emitters and the database CHECKs: what these accept is what the generated
 * validators accept.
 */
export const FORMAT_PATTERNS = {
  email: /^[^\s@]+@[^\s@]+\.[^\s@]+$/,
  url: /^https?:\/\/[^\s/$.?#].[^\s]*$/,
  uuid: /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/,
  cuid: /^c[a-z0-9]{24}$/,
  e164: /^\+[1-9]\d{1,14}$/,
  date: /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/,
  'date-time': /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/,
} as const satisfies Readonly<Record<string, RegExp>>
export type StringFormat = keyof typeof FORMAT_PATTERNS
/** What a format name alone does not say, for the docs and the JSON Schema's description. */
export const FORMAT_NOTES: Readonly<Partial<Record<StringFormat, string>>> = { e164: 'phone number', date: 'YYYY-MM-DD', 'date-time': 'ISO 8601' }

/** The default functions (`default: now()`) and the scalar types each may be the default of. */
export const DEFAULT_FUNCTIONS = {
  now: ['DateTime'],
  cuid: ['String'],
  uuid: ['String'],
  autoincrement: ['Int', 'BigInt'],
} as const satisfies Readonly<Record<string, readonly ScalarType[]>>
export type DefaultFunction = keyof typeof DEFAULT_FUNCTIONS

/** The default function a `default:` calls (`now()` → `now`), if it is one of the language's. */
export function defaultFunctionOf(value: unknown): DefaultFunction | undefined {
  if (typeof value !== 'string' || !value.endsWith('()')) return undefined
  const name = value.slice(0, -2)
  return Object.hasOwn(DEFAULT_FUNCTIONS, name) ? (name as DefaultFunction) : undefined
}

/** What the database does to the rows that refer to a row deleted or updated (`onDelete`, `onUpdate`). */
export const REFERENTIAL_ACTIONS = ['Cascade', 'Restrict', 'NoAction', 'SetNull', 'SetDefault'] as const
export type ReferentialAction = (typeof REFERENTIAL_ACTIONS)[number]

/** The validation keys of a field: bounds for numbers; lengths, pattern and format for strings. */
export interface FieldConstraints {
  readonly min?: number
  readonly max?: number
  readonly minLength?: number
  readonly maxLength?: number
  readonly length?: number
  readonly pattern?: string
  readonly format?: StringFormat
  /** List fields only: item count bounds. */
  readonly minItems?: number
  readonly maxItems?: number
}
