import type { IrConstraints, IrShapeField, IrStoredField, IrValueType, ScalarType } from '../ir/types.ts'
import { type ApiVerdict, type Change, type Impact, makeChange, verdict } from './changes.ts'

type AnyField = IrStoredField | IrShapeField
const isStored = (f: AnyField): f is IrStoredField => 'column' in f

/** A field's JSON form (docs/api-types.md, "On the wire"): part of every type verdict. */
const WIRE: Readonly<Record<ScalarType, string>> = { String: 'string', Int: 'integer (int32)', BigInt: 'integer (int64, up to 2^53 − 1)', Float: 'number', Decimal: 'number', Boolean: 'boolean', DateTime: 'date-time string', Json: 'any JSON value', Bytes: 'base64 string' }

/** What the change of field means: which names are the same thing (enums renamed with `renamedFrom`). */
export interface FieldContext {
  /** New enum name → its name in the base. */
  readonly enumRenames: ReadonlyMap<string, string>
}

/** Changes to one field that exists in both versions. `owner` is 'shape' for fields inside a Json type (no column). */
export function compareField(subject: string, b: AnyField, h: AnyField, owner: 'model' | 'shape', context: FieldContext): Change[] {
  const out: Change[] = []
  const db = (impact: Impact): Impact => (owner === 'shape' ? 'none' : impact)
  // A direction the field takes no part in is not affected: private fields in neither, read-only ones not in inputs.
  const inInputs = !isStored(h) || (!h.private && !h.readOnly)
  const inReads = !isStored(h) || (!h.private && !h.writeOnly)
  const mask = (v: ApiVerdict): ApiVerdict => verdict(inInputs ? v.request : 'none', inReads ? v.response : 'none', (inInputs && v.request !== 'none') || (inReads && v.response !== 'none') ? v.why : '')
  const add = (kind: string, message: string, database: Impact, api: ApiVerdict) => out.push(makeChange(kind, subject, message, db(database), mask(api), h))

  const typeChange = classifyType(b, h, context)
  if (typeChange) add('type-changed', `type of \`${subject}\` changed from ${describeType(b.type)} to ${describeType(h.type)}${typeChange.note}`, typeChange.database, typeChange.api)
  if (b.list !== h.list) add('list-changed', `\`${subject}\` ${h.list ? 'became a list' : 'is no longer a list'}`, 'breaking', verdict('breaking', 'breaking', `the JSON form changes between a value and an array`))
  if (b.optional && !h.optional) {
    const hasDefault = isStored(h) && h.default !== undefined
    add('became-required', `\`${subject}\` became required${hasDefault ? ' (it has a default)' : ' without a default: existing nulls stop the migration'}`, hasDefault ? 'safe' : 'breaking', verdict(hasDefault ? 'safe' : 'breaking', 'safe', hasDefault ? 'inputs may still leave it out (the default applies); responses no longer hold null' : 'inputs that leave it out or send null are rejected; responses no longer hold null'))
  }
  if (!b.optional && h.optional) add('became-optional', `\`${subject}\` became optional: responses may now hold null`, 'safe', verdict('safe', 'breaking', 'inputs may now leave it out; responses may hold null, which clients built on the previous schema reject'))
  for (const c of compareConstraints(subject, b.constraints, h.constraints)) add(c.kind, c.message, 'none', c.api)
  if (isStored(b) && isStored(h)) {
    if (b.default !== undefined && h.default === undefined) add('default-removed', `default of \`${subject}\` removed: create inputs must now give it`, 'safe', h.optional ? verdict('safe', 'none', 'inputs that leave it out now store null') : verdict('breaking', 'none', 'create inputs that leave it out are rejected'))
    if (b.default === undefined && h.default !== undefined) add('default-added', `default added to \`${subject}\``, 'safe', verdict('safe', 'none', 'create inputs may now leave it out'))
    if (!b.unique && h.unique) add('unique-added', `\`${subject}\` became unique: existing duplicates stop the migration`, 'breaking', verdict('breaking', 'none', 'creates and updates that repeat an existing value now fail with a conflict (Prisma P2002)'))
    if (b.unique && !h.unique) add('unique-removed', `\`${subject}\` is no longer unique`, 'safe', verdict('safe', 'none', 'values may now repeat'))
    const visibility = (kind: string, message: string, api: ApiVerdict) => out.push(makeChange(kind, subject, message, 'none', api, h))
    if (!b.private && h.private) visibility('became-private', `\`${subject}\` became private: it leaves every API schema`, verdict(b.readOnly ? 'none' : 'breaking', b.writeOnly ? 'none' : 'breaking', 'inputs that send it are rejected (unknown key) and responses no longer carry it'))
    if (b.private && !h.private) visibility('became-public', `\`${subject}\` is no longer private: it appears in the API`, verdict(h.readOnly ? 'none' : 'safe', h.writeOnly ? 'none' : 'safe', 'a new key: read schemas accept unknown keys, inputs may leave it out'))
    if (!b.readOnly && h.readOnly) out.push(makeChange('became-read-only', subject, `\`${subject}\` became read-only: inputs no longer accept it`, 'none', verdict(h.private ? 'none' : 'breaking', 'none', 'inputs that send it are rejected (unknown key)'), h))
    if (b.readOnly && !h.readOnly) add('became-writable', `\`${subject}\` is no longer read-only`, 'none', verdict('safe', 'none', 'inputs may now send it'))
  }
  return out
}

/** Database: widening keeps every stored value. API: judged on the JSON form, per direction. */
function classifyType(bf: AnyField, hf: AnyField, context: FieldContext): { database: Impact; api: ApiVerdict; note: string } | undefined {
  const b = bf.type
  const h = hf.type
  const name = (t: IrValueType) => (t.kind === 'enum' ? `enum:${t.enum}` : `${t.scalar}${t.shape ? `:${t.shape}` : ''}`)
  const renamedEnum = h.kind === 'enum' && b.kind === 'enum' && context.enumRenames.get(h.enum) === b.enum
  const native = (f: AnyField) => (isStored(f) && f.nativeType ? `${f.nativeType.name}(${f.nativeType.args.join(',')})` : '')
  if (name(b) === name(h) || renamedEnum) {
    if (native(bf) === native(hf)) return undefined
    const widened = widerNative(bf as IrStoredField, hf as IrStoredField)
    return { database: widened ? 'safe' : 'breaking', api: verdict('none', 'none', ''), note: ` (database type ${native(bf) || 'default'} → ${native(hf) || 'default'}${widened ? ', widened' : ''}; JSON form unchanged)` }
  }
  const wire = (t: IrValueType) => (t.kind === 'enum' ? `one of enum ${t.enum}` : t.shape ? `object of type ${t.shape}` : WIRE[t.scalar])
  const json = `JSON form ${wire(b)} → ${wire(h)}`
  if (b.kind === 'scalar' && h.kind === 'scalar') {
    const key = `${b.scalar}>${h.scalar}`
    const widenings: Record<string, ApiVerdict> = {
      'Int>BigInt': verdict('safe', 'breaking', `${json}: inputs accept larger integers; responses may exceed 32 bits, and the Prisma client now returns \`bigint\`, which \`JSON.stringify(row)\` cannot serialise until the service converts it with Number()`),
      'Int>Float': verdict('safe', 'breaking', `${json}: inputs accept fractions; responses may hold fractions clients expecting integers reject`),
      'Int>Decimal': verdict('safe', 'breaking', `${json}: inputs accept fractions; responses may hold fractions, and the client returns \`Prisma.Decimal\`, which \`JSON.stringify\` writes as a string until the service calls toNumber()`),
      'Float>Decimal': verdict('none', 'breaking', `${json} (unchanged on paper), but the client returns \`Prisma.Decimal\`, which \`JSON.stringify\` writes as a string until the service calls toNumber()`),
      'Decimal>Float': verdict('none', 'safe', `${json}: the client returns a plain number again`),
    }
    if (widenings[key]) return { database: 'safe', api: widenings[key], note: ' (widened)' }
    if (b.scalar === 'Json' && h.scalar === 'Json') return { database: 'none', api: verdict('breaking', 'breaking', `${json}: payloads valid for one shape are not for the other`), note: '' }
  }
  return { database: 'breaking', api: verdict('breaking', 'breaking', `${json}: values valid before are rejected, and clients read a different type`), note: '' }
}

function widerNative(b: IrStoredField, h: IrStoredField): boolean {
  const bn = b.nativeType
  const hn = h.nativeType
  if (!hn) return bn?.name === 'VarChar' || bn?.name === 'Char' // dropping a length limit widens
  if (!bn || bn.name !== hn.name) return false
  return hn.args.every((arg, i) => arg >= (bn.args[i] ?? Infinity)) && (hn.args[0] ?? 0) - (hn.args[1] ?? 0) >= (bn.args[0] ?? 0) - (bn.args[1] ?? 0)
}

/** Tightened rules reject inputs that were valid; widened ones let responses hold values old clients reject. */
function compareConstraints(subject: string, b: IrConstraints, h: IrConstraints): { kind: string; message: string; api: ApiVerdict }[] {
  const out: { kind: string; message: string; api: ApiVerdict }[] = []
  const push = (tightened: boolean, message: string) =>
    out.push({
      kind: tightened ? 'constraint-tightened' : 'constraint-widened',
      message,
      api: tightened
        ? verdict('breaking', 'safe', 'inputs valid before are rejected; responses stay within the old rule (rows stored before may not: see existing rows)')
        : verdict('safe', 'breaking', 'inputs valid before stay valid; responses may hold values that clients validating with the previous schema reject'),
    })
  const bound = (key: keyof IrConstraints, tighter: (old: number, now: number) => boolean) => {
    const old = b[key] as number | undefined
    const now = h[key] as number | undefined
    if (old === now) return
    push(now !== undefined && (old === undefined || tighter(old, now)), `\`${key}\` of \`${subject}\` ${old === undefined ? `set to ${now}` : now === undefined ? `removed (was ${old})` : `changed from ${old} to ${now}`}`)
  }
  bound('min', (old, now) => now > old)
  bound('max', (old, now) => now < old)
  bound('minLength', (old, now) => now > old)
  bound('maxLength', (old, now) => now < old)
  bound('length', () => true)
  bound('minItems', (old, now) => now > old)
  bound('maxItems', (old, now) => now < old)
  for (const key of ['pattern', 'format'] as const) {
    if (b[key] === h[key]) continue
    push(h[key] !== undefined, `\`${key}\` of \`${subject}\` ${b[key] === undefined ? `set to ${h[key]}` : h[key] === undefined ? 'removed' : `changed from ${b[key]} to ${h[key]}`}`)
  }
  return out
}

const describeType = (t: IrValueType) => (t.kind === 'enum' ? t.enum : t.shape ? `Json (${t.shape})` : t.scalar)
