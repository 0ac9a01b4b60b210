import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Ir, IrRelationField } from '../../generators/ir/types.ts'
import { renderCatalog, section } from './catalog-text.ts'
import { mermaidBlocks, parseErDiagram } from './parse-mermaid.ts'

const root = join(import.meta.dirname, '..', '..')

/** The diagram of a domain's section, as Mermaid parses it. */
async function domainDiagram(catalog: string, domain: string) {
  const blocks = mermaidBlocks(section(catalog, `## Domain: ${domain}`))
  expect(blocks, domain).toHaveLength(1)
  return parseErDiagram(blocks[0]!)
}

// Mermaid's names for crow's-foot ends: how many of the entity next to the marker.
const end = (field: IrRelationField) => (field.list ? 'ZERO_OR_MORE' : field.optional ? 'ZERO_OR_ONE' : 'ONLY_ONE')

/** Each relation once, from the side that holds the key (or the first list end), as the diagram should draw it. */
function expectedRelationships(ir: Ir, domain: string) {
  const inDomain = (name: string) => ir.models.find((m) => m.name === name)!.domain === domain
  return ir.models.flatMap((model) =>
    model.fields.flatMap((field) => {
      if (field.kind !== 'relation' || !(inDomain(model.name) || inDomain(field.target))) return []
      const opposite = ir.models.find((m) => m.name === field.target)!.fields.find((f) => f.name === field.opposite) as IrRelationField
      if (field.side === 'back' || (field.side === 'many' && `${model.name}.${field.name}` > `${field.target}.${field.opposite}`)) return []
      return [{ from: model.name, to: field.target, role: field.name, cardinality: `${end(opposite)} IDENTIFYING ${end(field)}` }]
    }),
  )
}

describe('the ER diagram of every domain of the platform models', () => {
  const { ir, catalog } = renderCatalog(join(root, 'models'))
  const domains = ir.domains.map((d) => d.name).filter((d) => ir.models.some((m) => m.domain === d))

  it('has one diagram per domain that declares models', () => {
    expect(domains.length).toBeGreaterThan(5)
    expect(mermaidBlocks(catalog)).toHaveLength(domains.length)
  })

  it.each(domains)('%s parses with Mermaid and shows its models, their columns and every link', async (domain) => {
    const diagram = await domainDiagram(catalog, domain)
    for (const model of ir.models.filter((m) => m.domain === domain)) {
      const columns = model.fields.flatMap((f) => (f.kind === 'stored' ? [f] : []))
      const attributes = diagram.entities.get(model.name)
      expect(attributes?.map((a) => a.name), model.name).toEqual(columns.map((c) => c.name))
      for (const [i, column] of columns.entries()) {
        expect(attributes![i]!.keys.includes('PK'), `${model.name}.${column.name} PK`).toBe(model.primaryKey.fields.includes(column.name))
        expect(attributes![i]!.keys.includes('FK'), `${model.name}.${column.name} FK`).toBe(column.foreignKey)
        expect(attributes![i]!.keys.includes('UK'), `${model.name}.${column.name} UK`).toBe(column.unique)
      }
    }
    // Models of other domains are drawn, but empty: their columns are in their own domain's diagram.
    for (const [name, attributes] of diagram.entities) if (ir.models.find((m) => m.name === name)!.domain !== domain) expect(attributes, name).toEqual([])
    expect(diagram.relationships).toEqual(expectedRelationships(ir, domain))
  })
})

describe('the ER diagram of relations of every kind', () => {
  const { catalog } = renderCatalog(join(import.meta.dirname, 'models'))

  it('draws 1:n, m:n, optional self-relations and links to other domains with their crow feet', async () => {
    const club = await domainDiagram(catalog, 'club')
    expect(club.relationships).toEqual([
      { from: 'Class', to: 'Club', role: 'club', cardinality: 'ZERO_OR_MORE IDENTIFYING ONLY_ONE' },
      { from: 'Club', to: 'Tag', role: 'tags', cardinality: 'ZERO_OR_MORE IDENTIFYING ZERO_OR_MORE' },
      { from: 'Club', to: 'Club', role: 'parent', cardinality: 'ZERO_OR_MORE IDENTIFYING ZERO_OR_ONE' },
      { from: 'Club', to: 'Owner', role: 'owner', cardinality: 'ZERO_OR_MORE IDENTIFYING ONLY_ONE' },
    ])
    expect(club.entities.get('Owner')).toEqual([])
  })

  it('draws 1:1 as zero-or-one to exactly one', async () => {
    const owner = await domainDiagram(catalog, 'owner')
    expect(owner.relationships).toContainEqual({ from: 'Licence', to: 'Owner', role: 'owner', cardinality: 'ZERO_OR_ONE IDENTIFYING ONLY_ONE' })
  })

  it('keeps names that are Mermaid keywords, and descriptions with quotes, as what they are', async () => {
    const club = await domainDiagram(catalog, 'club')
    expect(club.entities.get('Class')).toEqual([
      { type: 'String', name: 'id', keys: ['PK'], comment: '' },
      { type: 'Int', name: 'pk', keys: [], comment: 'A field named like a key marker.' },
      { type: 'String', name: 'clubId', keys: ['FK'], comment: '' },
    ])
    expect(club.entities.get('Club')![1]).toEqual({ type: 'String', name: 'name', keys: [], comment: "Shown as 'name' | everywhere." })
    expect(club.entities.get('Club')![2]).toEqual({ type: 'String?', name: 'parentId', keys: ['FK'], comment: '' })
  })
})

describe('the Mermaid parser the tests rely on', () => {
  it.each([
    ['a relationship without a label', 'erDiagram\n  "A" ||--o{ "B"\n'],
    ['a double quote inside an attribute comment', 'erDiagram\n  "A" {\n    String name "say "hi""\n  }\n'],
    ['an unquoted entity named like a keyword', 'erDiagram\n  Class {\n    String id PK\n  }\n'],
    ['an attribute named like a key marker, unquoted', 'erDiagram\n  "A" {\n    String pk\n  }\n'],
    ['a type with a space in it', 'erDiagram\n  "A" {\n    String [] tags\n  }\n'],
    ['an unknown cardinality', 'erDiagram\n  "A" |x--o{ "B" : "b"\n'],
  ])('rejects %s', async (_, source) => {
    await expect(parseErDiagram(source)).rejects.toThrow(/Parse error|Lexical error/)
  })
})
