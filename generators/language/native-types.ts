import type { ScalarType } from './language.ts'

// The PostgreSQL native types of the language (`db:`), their arguments and the numbers they hold.

/** A parsed `db:` key, e.g. `Decimal(10,2)` → { name: 'Decimal', args: [10, 2] }. */
export interface NativeType {
  readonly name: string
  readonly args: readonly number[]
}

/** PostgreSQL native types Prisma offers for each scalar, with how many arguments each takes. */
export const NATIVE_TYPES: Readonly<Record<ScalarType, Readonly<Record<string, readonly number[]>>>> = {
  String: { Text: [0], VarChar: [0, 1], Char: [0, 1], Uuid: [0], Citext: [0], Inet: [0] },
  Int: { Integer: [0], SmallInt: [0] },
  BigInt: { BigInt: [0] },
  Float: { DoublePrecision: [0], Real: [0] },
  Decimal: { Decimal: [0, 2], Money: [0] },
  Boolean: { Boolean: [0] },
  DateTime: { Timestamp: [0, 1], Timestamptz: [0, 1], Date: [0], Time: [0, 1], Timetz: [0, 1] },
  Json: { Json: [0], JsonB: [0] },
  Bytes: { ByteA: [0] },
}

export function parseNativeType(text: string): NativeType | undefined {
  const match = /^([A-Za-z]+)(?:\((\d+(?:\s*,\s*\d+)*)\))?$/.exec(text.trim())
  if (!match) return undefined
  return { name: match[1]!, args: match[2] ? match[2].split(',').map((a) => Number(a.trim())) : [] }
}

/** Native types that exist only once a PostgreSQL extension is created. */
export const NATIVE_TYPE_EXTENSIONS: Readonly<Record<string, string>> = { Citext: 'citext' }

/** The argument ranges PostgreSQL accepts (Prisma's validator refuses the rest). */
export const ARGUMENT_RANGES: Readonly<Record<string, { readonly min: number; readonly max: number; readonly what: string }>> = {
  VarChar: { min: 1, max: 10_485_760, what: 'length' },
  Char: { min: 1, max: 10_485_760, what: 'length' },
  Timestamp: { min: 0, max: 6, what: 'fractional-second precision' },
  Timestamptz: { min: 0, max: 6, what: 'fractional-second precision' },
  Time: { min: 0, max: 6, what: 'fractional-second precision' },
  Timetz: { min: 0, max: 6, what: 'fractional-second precision' },
}

/** The precision `Decimal(p,s)` takes (and its scale is at most its precision). */
export const DECIMAL_PRECISION = { min: 1, max: 1000 }

/** What an Int (a PostgreSQL integer) holds. */
export const INT32 = { min: -2147483648, max: 2147483647 }
/** What a SmallInt holds. */
export const INT16 = { min: -32768, max: 32767 }

/** The values a numeric native type holds, when it bounds them: SmallInt, Integer, Decimal(p,s). */
export function numericRange(native: NativeType): { min: number; max: number } | undefined {
  if (native.name === 'SmallInt') return INT16
  if (native.name === 'Integer') return INT32
  if (native.name === 'Decimal' && native.args.length > 0) {
    const [precision, scale = 0] = native.args as [number, number?]
    const largest = Number(`${'9'.repeat(precision - scale) || '0'}.${'9'.repeat(scale)}`)
    return Number.isFinite(largest) ? { min: -largest, max: largest } : undefined
  }
  return undefined
}
