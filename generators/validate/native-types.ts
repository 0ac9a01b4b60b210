import type { MessageId, MessageParams } from '../diagnostics/diagnostic.ts'
import { closestName } from '../diagnostics/suggest.ts'
import type { ScalarType } from '../language/language.ts'
import { ARGUMENT_RANGES, DECIMAL_PRECISION, NATIVE_TYPES, parseNativeType } from '../language/native-types.ts'

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
    if (precision < DECIMAL_PRECISION.min || precision > DECIMAL_PRECISION.max || scale > precision) return { id: 'decimalArguments', params: { precision, scale, min: DECIMAL_PRECISION.min, max: DECIMAL_PRECISION.max } }
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
