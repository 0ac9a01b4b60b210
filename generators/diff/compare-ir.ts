import { isStoredField, isOwnerRelation, type Ir, type IrEnum, type IrManagedIndex, type IrModel, type IrShape, type IrShapeField, type IrStoredField } from '../ir/types.ts'
import { type ApiVerdict, type Change, makeChange as change, NO_API, verdict } from './changes.ts'
import { compareField, type FieldContext } from './compare-field.ts'
import { holdsColumnsOf } from '../ir/lookup.ts'

/** Every difference between two IRs, in a stable order (by subject, then kind). */
export function compareIr(base: Ir, head: Ir): Change[] {
  const enumRenames = new Map(pair(base.enums, head.enums).pairs.filter(([b, h]) => b.name !== h.name).map(([b, h]) => [h.name, b.name]))
  const context: FieldContext = { enumRenames }
  const changes: Change[] = [...compareEnums(base.enums, head.enums), ...compareShapes(base.shapes, head.shapes, context), ...compareModels(base.models, head.models, context)]
  return changes.sort((a, b) => (a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0))
}

/** Pairs old and new declarations by name, or by `renamedFrom` on the new one. */
function pair<T extends { name: string; renamedFrom?: string }>(base: readonly T[], head: readonly T[]) {
  const baseByName = new Map(base.map((b) => [b.name, b]))
  const matched = new Set<string>()
  const pairs: [T, T][] = []
  const added: T[] = []
  for (const h of head) {
    const b = baseByName.get(h.name) ?? (h.renamedFrom ? baseByName.get(h.renamedFrom) : undefined)
    if (b && !matched.has(b.name)) {
      matched.add(b.name)
      pairs.push([b, h])
    } else added.push(h)
  }
  return { pairs, added, removed: base.filter((b) => !matched.has(b.name)) }
}

const RENAMED = 'its name changes in OpenAPI and in @pika/db/zod, so clients must follow; values on the wire'

function compareEnums(base: readonly IrEnum[], head: readonly IrEnum[]): Change[] {
  const { pairs, added, removed } = pair(base, head)
  const out: Change[] = [
    ...added.map((e) => change('enum-added', e.name, `enum \`${e.name}\` added`, 'safe', verdict('safe', 'safe', 'a new schema that nothing used before'), e)),
    ...removed.map((e) => change('enum-removed', e.name, `enum \`${e.name}\` removed`, 'breaking', verdict('breaking', 'breaking', 'its schema leaves the API'), e, 'base')),
  ]
  for (const [b, h] of pairs) {
    if (b.name !== h.name) out.push(change('enum-renamed', h.name, `enum \`${b.name}\` renamed to \`${h.name}\``, 'safe', verdict('breaking', 'breaking', `${RENAMED} stay the same`), h))
    const values = pair(b.values.map((v) => ({ ...v, location: b.location })), h.values.map((v) => ({ ...v, location: h.location })))
    // One value out and one in: most likely a rename, which `renamedFrom` turns into `RENAME VALUE`.
    const valueHint = (from: string, to: string) => (values.removed.length === 1 && values.added.length === 1 ? { hint: `did you mean \`renamedFrom\`? write \`${to}\` as \`{ name: ${to}, renamedFrom: ${from} }\` in \`values\` to keep the rows that hold \`${from}\`` } : {})
    const [onlyRemoved, onlyAdded] = [values.removed[0]?.name ?? '', values.added[0]?.name ?? '']
    for (const v of values.added) out.push({ ...change('enum-value-added', `${h.name}.${v.name}`, `value \`${v.name}\` added to \`${h.name}\``, 'safe', verdict('safe', 'breaking', 'inputs accept one more value; responses may carry a value that clients built on the previous schema reject or do not handle'), h), ...valueHint(onlyRemoved, onlyAdded) })
    for (const v of values.removed) out.push({ ...change('enum-value-removed', `${h.name}.${v.name}`, `value \`${v.name}\` removed from \`${h.name}\`; rows holding it cannot migrate`, 'breaking', verdict('breaking', 'safe', 'inputs that send it are rejected; responses carry one value fewer'), h), ...valueHint(onlyRemoved, onlyAdded) })
    for (const [bv, hv] of values.pairs) if (bv.name !== hv.name) out.push(change('enum-value-renamed', `${h.name}.${hv.name}`, `value \`${bv.name}\` of \`${h.name}\` renamed to \`${hv.name}\``, 'safe', verdict('breaking', 'breaking', `inputs sending \`${bv.name}\` are rejected; responses carry \`${hv.name}\` instead`), h))
  }
  return out
}

function compareShapes(base: readonly IrShape[], head: readonly IrShape[], context: FieldContext): Change[] {
  const { pairs, added, removed } = pair(base, head)
  const out: Change[] = [
    ...added.map((s) => change('type-added', s.name, `type \`${s.name}\` added`, 'none', verdict('safe', 'safe', 'a new schema that nothing used before'), s)),
    ...removed.map((s) => change('type-removed', s.name, `type \`${s.name}\` removed`, 'none', verdict('breaking', 'breaking', 'its schema leaves the API'), s, 'base')),
  ]
  for (const [b, h] of pairs) {
    const fields = pair<IrShapeField>(b.fields, h.fields)
    // Types are closed objects (z.strictObject, additionalProperties: false) in both directions.
    for (const f of fields.added) out.push(change('type-field-added', `${h.name}.${f.name}`, `field \`${f.name}\` added to type \`${h.name}\`${f.optional ? '' : ' as required'}`, 'none', verdict(f.optional ? 'safe' : 'breaking', 'breaking', `${f.optional ? 'inputs may leave it out' : 'inputs that leave it out are rejected'}; responses carry a key that the previous, closed schema rejects`), f))
    for (const f of fields.removed) out.push(change('type-field-removed', `${h.name}.${f.name}`, `field \`${f.name}\` removed from type \`${h.name}\``, 'none', verdict('breaking', f.optional ? 'safe' : 'breaking', `inputs that send it are rejected (unknown key)${f.optional ? '' : '; responses lack a key the previous schema requires'}`), f, 'base'))
    for (const [bf, hf] of fields.pairs) out.push(...compareField(`${h.name}.${hf.name}`, bf, hf, 'shape', context))
  }
  return out
}

// The rename migration keeps the table when its columns are unchanged (the same rule db:migrate applies).
function tableRenamed(b: IrModel, h: IrModel): Change {
  const what = `table of \`${h.name}\` changed from \`${b.table}\` to \`${h.table}\``
  if (holdsColumnsOf(h, new Set(b.fields.flatMap((f) => (f.kind === 'stored' ? [f.column] : []))))) {
    return change('table-renamed', h.name, `${what} (kept, with its rows, by the rename migration)`, 'safe', NO_API, h)
  }
  return change('table-renamed', h.name, `${what} together with its columns: Prisma drops and recreates it; change \`table:\` in a migration of its own to keep the rows`, 'breaking', NO_API, h)
}

function compareModels(base: readonly IrModel[], head: readonly IrModel[], context: FieldContext): Change[] {
  const { pairs, added, removed } = pair(base, head)
  const out: Change[] = [
    ...added.map((m) => change('model-added', m.name, `model \`${m.name}\` added (table \`${m.table}\`)`, 'safe', verdict('safe', 'safe', 'new schemas that nothing used before'), m)),
    ...removed.map((m) => change('model-removed', m.name, `model \`${m.name}\` removed: table \`${m.table}\` and its data are dropped`, 'breaking', verdict('breaking', 'breaking', 'its schemas leave the API'), m, 'base')),
  ]
  for (const [b, h] of pairs) {
    if (b.name !== h.name) out.push(change('model-renamed', h.name, `model \`${b.name}\` renamed to \`${h.name}\` (table kept by the rename migration)`, 'safe', verdict('breaking', 'breaking', `${RENAMED} keep their shape`), h))
    if (b.table !== h.table && b.name === h.name) out.push(tableRenamed(b, h))
    out.push(...compareModelFields(b, h, context))
    out.push(...compareKeys(b, h))
  }
  return out
}

function compareModelFields(b: IrModel, h: IrModel, context: FieldContext): Change[] {
  const stored = (m: IrModel) => m.fields.filter(isStoredField)
  const { pairs, added, removed } = pair(stored(b), stored(h))
  const out: Change[] = []
  const sameType = (x: IrStoredField, y: IrStoredField) => JSON.stringify([x.type, x.list]) === JSON.stringify([y.type, y.list])
  const hint = (f: IrStoredField, others: readonly IrStoredField[], mine: 'new' | 'old') => {
    const twin = others.find((o) => sameType(o, f))
    if (!twin) return {}
    const [from, to] = mine === 'new' ? [twin, f] : [f, twin]
    return { hint: `did you mean \`renamedFrom\`? \`${from.name}\` was removed and \`${to.name}\` added with the same type; \`${to.name}: { …, renamedFrom: ${from.name} }\` keeps the column and its data` }
  }
  for (const f of added) {
    const needsValue = !f.optional && f.default === undefined && !f.updatedAt && !f.list
    const request = f.private || f.readOnly ? 'none' : needsValue ? 'breaking' : 'safe'
    const response = f.private || f.writeOnly ? 'none' : 'safe'
    const why = `${request === 'breaking' ? 'create inputs that leave it out are rejected' : request === 'safe' ? 'inputs may send it or leave it out' : 'not in inputs'}; ${response === 'safe' ? 'responses carry a new key, which read schemas accept' : 'not in responses'}`
    out.push({ ...change('field-added', `${h.name}.${f.name}`, `field \`${f.name}\` added to \`${h.name}\`${needsValue ? ' as required without a default: existing rows have no value' : ''}`, needsValue ? 'breaking' : 'safe', verdict(request, response, request === 'none' && response === 'none' ? '' : why), f), ...hint(f, removed, 'new') })
  }
  for (const f of removed) {
    const api = verdict(f.private || f.readOnly ? 'none' : 'breaking', f.private || f.writeOnly ? 'none' : 'breaking', 'inputs that send it are rejected (unknown key); responses no longer carry it')
    out.push({ ...change('field-removed', `${h.name}.${f.name}`, `field \`${f.name}\` removed from \`${h.name}\`: column \`${f.column}\` and its data are dropped`, 'breaking', api, f, 'base'), ...hint(f, added, 'old') })
  }
  for (const [bf, hf] of pairs) {
    const subject = `${h.name}.${hf.name}`
    if (bf.name !== hf.name) out.push(change('field-renamed', subject, `field \`${bf.name}\` of \`${h.name}\` renamed to \`${hf.name}\` (column kept by the rename migration)`, 'safe', hf.private ? NO_API : verdict('breaking', 'breaking', `inputs sending \`${bf.name}\` are rejected; responses carry \`${hf.name}\` instead`), hf))
    else if (bf.column !== hf.column) out.push(change('column-renamed', subject, `column of \`${subject}\` changed from \`${bf.column}\` to \`${hf.column}\`: Prisma drops and recreates it`, 'breaking', NO_API, hf))
    out.push(...compareField(subject, bf, hf, 'model', context))
  }
  for (const [br, hr] of pair(relations(b), relations(h)).pairs) {
    for (const action of ['onDelete', 'onUpdate'] as const) {
      if (br[action] === hr[action]) continue
      out.push(change('referential-action-changed', `${h.name}.${hr.name}`, `${action} of \`${h.name}.${hr.name}\` changed from ${br[action] ?? 'the default'} to ${hr[action] ?? 'the default'}`, 'breaking', NO_API, hr))
    }
  }
  return out
}

const relations = (m: IrModel) => m.fields.filter(isOwnerRelation)

function compareKeys(b: IrModel, h: IrModel): Change[] {
  const key = (fields: readonly string[]) => fields.join(',')
  const out: Change[] = []
  const baseUniques = new Set(b.uniques.map((u) => key(u.fields)))
  const headUniques = new Set(h.uniques.map((u) => key(u.fields)))
  const conflict = verdict('breaking', 'none', 'creates and updates that repeat an existing combination now fail with a conflict (Prisma P2002)')
  for (const u of h.uniques) if (!baseUniques.has(key(u.fields))) out.push(change('unique-added', `${h.name}(${u.fields.join(', ')})`, `unique (${u.fields.join(', ')}) added to \`${h.name}\`: existing duplicates stop the migration`, 'breaking', conflict, u))
  for (const u of b.uniques) if (!headUniques.has(key(u.fields))) out.push(change('unique-removed', `${h.name}(${u.fields.join(', ')})`, `unique (${u.fields.join(', ')}) removed from \`${h.name}\``, 'safe', verdict('safe', 'none', 'combinations may now repeat'), h))
  if (key(b.primaryKey.fields) !== key(h.primaryKey.fields)) out.push(change('primary-key-changed', h.name, `primary key of \`${h.name}\` changed from (${b.primaryKey.fields.join(', ')}) to (${h.primaryKey.fields.join(', ')})`, 'breaking', verdict('breaking', 'breaking', 'records are identified by other fields'), h.primaryKey))
  const baseIndexes = new Set(b.indexes.map((i) => key(i.fields)))
  const headIndexes = new Set(h.indexes.map((i) => key(i.fields)))
  for (const i of h.indexes) if (!baseIndexes.has(key(i.fields))) out.push(change('index-added', `${h.name}(${i.fields.join(', ')})`, `index (${i.fields.join(', ')}) added to \`${h.name}\``, 'safe', NO_API, i))
  for (const i of b.indexes) if (!headIndexes.has(key(i.fields))) out.push(change('index-removed', `${h.name}(${i.fields.join(', ')})`, `index (${i.fields.join(', ')}) removed from \`${h.name}\``, 'safe', NO_API, h))
  out.push(...compareManagedIndexes(b, h, conflict))
  return out
}

/** Partial and expression indexes, compared by what they are (keys, condition, unique), not by name. */
function compareManagedIndexes(b: IrModel, h: IrModel, conflict: ApiVerdict): Change[] {
  const label = (i: IrManagedIndex) => `${i.keys.map((k) => k.text).join(', ')}${i.where ? ` where ${i.where.text}` : ''}`
  const key = (i: IrManagedIndex) => `${i.unique}:${label(i)}`
  const baseKeys = new Set(b.managedIndexes.map(key))
  const headKeys = new Set(h.managedIndexes.map(key))
  const out: Change[] = []
  for (const i of h.managedIndexes.filter((i) => !baseKeys.has(key(i)))) {
    if (i.unique) out.push(change('unique-added', `${h.name}(${label(i)})`, `unique (${label(i)}) added to \`${h.name}\`: existing duplicates among the rows it covers stop the migration`, 'breaking', conflict, i))
    else out.push(change('index-added', `${h.name}(${label(i)})`, `index (${label(i)}) added to \`${h.name}\``, 'safe', NO_API, i))
  }
  for (const i of b.managedIndexes.filter((i) => !headKeys.has(key(i)))) {
    if (i.unique) out.push(change('unique-removed', `${h.name}(${label(i)})`, `unique (${label(i)}) removed from \`${h.name}\``, 'safe', verdict('safe', 'none', 'values may now repeat among the rows it covered'), h))
    else out.push(change('index-removed', `${h.name}(${label(i)})`, `index (${label(i)}) removed from \`${h.name}\``, 'safe', NO_API, h))
  }
  return out
}
