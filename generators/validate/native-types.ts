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
export function checkNativeType(scalar: ScalarType, text: string): string | undefined {
  const native = parseNativeType(text)
  const allowed = NATIVE_TYPES[scalar]
  const names = Object.keys(allowed).join(', ')
  if (!native) return `\`${text}\` is not a native type; write it like \`VarChar(255)\` or \`Decimal(10,2)\``
  const arities = allowed[native.name]
  if (!arities) return `\`${native.name}\` is not a native type for ${scalar}; use one of ${names}`
  if (!arities.includes(native.args.length)) return `\`${native.name}\` takes ${arities.filter((a) => a > 0).join(' or ') || 'no'} argument(s)`
  if (native.name === 'Decimal' && native.args.length === 2) {
    const [precision, scale] = native.args as [number, number]
    if (precision < 1 || precision > 1000 || scale > precision) return `Decimal(${precision},${scale}) needs 1 ≤ precision ≤ 1000 and scale ≤ precision`
  }
  if ((native.name === 'VarChar' || native.name === 'Char') && native.args[0] === 0) return `${native.name}(0) cannot hold any text`
  return undefined
}
