import type { Diagnostic } from '../diagnostics/diagnostic.ts'
import { closestName } from '../diagnostics/suggest.ts'
import type { RawField, RawIndex, RawMixin, RawModel } from '../load/model-file.ts'
import { ownFields, type Decl, type FieldDecl, type SymbolTable } from './symbols.ts'

/** The column `softDelete: true` adds, and how it is declared. */
export const SOFT_DELETE_FIELD = 'deletedAt'
const SOFT_DELETE_FIELD_DEF: RawField = { type: 'DateTime', optional: true, readOnly: true, description: 'When the row was deleted (soft delete); null while it is live.' }

/** An index or unique declared in a model or one of its mixins, with where it was written. */
export interface IndexDecl extends Decl<RawIndex> {}

/** A model or mixin with its mixins expanded: mixin fields first, in the order the mixins are listed. */
export interface ExpandedDecl {
  readonly fields: readonly FieldDecl[]
  readonly indexes: readonly IndexDecl[]
}

/**
 * Expands mixins recursively. Reports unknown mixins, cycles, and fields declared twice; on any of
 * these the offending mixin or field is left out, so later rules see a consistent field list.
 */
export function expandMixins(decl: Decl<RawModel | RawMixin>, symbols: SymbolTable, diagnostics: Diagnostic[]): ExpandedDecl {
  return expand(decl, symbols, diagnostics, [decl.name], undefined)
}

function expand(decl: Decl<RawModel | RawMixin>, symbols: SymbolTable, diagnostics: Diagnostic[], chain: string[], viaMixin: string | undefined): ExpandedDecl {
  const fields: FieldDecl[] = []
  const indexes: IndexDecl[] = []
  const mixinNames = Array.isArray(decl.def.mixins) ? decl.def.mixins : []
  mixinNames.forEach((mixinName, index) => {
    const at = [...decl.path, 'mixins', index]
    const mixin = symbols.mixins.get(mixinName)
    if (!mixin) {
      if (symbols.brokenNames.has(mixinName)) return // declared in a file that already has errors
      const known = symbols.mixins.size ? [...symbols.mixins.keys()].join(', ') : undefined
      diagnostics.push(decl.source.diagnostic('PIKA304', 'unknownMixin', { mixin: mixinName, suggestion: closestName(mixinName, symbols.mixins.keys()), known }, at))
      return
    }
    if (chain.includes(mixinName)) {
      const cycle = [...chain.slice(chain.indexOf(mixinName)), mixinName].join(' → ')
      diagnostics.push(decl.source.diagnostic('PIKA305', 'mixinCycle', { cycle }, at))
      return
    }
    const inner = expand(mixin, symbols, diagnostics, [...chain, mixinName], viaMixin ?? mixinName)
    fields.push(...inner.fields)
    indexes.push(...inner.indexes)
  })
  fields.push(...ownFields(decl as Decl<RawModel>, viaMixin))
  const declIndexes = Array.isArray(decl.def.indexes) ? decl.def.indexes : []
  declIndexes.forEach((def, i) => indexes.push({ name: `${decl.name}.indexes[${i}]`, def, source: decl.source, path: [...decl.path, 'indexes', i] }))
  if (viaMixin === undefined && (decl.def as RawModel).softDelete === true) {
    // Declared by `softDelete: true`, located there; a model's own `deletedAt` is then declared twice (PIKA205).
    const at = [...decl.path, 'softDelete']
    fields.push({ name: SOFT_DELETE_FIELD, def: SOFT_DELETE_FIELD_DEF, source: decl.source, path: at })
    indexes.push({ name: `${decl.name}.softDelete`, def: { fields: [SOFT_DELETE_FIELD] }, source: decl.source, path: at })
  }
  return { fields: dropDuplicateFields(fields, decl, diagnostics), indexes }
}

function dropDuplicateFields(fields: FieldDecl[], owner: Decl<unknown>, diagnostics: Diagnostic[]): FieldDecl[] {
  const seen = new Map<string, FieldDecl>()
  for (const field of fields) {
    const first = seen.get(field.name)
    if (!first) {
      seen.set(field.name, field)
      continue
    }
    const related = first.source.locate(first.path, 'key')
    const id = field.path.at(-1) === 'softDelete' ? 'softDeleteFieldDeclaredTwice' : 'fieldDeclaredTwice'
    diagnostics.push(field.source.diagnostic('PIKA205', id, { field: field.name, owner: owner.name, firstMixin: first.mixin }, field.path, { part: 'key', related }))
  }
  return [...seen.values()]
}
