import type { Diagnostic } from '../diagnostics/diagnostic.ts'
import { hasErrors } from '../diagnostics/diagnostic.ts'
import type { LoadedFile } from '../load/load-models.ts'
import { expandMixins } from './expand-mixins.ts'
import type { ExpandedModel, Rule, RuleContext } from './rules/context.ts'
import { checkArchivePolicies } from './rules/archive.ts'
import { checkDatabaseRules } from './rules/database.ts'
import { checkFields } from './rules/fields.ts'
import { checkModelChecks } from './rules/checks.ts'
import { checkKeys } from './rules/keys.ts'
import { checkNames } from './rules/names.ts'
import { checkRelations } from './rules/relations.ts'
import { checkSeedRows } from './rules/seed.ts'
import { checkShapeCycles } from './rules/shapes.ts'
import { collectSymbols, type SymbolTable } from './symbols.ts'
import { validateSchema } from './validate-schema.ts'

/** Rules that look at one declaration at a time; they run on every file that passed the JSON Schema. */
const localRules: readonly Rule[] = [checkNames, checkFields]
/** Rules that need the whole, locally valid model set: keys, relations across models, seed rows. */
const globalRules: readonly Rule[] = [checkKeys, checkModelChecks, checkRelations, checkDatabaseRules, checkShapeCycles, checkSeedRows, checkArchivePolicies]

export interface ValidationResult {
  readonly symbols: SymbolTable
  readonly models: ReadonlyMap<string, ExpandedModel>
  readonly diagnostics: readonly Diagnostic[]
}

/**
 * JSON Schema first, then semantic rules. Every file's names enter the symbol table even when the file
 * has schema errors, so one typo does not cascade into "unknown type" reports in other files; the
 * semantic rules only run on files that passed the schema.
 */
export function validateModels(files: readonly LoadedFile[]): ValidationResult {
  const schemaDiagnostics = files.map((file) => validateSchema(file))
  const validFiles = files.filter((_, i) => schemaDiagnostics[i]!.length === 0)
  const { symbols: allSymbols, diagnostics: nameDiagnostics } = collectSymbols(files)
  const validNames = new Set(validFiles.map((f) => f.source.file))
  const symbols = onlyFrom(allSymbols, validNames)
  const diagnostics: Diagnostic[] = [...schemaDiagnostics.flat(), ...nameDiagnostics]

  const models = new Map<string, ExpandedModel>()
  for (const decl of symbols.mixins.values()) expandMixins(decl, symbols, diagnostics)
  for (const decl of symbols.models.values()) models.set(decl.name, { decl, ...expandMixins(decl, symbols, diagnostics) })

  const context: RuleContext = { symbols, models, diagnostics }
  for (const rule of localRules) rule(context)
  // Relations and keys across models are only meaningful once every file is valid on its own.
  if (!hasErrors(diagnostics) && validFiles.length === files.length) for (const rule of globalRules) rule(context)
  return { symbols, models, diagnostics: dedupe(diagnostics) }
}

/** Keeps the declarations of valid files; the others are remembered by name only. */
function onlyFrom(symbols: SymbolTable, files: ReadonlySet<string>): SymbolTable {
  const brokenNames = new Set<string>()
  const keep = <T extends { name: string; source: { file: string } }>(table: ReadonlyMap<string, T>) =>
    new Map(
      [...table].filter(([, d]) => {
        if (!files.has(d.source.file)) brokenNames.add(d.name)
        return files.has(d.source.file)
      }),
    )
  return { ...symbols, enums: keep(symbols.enums), shapes: keep(symbols.shapes), mixins: keep(symbols.mixins), models: keep(symbols.models), brokenNames }
}

/** A broken mixin is expanded once per model that uses it; report each problem once. */
function dedupe(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>()
  return diagnostics.filter((d) => {
    const key = `${d.code}|${d.location.file}|${d.location.line}|${d.location.column}|${d.message}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
