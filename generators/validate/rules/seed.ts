import { closestName } from '../../diagnostics/suggest.ts'
import { checkFieldValue } from '../check-value.ts'
import { looksSplitAtComma } from '../validate-schema.ts'
import type { Diagnostic, MessageId } from '../../diagnostics/diagnostic.ts'
import type { RawIndex } from '../../load/model-file.ts'
import type { DataPath } from '../../load/source-file.ts'
import { SOFT_DELETE_FIELD } from '../expand-mixins.ts'
import { indexKeyValue, parseIndexKey, parseWhere, rowMatchesWhere, type IndexKey } from '../../language/index-key.ts'
import type { ExpandedModel, RuleContext } from './context.ts'

/**
 * Hand-written seed rows must satisfy their model like any API input: known stored fields only,
 * every required field without a default present, every value within the field's rules.
 */
export function checkSeedRows({ models, symbols, diagnostics }: RuleContext): void {
  for (const model of models.values()) {
    const rows = model.decl.def.seed?.rows ?? []
    const stored = model.fields.filter((f) => !models.has(f.def.type))
    rows.forEach((row, index) => {
      const rowPath = [...model.decl.path, 'seed', 'rows', index]
      for (const [key, value] of Object.entries(row)) {
        const field = stored.find((f) => f.name === key)
        const rowParams = { row: index + 1, model: model.decl.name }
        const links = field ? undefined : manyToManyTarget(model, key, models)
        if (links) {
          checkSeedLinks(model, key, value, links, [...rowPath, key], rowParams, diagnostics)
          continue
        }
        if (!field) {
          const params = { ...rowParams, key }
          if (looksSplitAtComma(key)) diagnostics.push(model.decl.source.diagnostic('PIKA601', 'splitAtComma', params, [...rowPath, key], { part: 'key' }))
          else diagnostics.push(model.decl.source.diagnostic('PIKA601', 'notAStoredField', { ...params, ...unknownFieldHint(model, key, stored) }, [...rowPath, key], { part: 'key' }))
          continue
        }
        const problem = checkFieldValue(field.def, value, symbols)
        if (problem) {
          const params = { ...rowParams, key: formatPath([key, ...problem.path]), problem: problem.text }
          const at = [...rowPath, key, ...problem.path]
          if (problem.patternTooSlow) diagnostics.push(model.decl.source.diagnostic('PIKA407', 'seedValue', params, at))
          else diagnostics.push(model.decl.source.diagnostic('PIKA601', 'valueDoesNotFit', params, at))
        }
      }
      // A row that sets a relation instead of its foreign key is reported once, at the relation.
      const coveredByRelation = new Set(model.fields.filter((f) => Object.hasOwn(row, f.name)).flatMap((f) => f.def.relation?.fields ?? []))
      const missing = stored.filter((f) => !f.def.optional && f.def.default === undefined && !f.def.updatedAt && !f.def.list && !Object.hasOwn(row, f.name) && !coveredByRelation.has(f.name))
      for (const field of missing) {
        diagnostics.push(model.decl.source.diagnostic('PIKA601', 'missingRequiredField', { row: index + 1, model: model.decl.name, field: field.name }, rowPath))
      }
      checkSeedReferences(model, row, rowPath, index, models, diagnostics)
    })
    checkSeedUniques(model, models, diagnostics)
  }
}

/**
 * Two hand-written rows may not share a unique value (an id, a unique field, a compound key): the
 * database would refuse the second, and the seeder would skip it without a word. Rows that leave a
 * key field null or unset are not compared, as PostgreSQL does not compare NULLs.
 */
function checkSeedUniques(model: ExpandedModel, models: ReadonlyMap<string, ExpandedModel>, diagnostics: Diagnostic[]): void {
  const rows = model.decl.def.seed?.rows ?? []
  if (rows.length < 2) return
  const stored = model.fields.filter((f) => !models.has(f.def.type))
  // With soft deletion every unique but the id binds live rows only (deletedAt IS NULL).
  const live = (unique: RawIndex): RawIndex => (model.decl.def.softDelete === true ? { ...unique, where: [unique.where, `${SOFT_DELETE_FIELD} IS NULL`].filter(Boolean).join(' AND ') } : unique)
  const keys: RawIndex[] = [
    ...stored.filter((f) => f.def.id).map((f) => ({ fields: [f.name] })),
    ...stored.filter((f) => f.def.unique && !f.def.id).map((f) => live({ fields: [f.name] })),
    ...(model.decl.def.id ? [model.decl.def.id] : []),
    ...(model.decl.def.uniques ?? []).map(live),
  ]
  // A condition reads a row as the database stores it: a left-out field holds its default.
  const defaults = Object.fromEntries(stored.filter((f) => f.def.default !== undefined && !(typeof f.def.default === 'string' && /^\w+\(\)$/.test(f.def.default))).map((f) => [f.name, f.def.default]))
  for (const unique of keys) {
    // A partial unique compares only the rows its condition admits; an expression key the
    // function's value (lower(email): two spellings of one address collide).
    const where = unique.where === undefined ? [] : parseWhere(unique.where)
    if (!Array.isArray(where)) continue // PIKA510, reported by the key rules
    const parsedKeys = unique.fields.map(parseIndexKey)
    if (parsedKeys.some((k) => k.kind === 'unknown-function')) continue
    const fields = parsedKeys.map((k) => k.field)
    const first = new Map<string, number>()
    rows.forEach((row, index) => {
      if (!rowMatchesWhere(where, { ...defaults, ...row })) return
      const values = parsedKeys.map((k) => indexKeyValue(k as IndexKey, row))
      if (values.some((v) => v === undefined || v === null)) return
      const key = JSON.stringify(values)
      const earlier = first.get(key)
      if (earlier === undefined) return void first.set(key, index)
      const shown = unique.fields.map((f, i) => `\`${f}\` = ${JSON.stringify(values[i])}`).join(', ')
      const rowPath = [...model.decl.path, 'seed', 'rows']
      const related = model.decl.source.locate([...rowPath, earlier, fields[0]!])
      const params = { firstRow: earlier + 1, row: index + 1, model: model.decl.name, values: shown }
      diagnostics.push(model.decl.source.diagnostic('PIKA601', 'sharedUnique', params, [...rowPath, index, fields[0]!], { related }))
    })
  }
}

/**
 * What the author probably meant by a key that is not a stored field: the hint's parameters, of which
 * the catalogue's first applicable alternative is shown (a rename, a relation, a typo, the field list).
 */
function unknownFieldHint(model: ExpandedModel, key: string, stored: readonly ExpandedModel['fields'][number][]) {
  const relation = model.fields.find((f) => f.name === key)
  const names = stored.map((f) => f.name)
  return {
    renamedTo: stored.find((f) => f.def.renamedFrom === key)?.name,
    foreignKey: relation?.def.relation?.fields?.join(', '),
    backSide: relation ? key : undefined,
    suggestion: closestName(key, names),
    known: names.join(', '),
  }
}

/**
 * A hand-written row can only know the keys of other hand-written rows (synthetic rows get ids the
 * generator derives), so each foreign key it sets must match one of the target's seed rows.
 */
function checkSeedReferences(model: ExpandedModel, row: Readonly<Record<string, unknown>>, rowPath: DataPath, index: number, models: ReadonlyMap<string, ExpandedModel>, diagnostics: Diagnostic[]): void {
  for (const field of model.fields) {
    const relation = field.def.relation
    const target = models.get(field.def.type)
    if (!relation?.fields || !relation.references || !target) continue
    const values = relation.fields.map((f) => row[f])
    if (values.some((v) => v === undefined || v === null)) continue
    const targetRows = target.decl.def.seed?.rows ?? []
    const found = targetRows.some((candidate) => relation.references!.every((ref, i) => candidate[ref] === values[i]))
    if (found) continue
    const shown = relation.fields.map((f, i) => `${f} = ${JSON.stringify(values[i])}`).join(', ')
    const known = targetRows.map((r) => relation.references!.map((ref) => JSON.stringify(r[ref])).join('/')).filter((k) => !k.includes('undefined'))
    const params = {
      row: index + 1,
      model: model.decl.name,
      values: shown,
      target: target.decl.name,
      references: relation.references.join('/'),
      known: known.length ? `${known.slice(0, 5).join(', ')}${known.length > 5 ? ', …' : ''}` : undefined,
    }
    diagnostics.push(model.decl.source.diagnostic('PIKA601', 'danglingReference', params, [...rowPath, relation.fields[0]!]))
  }
}

/**
 * The other model of `key` when it is one side of an implicit many-to-many relation (both sides
 * lists, no foreign key): a seed row states its links there, as a list of the other model's ids.
 */
export function manyToManyTarget(model: ExpandedModel, key: string, models: ReadonlyMap<string, ExpandedModel>): ExpandedModel | undefined {
  const field = model.fields.find((f) => f.name === key)
  const target = field && models.get(field.def.type)
  if (!field || !target || !field.def.list || field.def.relation?.fields) return undefined
  const name = field.def.relation?.name
  const opposite = target.fields.find((f) => f !== field && f.def.type === model.decl.name && f.def.list && !f.def.relation?.fields && f.def.relation?.name === name)
  return opposite ? target : undefined
}

/** Links of one seed row: a list of ids, each of a seed row of the other model. */
function checkSeedLinks(model: ExpandedModel, key: string, value: unknown, target: ExpandedModel, path: DataPath, rowParams: { row: number; model: string }, diagnostics: Diagnostic[]): void {
  const params = { ...rowParams, key, target: target.decl.name }
  const report = (id: MessageId<'PIKA601'>, extra: Record<string, string> = {}, at: DataPath = path): void =>
    void diagnostics.push(model.decl.source.diagnostic('PIKA601', id, { ...params, ...extra }, at))
  if (target === model) return report('selfLinks')
  const ids = target.fields.filter((f) => f.def.id)
  if (ids.length !== 1) return report('linksWithoutSingleId')
  const id = ids[0]!.name
  if (!Array.isArray(value)) return report('linksNotAList', { id })
  const known = (target.decl.def.seed?.rows ?? []).map((r) => r[id]).filter((v) => v !== undefined)
  value.forEach((linked, i) => {
    if (known.includes(linked as never)) return
    const shown = known.length ? known.slice(0, 5).map((k) => JSON.stringify(k)).join(', ') + (known.length > 5 ? ', …' : '') : undefined
    report('danglingLink', { id, value: JSON.stringify(linked), ...(shown ? { known: shown } : {}) }, [...path, i])
  })
}

/** `address.lines[0]`: how a value inside a seed row is named in messages. */
const formatPath = (path: readonly (string | number)[]) => path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i ? `.${s}` : s)).join('')
