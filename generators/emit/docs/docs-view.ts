import type { Ir, IrDomain, IrEnum, IrShape } from '../../ir/types.ts'
import { erDiagramLines } from './er-diagram.ts'
import { constraintsText, heading, typeText } from './field-text.ts'
import { cell, code, link, tableLines } from './markdown-text.ts'
import { buildModelView, describe, describeCell, type ModelView } from './model-view.ts'
import { declarationsOf } from '../../ir/lookup.ts'

/** What the catalog template prints: every line already rendered; the template only loops. */
export interface DocsView {
  readonly notice: string
  /** Table-of-contents lines, one per domain. */
  readonly contents: readonly string[]
  readonly domains: readonly DomainView[]
}

export interface DomainView {
  readonly heading: string
  readonly description: string
  /** `Source: models/gym.yaml · Models: …`: what the domain declares, linked. */
  readonly summary: string
  /** Mermaid source lines, empty when the domain declares no models. */
  readonly diagram: readonly string[]
  readonly models: readonly ModelView[]
  readonly enums: readonly { readonly heading: string; readonly description: string; readonly values: readonly string[] }[]
  readonly shapes: readonly { readonly heading: string; readonly description: string; readonly fields: readonly string[] }[]
}

export function buildDocsView(ir: Ir, notice: string): DocsView {
  return {
    notice,
    contents: ir.domains.map((d) => `- ${link(d.name, heading.domain(d.name))}${d.description === undefined ? '' : `: ${cell(d.description.replace(/\s*\n\s*/g, ' '))}`}`),
    domains: ir.domains.map((d) => buildDomainView(ir, d)),
  }
}

function buildDomainView(ir: Ir, domain: IrDomain): DomainView {
  const { models, enums, shapes } = declarationsOf(ir, domain.name)
  const links = (label: string, names: readonly string[], to: (name: string) => string) => (names.length ? [`${label}: ${names.map((n) => link(n, to(n))).join(', ')}`] : [])
  return {
    heading: heading.domain(domain.name),
    description: describe(domain.description, false),
    summary: [
      `Source: ${code(`${ir.modelsDir}/${domain.file}`)}`,
      ...links('Models', models.map((m) => m.name), heading.model),
      ...links('Enums', enums.map((e) => e.name), heading.enum),
      ...links('Shapes', shapes.map((s) => s.name), heading.shape),
    ].join(' · '),
    diagram: models.length ? erDiagramLines(ir, domain.name) : [],
    models: models.map((m) => buildModelView(ir, m)),
    enums: enums.map(buildEnumView),
    shapes: shapes.map(buildShapeView),
  }
}

function buildEnumView(e: IrEnum) {
  const rows = e.values.map((v) => [[code(v.name), v.renamedFrom && `(renamed from ${code(v.renamedFrom)})`].filter(Boolean).join(' '), describeCell(v.description, false)])
  return { heading: heading.enum(e.name), description: describe(e.description, e.deprecated), values: tableLines(['Value', 'Description'], rows) }
}

function buildShapeView(s: IrShape) {
  const rows = s.fields.map((f) => [code(f.name), typeText(f.type, f.list, f.optional), constraintsText(f.constraints), describeCell(f.description, f.deprecated)])
  return { heading: heading.shape(s.name), description: describe(s.description, s.deprecated), fields: tableLines(['Field', 'Type', 'Constraints', 'Description'], rows) }
}
