/**
 * The shape of a model file once it has passed the JSON Schema (schema/pika-model.schema.json).
 * Kept beside the loader because it describes what the YAML holds, not what the compiler makes of it.
 */
import type { FieldConstraints, ReferentialAction } from '../language/language.ts'

export interface ModelFileData {
  readonly description?: string
  /** PostgreSQL extensions the domain needs beyond those its native types imply. */
  readonly extensions?: readonly string[]
  readonly enums?: Readonly<Record<string, RawEnum>>
  readonly types?: Readonly<Record<string, RawShape>>
  readonly mixins?: Readonly<Record<string, RawMixin>>
  readonly models?: Readonly<Record<string, RawModel>>
}

export interface RawEnum {
  readonly description?: string
  readonly deprecated?: boolean
  readonly renamedFrom?: string
  readonly values: readonly (string | RawEnumValue)[]
}

export interface RawEnumValue {
  readonly name: string
  readonly description?: string
  readonly renamedFrom?: string
}

export interface RawShape {
  readonly description?: string
  readonly fields: Readonly<Record<string, RawField>>
}

export interface RawMixin {
  readonly description?: string
  readonly mixins?: readonly string[]
  readonly fields: Readonly<Record<string, RawField>>
  readonly indexes?: readonly RawIndex[]
}

/** A rule across the fields of one model: `rule` compares two fields, or a field and a number. */
export interface RawCheck {
  readonly name: string
  readonly rule: string
  readonly description?: string
}

export interface RawModel {
  readonly checks?: readonly RawCheck[]
  readonly table?: string
  readonly description?: string
  readonly deprecated?: boolean
  readonly renamedFrom?: string
  readonly mixins?: readonly string[]
  readonly fields: Readonly<Record<string, RawField>>
  readonly id?: RawIndex
  readonly indexes?: readonly RawIndex[]
  readonly uniques?: readonly RawIndex[]
  readonly seed?: { readonly rows?: readonly Record<string, unknown>[]; readonly generate?: number }
  readonly archive?: RawArchivePolicy
  /** Rows are marked deleted (`deletedAt`) instead of removed; see docs/model-language.md. */
  readonly softDelete?: boolean
}

/** Rows whose `by` is more than `afterDays` days old are moved to the archive table by `db:archive`. */
export interface RawArchivePolicy {
  readonly afterDays: number
  readonly by: string
}

export interface RawIndex {
  /** Field names, or `lower(field)` / `upper(field)` (an expression index). */
  readonly fields: readonly string[]
  readonly name?: string
  /** A partial index's condition: `deletedAt IS NULL AND status = ACTIVE`. */
  readonly where?: string
}

export interface RawRelation {
  readonly name?: string
  readonly fields?: readonly string[]
  readonly references?: readonly string[]
  readonly onDelete?: ReferentialAction
  readonly onUpdate?: ReferentialAction
}


export interface RawField extends RawConstraints {
  readonly type: string
  readonly optional?: boolean
  readonly list?: boolean
  readonly id?: boolean
  readonly unique?: boolean
  readonly default?: unknown
  readonly updatedAt?: boolean
  readonly map?: string
  readonly db?: string
  readonly relation?: RawRelation
  readonly shape?: string
  readonly description?: string
  readonly deprecated?: boolean
  readonly example?: unknown
  readonly readOnly?: boolean
  readonly writeOnly?: boolean
  readonly private?: boolean
  readonly renamedFrom?: string
}

/** The validation keys of a field, as written (see language.ts). */
export type RawConstraints = FieldConstraints
