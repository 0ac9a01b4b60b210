import type { DefaultFunction, FieldConstraints, ReferentialAction, ScalarType, StringFormat } from '../language/language.ts'
import type { IndexKey, WhereCondition } from '../language/index-key.ts'

export type { ReferentialAction, ScalarType, StringFormat }

/**
 * Where a declaration is written: its model file, the path to it in the file's data, and whether the
 * key or the value is meant. Plain data, like the rest of the IR (it survives structuredClone and
 * JSON); whoever prints a line and column resolves it against the file (SourceFile.locate).
 */
export interface IrLocation {
  /** Relative to the models folder, `/`-separated. */
  readonly file: string
  readonly path: readonly (string | number)[]
  readonly part: 'key' | 'value'
}

/**
 * The intermediate representation: the only input of emitters. Plain, deeply frozen data.
 * Top-level lists are sorted by name; fields keep declaration order (mixin fields first);
 * every declaration carries the location it was written at. No target syntax lives here.
 */
export interface Ir {
  /** The models folder relative to the output root, `/`-separated (e.g. `models`). */
  readonly modelsDir: string
  readonly domains: readonly IrDomain[]
  readonly enums: readonly IrEnum[]
  readonly shapes: readonly IrShape[]
  readonly models: readonly IrModel[]
  /** PostgreSQL extensions the schema needs (declared by files and implied by native types), sorted. */
  readonly extensions: readonly string[]
  /** The settings file's values (models/pika.settings.yaml), defaults filled in. */
  readonly settings: Settings
}

/** Settings of the whole data model, from the settings file beside the models. */
export interface Settings {
  readonly openapi: OpenApiInfo
}

/** The OpenAPI document's `info`. */
export interface OpenApiInfo {
  readonly title: string
  readonly version: string
  readonly description: string
}

/** One model file. */
export interface IrDomain {
  /** File name relative to the models folder, e.g. `gym.yaml`. */
  readonly file: string
  /** The file name without extension, e.g. `gym`, `communication-log`. */
  readonly name: string
  readonly description?: string
}

interface Documented {
  readonly description?: string
  readonly deprecated?: boolean
  readonly location: IrLocation
}

export interface IrEnum extends Documented {
  readonly kind: 'enum'
  readonly name: string
  readonly domain: string
  readonly renamedFrom?: string
  readonly values: readonly IrEnumValue[]
}

export interface IrEnumValue {
  readonly name: string
  readonly description?: string
  readonly renamedFrom?: string
}

/** A named JSON shape (`types:`), typing Json columns. */
export interface IrShape extends Documented {
  readonly kind: 'shape'
  readonly name: string
  readonly domain: string
  readonly fields: readonly IrShapeField[]
}

/** A field's validation keys, as written in the model (the language and the IR share their meaning). */
export type IrConstraints = FieldConstraints

/** What a value of a field is: a scalar (maybe with a JSON shape), or an enum. */
export type IrValueType =
  | { readonly kind: 'scalar'; readonly scalar: ScalarType; readonly shape?: string }
  | { readonly kind: 'enum'; readonly enum: string }

export interface IrShapeField extends Documented {
  readonly name: string
  readonly type: IrValueType
  readonly optional: boolean
  readonly list: boolean
  readonly constraints: IrConstraints
  readonly example?: unknown
}

export type IrDefault =
  | { readonly kind: 'value'; readonly value: unknown }
  | { readonly kind: 'function'; readonly function: DefaultFunction }

export type IrField = IrStoredField | IrRelationField

interface IrFieldBase extends Documented {
  readonly name: string
  /** The mixin the field came from, if any. */
  readonly mixin?: string
  readonly renamedFrom?: string
}

/** A column: a scalar or enum value stored in the model's table. */
export interface IrStoredField extends IrFieldBase {
  readonly kind: 'stored'
  readonly type: IrValueType
  readonly optional: boolean
  readonly list: boolean
  /** The column name; equals `name` unless mapped. */
  readonly column: string
  readonly id: boolean
  readonly unique: boolean
  readonly updatedAt: boolean
  readonly default?: IrDefault
  /** Native database type, e.g. { name: 'Decimal', args: [10, 2] }. */
  readonly nativeType?: { readonly name: string; readonly args: readonly number[] }
  readonly constraints: IrConstraints
  readonly example?: unknown
  /** Set by the server: read schemas only. */
  readonly readOnly: boolean
  /** Accepted in inputs, never returned. */
  readonly writeOnly: boolean
  /** Never in any API schema. */
  readonly private: boolean
  /** True when this column is (part of) the foreign key of a relation field of the same model. */
  readonly foreignKey: boolean
}

/** What every end of a relation has; the other end is `opposite` in model `target`. */
interface IrRelationEnd extends IrFieldBase {
  readonly kind: 'relation'
  readonly target: string
  /** The field on `target` that is the other end. */
  readonly opposite: string
  /** The explicit relation name, needed when two models are related more than once. */
  readonly relationName?: string
  readonly optional: boolean
  readonly list: boolean
  readonly cardinality: 'one-to-one' | 'one-to-many' | 'many-to-many'
}

/** The end that holds the foreign key: its local fields, the target fields they reference, and the actions. */
export interface IrOwnerRelation extends IrRelationEnd {
  readonly side: 'owner'
  /** Local foreign-key fields and the target fields they reference, in order. */
  readonly fields: readonly string[]
  readonly references: readonly string[]
  readonly onDelete?: ReferentialAction
  readonly onUpdate?: ReferentialAction
}

/** An end without keys: `back`, the other side of an owner; `many`, an end of a many-to-many relation (a join table). */
export interface IrKeylessRelation extends IrRelationEnd {
  readonly side: 'back' | 'many'
}

/** One end of a relation, narrowed by `side`: only the owner carries the foreign key. */
export type IrRelationField = IrOwnerRelation | IrKeylessRelation

export const isStoredField = (field: IrField): field is IrStoredField => field.kind === 'stored'
export const isRelationField = (field: IrField): field is IrRelationField => field.kind === 'relation'
export const isOwnerRelation = (field: IrField): field is IrOwnerRelation => field.kind === 'relation' && field.side === 'owner'

export interface IrIndex {
  readonly fields: readonly string[]
  readonly name?: string
  readonly location: IrLocation
}

/**
 * An index the Prisma schema cannot hold, kept in the managed SQL: a partial index (`where:`) or
 * one with expression keys (`lower(email)`), unique or not.
 */
export interface IrManagedIndex {
  readonly unique: boolean
  readonly keys: readonly IrIndexKey[]
  /** The `where:` as written, and its conditions (AND); absent for a full index. */
  readonly where?: { readonly text: string; readonly conditions: readonly IrWhereCondition[] }
  /** The database name: as written, or managedIndexName's. */
  readonly name: string
  readonly location: IrLocation
}

export type IrIndexKey = IndexKey & { readonly column: string; /** As written: `lower(email)`. */ readonly text: string }
export type IrWhereCondition = WhereCondition & { readonly column: string }

export interface IrSeed {
  readonly rows: readonly Readonly<Record<string, unknown>>[]
  readonly generate: number
  readonly location: IrLocation
}

/** A rule across fields of one model (`checks:`), enforced by a CHECK constraint and by zod. */
export interface IrCheck {
  readonly name: string
  /** As written, e.g. `endTime > startTime`. */
  readonly rule: string
  readonly left: IrCheckOperand
  readonly op: '<' | '<=' | '>' | '>=' | '=' | '!='
  readonly right: IrCheckOperand
  /** `time` compares DateTime values, `number` numbers. */
  readonly compares: 'number' | 'time'
  readonly description?: string
  readonly location: IrLocation
}

export type IrCheckOperand = { readonly kind: 'field'; readonly field: string; readonly column: string } | { readonly kind: 'number'; readonly value: number }

export interface IrModel extends Documented {
  readonly kind: 'model'
  readonly name: string
  readonly domain: string
  /** The table name; equals the model name unless mapped. */
  readonly table: string
  readonly renamedFrom?: string
  readonly fields: readonly IrField[]
  /** The primary key's fields (one for a field id, several for a compound id). */
  readonly primaryKey: IrIndex & { readonly compound: boolean }
  readonly indexes: readonly IrIndex[]
  readonly uniques: readonly IrIndex[]
  /** Partial and expression indexes and uniques (`indexes:`/`uniques:` with `where:` or `lower(…)`), in the order written. */
  readonly managedIndexes: readonly IrManagedIndex[]
  readonly checks: readonly IrCheck[]
  readonly seed?: IrSeed
  readonly archive?: IrArchivePolicy
  /** `softDelete: true`: rows are marked deleted in `column` (a nullable DateTime, indexed) instead of removed. */
  readonly softDelete?: { readonly field: string; readonly column: string; readonly location: IrLocation }
}

/** Rows whose `column` (a DateTime) is older than `afterDays` days belong in the archive table. */
export interface IrArchivePolicy {
  readonly afterDays: number
  /** The field that decides, and its column name. */
  readonly field: string
  readonly column: string
  readonly location: IrLocation
}
