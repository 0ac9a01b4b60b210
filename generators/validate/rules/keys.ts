import { closestName } from '../../diagnostics/suggest.ts'
import type { MessageId, MessageParams } from '../../diagnostics/diagnostic.ts'
import type { RawIndex } from '../../load/model-file.ts'
import { INDEX_FUNCTIONS, parseIndexKey, parseWhere, type WhereLiteral } from '../../language/index-key.ts'
import type { Decl, SymbolTable } from '../symbols.ts'
import { fieldByName, type ExpandedModel, type RuleContext } from './context.ts'

/** Every model has exactly one id; ids, indexes and uniques name existing stored fields. */
export function checkKeys({ models, symbols, diagnostics }: RuleContext): void {
  for (const model of models.values()) {
    const { decl } = model
    const idFields = model.fields.filter((f) => f.def.id)
    const compound = decl.def.id
    const idCount = idFields.length + (compound ? 1 : 0)
    if (idCount === 0) {
      diagnostics.push(decl.source.diagnostic('PIKA501', 'noId', { model: decl.name }, decl.path, { part: 'key' }))
    } else if (idCount > 1) {
      const [, second] = compound ? [undefined, { source: decl.source, path: [...decl.path, 'id'] }] : idFields
      const firstId = idFields[0]!
      const related = firstId.source.locate([...firstId.path, 'id'], 'key')
      diagnostics.push(second!.source.diagnostic('PIKA502', 'twoIds', { model: decl.name, otherId: firstId.name }, [...second!.path, ...(compound ? [] : ['id'])], { part: 'key', related }))
    }
    const keyLists: Decl<RawIndex>[] = [
      ...(compound ? [{ name: 'id', def: compound, source: decl.source, path: [...decl.path, 'id'] }] : []),
      ...model.indexes,
      ...(decl.def.uniques ?? []).map((def, i) => ({ name: `uniques[${i}]`, def, source: decl.source, path: [...decl.path, 'uniques', i] })),
    ]
    for (const keys of keyLists) checkKeyFields(model, keys, symbols, diagnostics)
  }
}

function checkKeyFields(model: ExpandedModel, keys: Decl<RawIndex>, symbols: SymbolTable, diagnostics: RuleContext['diagnostics']): void {
  const modelNames = symbols.models
  const stored = () => model.fields.filter((f) => !modelNames.has(f.def.type)).map((f) => f.name)
  const isId = keys.name === 'id'
  keys.def.fields.forEach((written, index) => {
    const path = [...keys.path, 'fields', index]
    const key = parseIndexKey(written)
    if (key.kind === 'unknown-function') {
      const forms = isId ? undefined : Object.keys(INDEX_FUNCTIONS).map((f) => `\`${f}(${key.field})\``).join(' or ')
      return void diagnostics.push(keys.source.diagnostic('PIKA510', 'unknownFunction', { function: key.function, forms }, path))
    }
    if (key.kind === 'expression' && isId) return void diagnostics.push(keys.source.diagnostic('PIKA510', 'expressionInId', {}, path))
    const field = fieldByName(model, key.field)
    if (!field) {
      const params = { model: model.decl.name, field: key.field, suggestion: closestName(key.field, stored()), known: stored().join(', ') }
      diagnostics.push(keys.source.diagnostic('PIKA503', 'unknownKeyField', params, path))
    } else if (modelNames.has(field.def.type)) {
      diagnostics.push(keys.source.diagnostic('PIKA503', 'relationAsKeyField', { field: key.field, foreignKey: field.def.relation?.fields?.join(', ') }, path))
    } else if (key.kind === 'expression' && (field.def.type !== 'String' || field.def.list)) {
      diagnostics.push(keys.source.diagnostic('PIKA510', 'expressionNotOnString', { function: key.function, field: key.field, found: field.def.list ? 'a list' : field.def.type }, path))
    }
  })
  if (keys.def.where !== undefined) checkWhere(model, keys, symbols, diagnostics)
}

/**
 * A `where:` names stored single fields of the model and compares each with a literal of its
 * type: an enum value of its enum, true/false for a Boolean, a number for a number, a quoted string
 * for a String; DateTime, Json and Bytes fields only with IS [NOT] NULL.
 */
function checkWhere(model: ExpandedModel, keys: Decl<RawIndex>, symbols: SymbolTable, diagnostics: RuleContext['diagnostics']): void {
  const text = keys.def.where!
  const path = [...keys.path, 'where']
  const report = <M extends MessageId<'PIKA510'>>(id: M, params: MessageParams<'PIKA510', M>, offset: number, length: number): void =>
    void diagnostics.push({ ...keys.source.diagnostic('PIKA510', id, params, path), location: keys.source.locateWithin(path, offset, length) })
  const parsed = parseWhere(text)
  if (!Array.isArray(parsed)) return report('notACondition', { text, error: parsed.error }, parsed.at, 1)
  const stored = model.fields.filter((f) => !symbols.models.has(f.def.type))
  for (const condition of parsed) {
    const field = stored.find((f) => f.name === condition.field)
    if (!field) {
      const related = model.fields.find((f) => f.name === condition.field)
      const foreignKey = related?.def.relation?.fields?.join(', ')
      const params = { model: model.decl.name, field: condition.field, foreignKey, suggestion: foreignKey ? undefined : closestName(condition.field, stored.map((f) => f.name)) }
      report('unknownConditionField', params, condition.at, condition.field.length)
      continue
    }
    if (condition.kind === 'null') continue
    const problem = literalProblem(field.def.type, Boolean(field.def.list), condition.op, condition.value, symbols)
    if (problem) report('literalMismatch', { field: condition.field, problem }, condition.valueAt, String(condition.value.kind === 'string' ? `'${condition.value.value}'` : condition.value.value).length)
  }
}

const NUMBER_TYPES = new Set(['Int', 'BigInt', 'Float', 'Decimal'])

/** Why a literal does not fit the field, or undefined when it does. */
function literalProblem(type: string, list: boolean, op: string, value: WhereLiteral, symbols: SymbolTable): string | undefined {
  if (list) return 'is a list: a condition may only say IS NULL or IS NOT NULL of it'
  const ordered = op !== '=' && op !== '!='
  if (NUMBER_TYPES.has(type)) return value.kind === 'number' ? undefined : `is ${type}: compare it with a number`
  if (ordered) return `is ${type}: only numbers compare with < <= > >=`
  if (type === 'Boolean') return value.kind === 'boolean' ? undefined : 'is Boolean: compare it with true or false'
  if (type === 'String') return value.kind === 'string' ? undefined : "is String: compare it with a 'quoted string'"
  const enumDecl = symbols.enums.get(type)
  if (enumDecl) {
    const values = enumDecl.def.values.map((v) => (typeof v === 'string' ? v : v.name))
    if (value.kind === 'name' && values.includes(value.value)) return undefined
    return `is the enum ${type}: compare it with one of ${values.join(', ')}`
  }
  return `is ${type}: a condition may only say IS NULL or IS NOT NULL of it`
}
