import { isStoredField, isRelationField, type Ir, type IrModel, type IrRelationField, type IrStoredField } from '../../ir/types.ts'
import { declarationsOf, derivedFromIr, oppositeEnd } from '../../ir/lookup.ts'

/**
 * Mermaid `erDiagram` source for one domain: its models with their columns, and every relation with
 * at least one end in the domain. Models of other domains appear only through those relations (no
 * attribute block), so the diagram shows the domain's links without repeating other domains.
 * Syntax follows Mermaid's erDiagram grammar (src/diagrams/er/parser/erDiagram.jison).
 */
export function erDiagramLines(ir: Ir, domain: string): string[] {
  const models = declarationsOf(ir, domain).models
  const inDomain = new Set(models.map((m) => m.name))
  const entities = models.flatMap(entityLines)
  const relationships = relationPairs(ir).filter(({ model, field }) => inDomain.has(model.name) || inDomain.has(field.target)).map(relationshipLine)
  return ['erDiagram', ...entities, ...relationships]
}

// Names are always quoted: unquoted, names such as `Class`, `End` or `One` are keywords of the grammar.
const entityName = (name: string) => `"${name}"`

function entityLines(model: IrModel): string[] {
  const columns = model.fields.filter(isStoredField)
  return [`  ${entityName(model.name)} {`, ...columns.map((c) => `    ${attributeLine(c, model)}`), '  }']
}

function attributeLine(column: IrStoredField, model: IrModel): string {
  const base = column.type.kind === 'enum' ? column.type.enum : column.type.scalar
  const type = word(`${base}${column.list ? '[]' : column.optional ? '?' : ''}`)
  const keys = [model.primaryKey.fields.includes(column.name) && 'PK', column.foreignKey && 'FK', column.unique && 'UK'].filter(Boolean).join(', ')
  const comment = column.description === undefined ? '' : attributeComment(column.description)
  return [type, word(column.name), keys, comment && `"${comment}"`].filter(Boolean).join(' ')
}

/** A type or name token. Words starting with PK, FK or UK lex as key markers (case-insensitively) unless in backticks. */
const word = (text: string) => (/^(pk|fk|uk)(?![A-Za-z0-9_])/i.test(text) ? `\`${text}\`` : text)

/** The description's first sentence, on one line, without `"` (a comment is `"[^"]*"` in the grammar), kept short. */
export function attributeComment(description: string): string {
  const flat = description.replace(/\s+/g, ' ').replace(/"/g, "'").trim()
  const sentence = /^.*?[.!?](?= |$)/.exec(flat)?.[0] ?? flat
  if (sentence.length <= 60) return sentence
  const cut = sentence.slice(0, 59)
  return `${cut.slice(0, cut.lastIndexOf(' ') > 30 ? cut.lastIndexOf(' ') : 59)}…`
}

type RelationPair = { model: IrModel; field: IrRelationField; opposite: IrRelationField }

// Every domain's diagram reads the same pairs: worked out once per IR.
const relationPairs = derivedFromIr(findRelationPairs)

/** Each relation once: from its owner side (which holds the foreign key), or the first of two list ends. */
function findRelationPairs(ir: Ir): RelationPair[] {
  return ir.models.flatMap((model) =>
    model.fields.flatMap((field) => {
      if (!isRelationField(field)) return []
      const opposite = oppositeEnd(ir, field)
      if (!opposite) return []
      const first = field.side === 'owner' || (field.side === 'many' && `${model.name}.${field.name}` <= `${field.target}.${field.opposite}`)
      return first ? [{ model, field, opposite }] : []
    }),
  )
}

/**
 * `Owner }o--|| Target : "field"`: the marker next to an entity says how many of it the other side
 * has. The owner side is one row (a foreign key) or, for a join table, a list.
 */
function relationshipLine({ model, field, opposite }: { model: IrModel; field: IrRelationField; opposite: IrRelationField }): string {
  const left = opposite.list ? '}o' : opposite.optional ? '|o' : '||'
  const right = field.list ? 'o{' : field.optional ? 'o|' : '||'
  return `  ${entityName(model.name)} ${left}--${right} ${entityName(field.target)} : "${field.name}"`
}
