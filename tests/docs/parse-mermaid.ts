import mermaid from 'mermaid'

/** An erDiagram as Mermaid's own parser understood it: entities with their attributes, and relationships. */
export interface ParsedErDiagram {
  readonly entities: ReadonlyMap<string, readonly { readonly type: string; readonly name: string; readonly keys: readonly string[]; readonly comment: string }[]>
  readonly relationships: readonly { readonly from: string; readonly to: string; readonly role: string; readonly cardinality: string }[]
}

interface ErDb {
  getEntities(): Map<string, { id: string; label: string; attributes: { type: string; name: string; keys: string[]; comment: string }[] }>
  getRelationships(): { entityA: string; entityB: string; roleA: string; relSpec: { cardA: string; relType: string; cardB: string } }[]
}

/**
 * Parses with the `mermaid` package's grammar (the one that renders on GitHub): `parse` throws on a
 * syntax error; the diagram's database then tells what was understood. Runs in Node: parsing needs no DOM.
 */
export async function parseErDiagram(source: string): Promise<ParsedErDiagram> {
  const { diagramType } = (await mermaid.parse(source)) as { diagramType: string }
  if (diagramType !== 'er') throw new Error(`expected an erDiagram, got ${diagramType}`)
  const db = (await mermaid.mermaidAPI.getDiagramFromText(source)).db as unknown as ErDb
  const entities = [...db.getEntities().values()]
  const labelOf = new Map(entities.map((e) => [e.id, e.label]))
  return {
    entities: new Map(entities.map((e) => [e.label, e.attributes.map((a) => ({ type: a.type, name: a.name, keys: [...a.keys], comment: a.comment }))])),
    relationships: db.getRelationships().map((r) => ({
      from: labelOf.get(r.entityA) ?? r.entityA,
      to: labelOf.get(r.entityB) ?? r.entityB,
      role: r.roleA,
      // Mermaid stores cardB for the left entity, cardA for the right one.
      cardinality: `${r.relSpec.cardB} ${r.relSpec.relType} ${r.relSpec.cardA}`,
    })),
  }
}

/** The body of every ```mermaid block of a Markdown text, in order. */
export function mermaidBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```mermaid\n([\s\S]*?)^```$/gm)].map((m) => m[1]!)
}
