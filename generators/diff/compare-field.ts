import type { IrConstraints, IrShapeField, IrStoredField, IrValueType } from '../ir/types.ts'
import type { Change, Impact } from './changes.ts'

type AnyField = IrStoredField | IrShapeField
const isStored = (f: AnyField): f is IrStoredField => 'column' in f

/** Changes to one field that exists in both versions. `owner` is 'shape' for fields inside a Json type (no column). */
export function compareField(subject: string, b: AnyField, h: AnyField, owner: 'model' | 'shape'): Change[] {
  const out: Change[] = []
  const db = (impact: Impact): Impact => (owner === 'shape' ? 'none' : impact)
  const hidden = isStored(h) && h.private
  const api = (impact: Impact): Impact => (hidden ? 'none' : impact)
  const add = (kind: string, message: string, database: Impact, apiImpact: Impact) => out.push({ kind, subject, message, database: db(database), api: api(apiImpact), location: h.location, side: 'head' })

  const typeChange = classifyType(b.type, h.type, b, h)
  if (typeChange) add('type-changed', `type of \`${subject}\` changed from ${describeType(b.type)} to ${describeType(h.type)}${typeChange.note}`, typeChange.database, typeChange.api)
  if (b.list !== h.list) add('list-changed', `\`${subject}\` ${h.list ? 'became a list' : 'is no longer a list'}`, 'breaking', 'breaking')
  if (b.optional && !h.optional) {
    const hasDefault = isStored(h) && h.default !== undefined
    add('became-required', `\`${subject}\` became required${hasDefault ? ' (it has a default)' : ' without a default: existing nulls stop the migration'}`, hasDefault ? 'safe' : 'breaking', 'breaking')
  }
  if (!b.optional && h.optional) add('became-optional', `\`${subject}\` became optional: responses may now hold null`, 'safe', 'breaking')
  out.push(...compareConstraints(subject, b.constraints, h.constraints).map((c) => ({ ...c, database: 'none' as const, api: api(c.api), location: h.location })))
  if (isStored(b) && isStored(h)) {
    if (b.default !== undefined && h.default === undefined) add('default-removed', `default of \`${subject}\` removed: create inputs must now give it`, 'safe', h.optional ? 'safe' : 'breaking')
    if (b.default === undefined && h.default !== undefined) add('default-added', `default added to \`${subject}\``, 'safe', 'safe')
    if (!b.unique && h.unique) add('unique-added', `\`${subject}\` became unique: existing duplicates stop the migration`, 'breaking', 'none')
    if (b.unique && !h.unique) add('unique-removed', `\`${subject}\` is no longer unique`, 'safe', 'none')
    if (!b.private && h.private) out.push({ kind: 'became-private', subject, message: `\`${subject}\` became private: it leaves every API schema`, database: 'none', api: 'breaking', location: h.location, side: 'head' })
    if (b.private && !h.private) out.push({ kind: 'became-public', subject, message: `\`${subject}\` is no longer private: it appears in the API`, database: 'none', api: 'safe', location: h.location, side: 'head' })
    if (!b.readOnly && h.readOnly) add('became-read-only', `\`${subject}\` became read-only: inputs no longer accept it`, 'none', 'breaking')
    if (b.readOnly && !h.readOnly) add('became-writable', `\`${subject}\` is no longer read-only`, 'none', 'safe')
  }
  return out
}

/** Widening keeps every stored value and every valid payload; narrowing may lose either. */
function classifyType(b: IrValueType, h: IrValueType, bf: AnyField, hf: AnyField): { database: Impact; api: Impact; note: string } | undefined {
  const name = (t: IrValueType) => (t.kind === 'enum' ? `enum:${t.enum}` : `${t.scalar}${t.shape ? `:${t.shape}` : ''}`)
  const native = (f: AnyField) => (isStored(f) && f.nativeType ? `${f.nativeType.name}(${f.nativeType.args.join(',')})` : '')
  if (name(b) === name(h)) {
    if (native(bf) === native(hf)) return undefined
    const widened = widerNative(bf as IrStoredField, hf as IrStoredField)
    return { database: widened ? 'safe' : 'breaking', api: 'none', note: ` (database type ${native(bf) || 'default'} → ${native(hf) || 'default'}${widened ? ', widened' : ''})` }
  }
  const widenings = new Set(['Int>BigInt', 'Int>Float', 'Int>Decimal', 'Float>Decimal', 'Decimal>Float'])
  const key = `${b.kind === 'scalar' ? b.scalar : 'enum'}>${h.kind === 'scalar' ? h.scalar : 'enum'}`
  const sameJson = new Set(['Int>BigInt', 'Float>Decimal', 'Decimal>Float', 'Int>Float', 'Int>Decimal'])
  if (widenings.has(key)) return { database: 'safe', api: sameJson.has(key) ? 'safe' : 'breaking', note: ' (widened)' }
  if (b.kind === 'scalar' && h.kind === 'scalar' && b.scalar === 'Json' && h.scalar === 'Json') return { database: 'none', api: 'breaking', note: '' }
  return { database: 'breaking', api: 'breaking', note: '' }
}

function widerNative(b: IrStoredField, h: IrStoredField): boolean {
  const bn = b.nativeType
  const hn = h.nativeType
  if (!hn) return bn?.name === 'VarChar' || bn?.name === 'Char' // dropping a length limit widens
  if (!bn || bn.name !== hn.name) return false
  return hn.args.every((arg, i) => arg >= (bn.args[i] ?? Infinity)) && (hn.args[0] ?? 0) - (hn.args[1] ?? 0) >= (bn.args[0] ?? 0) - (bn.args[1] ?? 0)
}

/** Tightened bounds and patterns reject payloads that were valid: breaking for API inputs. */
function compareConstraints(subject: string, b: IrConstraints, h: IrConstraints): Omit<Change, 'location' | 'database'>[] {
  const out: Omit<Change, 'location' | 'database'>[] = []
  const bound = (key: keyof IrConstraints, tighter: (old: number, now: number) => boolean) => {
    const old = b[key] as number | undefined
    const now = h[key] as number | undefined
    if (old === now) return
    const tightened = now !== undefined && (old === undefined || tighter(old, now))
    const message = `\`${key}\` of \`${subject}\` ${old === undefined ? `set to ${now}` : now === undefined ? `removed (was ${old})` : `changed from ${old} to ${now}`}`
    out.push({ kind: tightened ? 'constraint-tightened' : 'constraint-widened', subject, message, api: tightened ? 'breaking' : 'safe', side: 'head' })
  }
  bound('min', (old, now) => now > old)
  bound('max', (old, now) => now < old)
  bound('minLength', (old, now) => now > old)
  bound('maxLength', (old, now) => now < old)
  bound('length', () => true)
  for (const key of ['pattern', 'format'] as const) {
    if (b[key] === h[key]) continue
    const tightened = h[key] !== undefined
    const message = `\`${key}\` of \`${subject}\` ${b[key] === undefined ? `set to ${h[key]}` : h[key] === undefined ? 'removed' : `changed from ${b[key]} to ${h[key]}`}`
    out.push({ kind: tightened ? 'constraint-tightened' : 'constraint-widened', subject, message, api: tightened ? 'breaking' : 'safe', side: 'head' })
  }
  return out
}

const describeType = (t: IrValueType) => (t.kind === 'enum' ? t.enum : t.shape ? `Json (${t.shape})` : t.scalar)
