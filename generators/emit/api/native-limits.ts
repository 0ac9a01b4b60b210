import type { IrConstraints, IrShapeField, IrStoredField } from '../../ir/types.ts'
import { numericRange } from '../../language/native-types.ts'

/** A field's API rules: what the model states, narrowed by what its column can hold. */
export interface ApiRules extends IrConstraints {
  /** Decimal(p,s): values must be multiples of 10^-s, so the column never rounds them. */
  readonly multipleOf?: number
}

/**
 * The column's limits become API rules where the model states none (or a looser one, which
 * validation refuses anyway): VarChar(n)/Char(n) → maxLength n, SmallInt → its range,
 * Decimal(p,s) → |value| < 10^(p−s) and at most s decimals. Without this the API accepts what the
 * database then refuses (a 500) or rounds in silence.
 */
export function apiRules(field: IrStoredField | IrShapeField): ApiRules {
  const stated = field.constraints
  const native = 'nativeType' in field ? field.nativeType : undefined
  if (!native) return stated
  const [first, second] = native.args
  switch (native.name) {
    case 'VarChar':
    case 'Char':
      if (first === undefined || stated.length !== undefined) return stated
      return { ...stated, maxLength: Math.min(stated.maxLength ?? first, first) }
    case 'SmallInt':
    case 'Decimal': {
      const range = numericRange(native)
      if (!range) return stated
      const narrowed = { ...stated, min: Math.max(stated.min ?? range.min, range.min), max: Math.min(stated.max ?? range.max, range.max) }
      return native.name === 'Decimal' ? { ...narrowed, multipleOf: decimalStep(second ?? 0) } : narrowed
    }
    default:
      return stated
  }
}

/** 10^−s written as a decimal literal (0.01), not 1e-2 arithmetic, so it prints the same everywhere. */
export const decimalStep = (scale: number): number => Number(scale === 0 ? '1' : `0.${'0'.repeat(scale - 1)}1`)
