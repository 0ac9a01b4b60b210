import { didYouMean } from '../../diagnostics/suggest.ts'
import { checkFieldValue } from '../check-value.ts'
import { COMMA_HINT, looksSplitAtComma } from '../validate-schema.ts'
import type { Diagnostic } from '../../diagnostics/diagnostic.ts'
import type { RawIndex } from '../../load/model-file.ts'
import type { DataPath } from '../../load/source-file.ts'
import { SOFT_DELETE_FIELD } from '../expand-mixins.ts'
import { indexKeyValue, parseIndexKey, parseWhere, rowMatchesWhere, type IndexKey } from '../index-key.ts'
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
        if (!field) {
          const hint = unknownFieldHint(model, key, stored)
          diagnostics.push(model.decl.source.diagnostic('PIKA601', `seed row ${index + 1} of \`${model.decl.name}\` sets \`${key}\`, which is not a stored field`, [...rowPath, key], { part: 'key', hint }))
          continue
        }
        const problem = checkFieldValue(field.def, value, symbols)
        if (problem) {
          const message = `seed row ${index + 1} of \`${model.decl.name}\`: \`${formatPath([key, ...problem.path])}\` ${problem.message}`
          diagnostics.push(model.decl.source.diagnostic(problem.code ?? 'PIKA601', message, [...rowPath, key, ...problem.path], problem.hint ? { hint: problem.hint } : {}))
        }
      }
      // A row that sets a relation instead of its foreign key is reported once, at the relation.
      const coveredByRelation = new Set(model.fields.filter((f) => Object.hasOwn(row, f.name)).flatMap((f) => f.def.relation?.fields ?? []))
      const missing = stored.filter((f) => !f.def.optional && f.def.default === undefined && !f.def.updatedAt && !f.def.list && !Object.hasOwn(row, f.name) && !coveredByRelation.has(f.name))
      for (const field of missing) {
        diagnostics.push(model.decl.source.diagnostic('PIKA601', `seed row ${index + 1} of \`${model.decl.name}\` lacks the required field \`${field.name}\``, rowPath, { hint: `Add \`${field.name}\`.` }))
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
      const related = [{ message: `seed row ${earlier + 1} has it`, location: model.decl.source.locate([...rowPath, earlier, fields[0]!]) }]
      const message = `seed rows ${earlier + 1} and ${index + 1} of \`${model.decl.name}\` share the unique ${shown}`
      diagnostics.push(model.decl.source.diagnostic('PIKA601', message, [...rowPath, index, fields[0]!], { hint: 'Give each row its own value; the database would refuse the second row.', related }))
    })
  }
}

/** What the author probably meant by a key that is not a stored field. */
function unknownFieldHint(model: ExpandedModel, key: string, stored: readonly ExpandedModel['fields'][number][]): string {
  if (looksSplitAtComma(key)) return COMMA_HINT
  const renamed = stored.find((f) => f.def.renamedFrom === key)
  if (renamed) return `\`${key}\` was renamed to \`${renamed.name}\`.`
  const relation = model.fields.find((f) => f.name === key)
  if (relation?.def.relation?.fields) return `Give the foreign key instead: ${relation.def.relation.fields.join(', ')}.`
  if (relation) return `\`${key}\` is the back side of a relation; seed it from the other model's foreign key.`
  const names = stored.map((f) => f.name)
  return didYouMean(key, names) ?? `Stored fields of \`${model.decl.name}\`: ${names.join(', ')}.`
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
    const hint = known.length ? `Seed rows of \`${target.decl.name}\` have ${relation.references.join('/')}: ${known.slice(0, 5).join(', ')}${known.length > 5 ? ', …' : ''}.` : `Give \`${target.decl.name}\` a seed row with that ${relation.references.join('/')}.`
    diagnostics.push(model.decl.source.diagnostic('PIKA601', `seed row ${index + 1} of \`${model.decl.name}\` refers to ${shown}, which matches no seed row of \`${target.decl.name}\``, [...rowPath, relation.fields[0]!], { hint }))
  }
}

/** `address.lines[0]`: how a value inside a seed row is named in messages. */
const formatPath = (path: readonly (string | number)[]) => path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i ? `.${s}` : s)).join('')
