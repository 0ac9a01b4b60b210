import type { Diagnostic } from '../../diagnostics/diagnostic.ts'
import type { ExpandedDecl } from '../expand-mixins.ts'
import type { Decl, FieldDecl, SymbolTable } from '../symbols.ts'
import type { RawModel } from '../../load/model-file.ts'

/** What every semantic rule reads, and where it reports. Rules never throw and never stop early. */
export interface RuleContext {
  readonly symbols: SymbolTable
  /** Each model with its mixins expanded, by model name. */
  readonly models: ReadonlyMap<string, ExpandedModel>
  readonly diagnostics: Diagnostic[]
}

export interface ExpandedModel extends ExpandedDecl {
  readonly decl: Decl<RawModel>
}

export const fieldByName = (model: ExpandedModel, name: string): FieldDecl | undefined => model.fields.find((f) => f.name === name)

export type Rule = (context: RuleContext) => void
