import { didYouMean } from '../diagnostics/suggest.ts'
import type { ScalarType } from './symbols.ts'

/** A parsed `db:` key, e.g. `Decimal(10,2)` → { name: 'Decimal', args: [10, 2] }. */
export interface NativeType {
  readonly name: string
  readonly args: readonly number[]
}

/** PostgreSQL native types Prisma offers for each scalar, with how many arguments each takes. */
const NATIVE_TYPES: Readonly<Record<ScalarType, Readonly<Record<string, readonly number[]>>>> = {
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

/** Why a native type does not fit a scalar, or undefined when it does. */
export function checkNativeType(scalar: ScalarType, text: string): { message: string; hint?: string } | undefined {
  const native = parseNativeType(text)
  const allowed = NATIVE_TYPES[scalar]
  const names = Object.keys(allowed)
  if (!native) return { message: `\`${text}\` is not a native type`, hint: 'Write it like `VarChar(255)` or `Decimal(10,2)`.' }
  // Own keys only: `db: constructor` must not find Object.prototype.constructor.
  const arities = Object.hasOwn(allowed, native.name) ? allowed[native.name]! : undefined
  if (!arities) {
    const hint = didYouMean(native.name, names) ?? `Native types for ${scalar}: ${names.join(', ')}.`
    return { message: `\`${native.name}\` is not a native type for ${scalar}`, hint }
  }
  if (!arities.includes(native.args.length)) {
    const max = Math.max(...arities)
    const takes = max === 0 ? 'no arguments' : `${arities.map((a) => (a === 0 ? 'none' : String(a))).join(' or ')} argument${max === 1 ? '' : 's'}`
    const hint = max === 0 ? `Write \`${native.name}\` without parentheses.` : `Write \`${native.name}\` or \`${native.name}(${max === 1 ? 'n' : 'p,s'})\`.`
    return { message: `\`${native.name}\` takes ${takes}, not ${native.args.length}`, hint }
  }
  if (native.name === 'Decimal' && native.args.length === 2) {
    const [precision, scale] = native.args as [number, number]
    if (precision < 1 || precision > 1000 || scale > precision) return { message: `Decimal(${precision},${scale}) needs 1 ≤ precision ≤ 1000 and scale ≤ precision` }
  }
  if ((native.name === 'VarChar' || native.name === 'Char') && native.args[0] === 0) return { message: `${native.name}(0) cannot hold any text` }
  const range = Object.hasOwn(ARGUMENT_RANGES, native.name) ? ARGUMENT_RANGES[native.name] : undefined
  const arg = native.args[0]
  if (range && arg !== undefined && (arg < range.min || arg > range.max)) {
    return { message: `the ${range.what} of ${native.name} must be between ${range.min} and ${range.max.toLocaleString('en')}, not ${arg.toLocaleString('en')}`, hint: `PostgreSQL refuses ${native.name}(${arg}).` }
  }
  return undefined
}

/** Native types that exist only once a PostgreSQL extension is created. */
export const NATIVE_TYPE_EXTENSIONS: Readonly<Record<string, string>> = { Citext: 'citext' }

/** The argument ranges PostgreSQL accepts (Prisma's validator refuses the rest). */
const ARGUMENT_RANGES: Readonly<Record<string, { readonly min: number; readonly max: number; readonly what: string }>> = {
  VarChar: { min: 1, max: 10_485_760, what: 'length' },
  Char: { min: 1, max: 10_485_760, what: 'length' },
  Timestamp: { min: 0, max: 6, what: 'fractional-second precision' },
  Timestamptz: { min: 0, max: 6, what: 'fractional-second precision' },
  Time: { min: 0, max: 6, what: 'fractional-second precision' },
  Timetz: { min: 0, max: 6, what: 'fractional-second precision' },
}

export const INT32 = { min: -2147483648, max: 2147483647 }

/** The values a numeric native type holds, when it bounds them: SmallInt, Integer, Decimal(p,s). */
export function numericRange(native: NativeType): { min: number; max: number } | undefined {
  if (native.name === 'SmallInt') return { min: -32768, max: 32767 }
  if (native.name === 'Integer') return INT32
  if (native.name === 'Decimal' && native.args.length > 0) {
    const [precision, scale = 0] = native.args as [number, number?]
    const largest = Number(`${'9'.repeat(precision - scale) || '0'}.${'9'.repeat(scale)}`)
    return Number.isFinite(largest) ? { min: -largest, max: largest } : undefined
  }
  return undefined
}
