import type { IrEnum, IrModel, IrRelationField, IrShape, IrShapeField, IrStoredField, Ir } from '../ir/types.ts'
import type { Change, Impact } from './changes.ts'
import { compareField } from './compare-field.ts'

/** Every difference between two IRs, in a stable order (by subject, then kind). */
export function compareIr(base: Ir, head: Ir): Change[] {
  const changes: Change[] = [...compareEnums(base.enums, head.enums), ...compareShapes(base.shapes, head.shapes), ...compareModels(base.models, head.models)]
  return changes.sort((a, b) => (a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0))
}

const change = (kind: string, subject: string, message: string, database: Impact, api: Impact, at: { location: Change['location'] }, side: Change['side'] = 'head'): Change => ({ kind, subject, message, database, api, location: at.location, side })

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

function compareEnums(base: readonly IrEnum[], head: readonly IrEnum[]): Change[] {
  const { pairs, added, removed } = pair(base, head)
  const out: Change[] = [
    ...added.map((e) => change('enum-added', e.name, `enum \`${e.name}\` added`, 'safe', 'safe', e)),
    ...removed.map((e) => change('enum-removed', e.name, `enum \`${e.name}\` removed`, 'breaking', 'breaking', e, 'base')),
  ]
  for (const [b, h] of pairs) {
    if (b.name !== h.name) out.push(change('enum-renamed', h.name, `enum \`${b.name}\` renamed to \`${h.name}\``, 'safe', 'breaking', h))
    const values = pair(b.values.map((v) => ({ ...v, location: b.location })), h.values.map((v) => ({ ...v, location: h.location })))
    for (const v of values.added) out.push(change('enum-value-added', `${h.name}.${v.name}`, `value \`${v.name}\` added to \`${h.name}\``, 'safe', 'safe', h))
    for (const v of values.removed) out.push(change('enum-value-removed', `${h.name}.${v.name}`, `value \`${v.name}\` removed from \`${h.name}\`; rows holding it cannot migrate`, 'breaking', 'breaking', h))
    for (const [bv, hv] of values.pairs) if (bv.name !== hv.name) out.push(change('enum-value-renamed', `${h.name}.${hv.name}`, `value \`${bv.name}\` of \`${h.name}\` renamed to \`${hv.name}\``, 'safe', 'breaking', h))
  }
  return out
}

function compareShapes(base: readonly IrShape[], head: readonly IrShape[]): Change[] {
  const { pairs, added, removed } = pair(base, head)
  const out: Change[] = [
    ...added.map((s) => change('type-added', s.name, `type \`${s.name}\` added`, 'none', 'safe', s)),
    ...removed.map((s) => change('type-removed', s.name, `type \`${s.name}\` removed`, 'none', 'breaking', s, 'base')),
  ]
  for (const [b, h] of pairs) {
    const fields = pair<IrShapeField>(b.fields, h.fields)
    for (const f of fields.added) out.push(change('type-field-added', `${h.name}.${f.name}`, `field \`${f.name}\` added to type \`${h.name}\`${f.optional ? '' : ' as required'}`, 'none', f.optional ? 'safe' : 'breaking', f))
    for (const f of fields.removed) out.push(change('type-field-removed', `${h.name}.${f.name}`, `field \`${f.name}\` removed from type \`${h.name}\``, 'none', 'breaking', f, 'base'))
    for (const [bf, hf] of fields.pairs) out.push(...compareField(`${h.name}.${hf.name}`, bf, hf, 'shape'))
  }
  return out
}

function compareModels(base: readonly IrModel[], head: readonly IrModel[]): Change[] {
  const { pairs, added, removed } = pair(base, head)
  const out: Change[] = [
    ...added.map((m) => change('model-added', m.name, `model \`${m.name}\` added (table \`${m.table}\`)`, 'safe', 'safe', m)),
    ...removed.map((m) => change('model-removed', m.name, `model \`${m.name}\` removed: table \`${m.table}\` and its data are dropped`, 'breaking', 'breaking', m, 'base')),
  ]
  for (const [b, h] of pairs) {
    if (b.name !== h.name) out.push(change('model-renamed', h.name, `model \`${b.name}\` renamed to \`${h.name}\` (table kept by the rename migration)`, 'safe', 'breaking', h))
    if (b.table !== h.table && b.name === h.name) out.push(change('table-renamed', h.name, `table of \`${h.name}\` changed from \`${b.table}\` to \`${h.table}\`: Prisma drops and recreates it`, 'breaking', 'none', h))
    out.push(...compareModelFields(b, h))
    out.push(...compareKeys(b, h))
  }
  return out
}

function compareModelFields(b: IrModel, h: IrModel): Change[] {
  const stored = (m: IrModel) => m.fields.filter((f): f is IrStoredField => f.kind === 'stored')
  const { pairs, added, removed } = pair(stored(b), stored(h))
  const visible = (f: IrStoredField) => !f.private
  const out: Change[] = []
  for (const f of added) {
    const needsValue = !f.optional && f.default === undefined && !f.updatedAt && !f.list
    const api: Impact = !visible(f) ? 'none' : needsValue && !f.readOnly ? 'breaking' : 'safe'
    out.push(change('field-added', `${h.name}.${f.name}`, `field \`${f.name}\` added to \`${h.name}\`${needsValue ? ' as required without a default: existing rows have no value' : ''}`, needsValue ? 'breaking' : 'safe', api, f))
  }
  for (const f of removed) out.push(change('field-removed', `${h.name}.${f.name}`, `field \`${f.name}\` removed from \`${h.name}\`: column \`${f.column}\` and its data are dropped`, 'breaking', visible(f) ? 'breaking' : 'none', f, 'base'))
  for (const [bf, hf] of pairs) {
    const subject = `${h.name}.${hf.name}`
    if (bf.name !== hf.name) out.push(change('field-renamed', subject, `field \`${bf.name}\` of \`${h.name}\` renamed to \`${hf.name}\` (column kept by the rename migration)`, 'safe', visible(hf) ? 'breaking' : 'none', hf))
    else if (bf.column !== hf.column) out.push(change('column-renamed', subject, `column of \`${subject}\` changed from \`${bf.column}\` to \`${hf.column}\`: Prisma drops and recreates it`, 'breaking', 'none', hf))
    out.push(...compareField(subject, bf, hf, 'model'))
  }
  for (const [br, hr] of pair(relations(b), relations(h)).pairs) {
    for (const action of ['onDelete', 'onUpdate'] as const) {
      if (br[action] === hr[action]) continue
      out.push(change('referential-action-changed', `${h.name}.${hr.name}`, `${action} of \`${h.name}.${hr.name}\` changed from ${br[action] ?? 'the default'} to ${hr[action] ?? 'the default'}`, 'breaking', 'none', hr))
    }
  }
  return out
}

const relations = (m: IrModel) => m.fields.filter((f): f is IrRelationField => f.kind === 'relation' && f.side === 'owner')

function compareKeys(b: IrModel, h: IrModel): Change[] {
  const key = (fields: readonly string[]) => fields.join(',')
  const out: Change[] = []
  const baseUniques = new Set(b.uniques.map((u) => key(u.fields)))
  const headUniques = new Set(h.uniques.map((u) => key(u.fields)))
  for (const u of h.uniques) if (!baseUniques.has(key(u.fields))) out.push(change('unique-added', `${h.name}(${u.fields.join(', ')})`, `unique (${u.fields.join(', ')}) added to \`${h.name}\`: existing duplicates stop the migration`, 'breaking', 'none', u))
  for (const u of b.uniques) if (!headUniques.has(key(u.fields))) out.push(change('unique-removed', `${h.name}(${u.fields.join(', ')})`, `unique (${u.fields.join(', ')}) removed from \`${h.name}\``, 'safe', 'none', h))
  if (key(b.primaryKey.fields) !== key(h.primaryKey.fields)) out.push(change('primary-key-changed', h.name, `primary key of \`${h.name}\` changed from (${b.primaryKey.fields.join(', ')}) to (${h.primaryKey.fields.join(', ')})`, 'breaking', 'breaking', h.primaryKey))
  const baseIndexes = new Set(b.indexes.map((i) => key(i.fields)))
  const headIndexes = new Set(h.indexes.map((i) => key(i.fields)))
  for (const i of h.indexes) if (!baseIndexes.has(key(i.fields))) out.push(change('index-added', `${h.name}(${i.fields.join(', ')})`, `index (${i.fields.join(', ')}) added to \`${h.name}\``, 'safe', 'none', i))
  for (const i of b.indexes) if (!headIndexes.has(key(i.fields))) out.push(change('index-removed', `${h.name}(${i.fields.join(', ')})`, `index (${i.fields.join(', ')}) removed from \`${h.name}\``, 'safe', 'none', h))
  return out
}
