import type { MessageId, MessageParams } from '../diagnostics/diagnostic.ts'
import { closestName } from '../diagnostics/suggest.ts'
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

/** A PIKA306 message with its parameters. */
type NativeTypeProblem = { [M in MessageId<'PIKA306'>]: { readonly id: M; readonly params: MessageParams<'PIKA306', M> } }[MessageId<'PIKA306'>]

/** Why a native type does not fit a scalar (a PIKA306 message), or undefined when it does. */
export function checkNativeType(scalar: ScalarType, text: string): NativeTypeProblem | undefined {
  const native = parseNativeType(text)
  const allowed = NATIVE_TYPES[scalar]
  const names = Object.keys(allowed)
  if (!native) return { id: 'notANativeType', params: { text } }
  // Own keys only: `db: constructor` must not find Object.prototype.constructor.
  const arities = Object.hasOwn(allowed, native.name) ? allowed[native.name]! : undefined
  if (!arities) return { id: 'notForScalar', params: { native: native.name, scalar, suggestion: closestName(native.name, names), known: names.join(', ') } }
  if (!arities.includes(native.args.length)) {
    const max = Math.max(...arities)
    if (max === 0) return { id: 'takesNoArguments', params: { native: native.name, count: native.args.length } }
    const takes = `${arities.map((a) => (a === 0 ? 'none' : String(a))).join(' or ')} argument${max === 1 ? '' : 's'}`
    return { id: 'argumentCount', params: { native: native.name, takes, count: native.args.length, argumentNames: max === 1 ? 'n' : 'p,s' } }
  }
  if (native.name === 'Decimal' && native.args.length === 2) {
    const [precision, scale] = native.args as [number, number]
    if (precision < 1 || precision > 1000 || scale > precision) return { id: 'decimalArguments', params: { precision, scale } }
  }
  if ((native.name === 'VarChar' || native.name === 'Char') && native.args[0] === 0) return { id: 'emptyText', params: { native: native.name } }
  const range = Object.hasOwn(ARGUMENT_RANGES, native.name) ? ARGUMENT_RANGES[native.name] : undefined
  const arg = native.args[0]
  if (range && arg !== undefined && (arg < range.min || arg > range.max)) {
    const params = { what: range.what, native: native.name, min: range.min, max: range.max.toLocaleString('en'), argument: arg.toLocaleString('en'), plainArgument: arg }
    return { id: 'argumentRange', params }
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
