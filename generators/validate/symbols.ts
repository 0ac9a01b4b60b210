import type { Diagnostic } from '../diagnostics/diagnostic.ts'
import type { LoadedFile } from '../load/load-models.ts'
import type { ModelFileData, RawEnum, RawField, RawMixin, RawModel, RawShape } from '../load/model-file.ts'
import type { DataPath, SourceFile } from '../load/source-file.ts'
import { SCALAR_TYPES } from '../language/language.ts'
import { PatternRunner } from './pattern-budget.ts'


/** A named declaration and where it was written. `path` leads to it inside its file's data. */
export interface Decl<T> {
  readonly name: string
  readonly def: T
  readonly source: SourceFile
  readonly path: DataPath
}

/** A field as written, in a model, mixin or shape. A mixin's fields keep their own file and path. */
export interface FieldDecl extends Decl<RawField> {
  /** The mixin it came from, when it was not written in the model itself. */
  readonly mixin?: string
}

/** Every declaration of every file, by name. Names share one namespace across kinds and files. */
export interface SymbolTable {
  readonly enums: ReadonlyMap<string, Decl<RawEnum>>
  readonly shapes: ReadonlyMap<string, Decl<RawShape>>
  readonly mixins: ReadonlyMap<string, Decl<RawMixin>>
  readonly models: ReadonlyMap<string, Decl<RawModel>>
  /** Names declared in files that failed the JSON Schema: they exist, but their content is not trusted. */
  readonly brokenNames: ReadonlySet<string>
  /** The file-level `description` of each domain, by file. */
  readonly domains: ReadonlyMap<string, string | undefined>
  /** The `extensions:` each file declares, by file. */
  readonly extensions: ReadonlyMap<string, readonly string[]>
  /** Runs the fields' patterns on literal values within a time budget; one per compile. */
  readonly patterns: PatternRunner
}

const sections = [
  ['enums', 'enum'],
  ['types', 'type'],
  ['mixins', 'mixin'],
  ['models', 'model'],
] as const

/**
 * Collects declarations from files (already schema-checked, or at least mappings). Only the names are
 * trusted here, so even a file with schema errors contributes its names and spares other files
 * misleading "unknown type" reports.
 */
export function collectSymbols(files: readonly LoadedFile[]): { symbols: SymbolTable; diagnostics: Diagnostic[] } {
  const tables = { enums: new Map(), types: new Map(), mixins: new Map(), models: new Map() } as Record<string, Map<string, Decl<unknown>>>
  const firstByName = new Map<string, { kind: string; decl: Decl<unknown> }>()
  const domains = new Map<string, string | undefined>()
  const extensions = new Map<string, readonly string[]>()
  const diagnostics: Diagnostic[] = []
  for (const { source, data } of files) {
    const fileData = data as ModelFileData
    domains.set(source.file, typeof fileData.description === 'string' ? fileData.description : undefined)
    if (Array.isArray(fileData.extensions)) extensions.set(source.file, fileData.extensions.filter((e) => typeof e === 'string'))
    for (const [section, kind] of sections) {
      const entries = data[section]
      if (!entries || typeof entries !== 'object' || Array.isArray(entries)) continue
      for (const [name, def] of Object.entries(entries)) {
        const decl: Decl<unknown> = { name, def, source, path: [section, name] }
        const first = firstByName.get(name)
        if (first) {
          const related = first.decl.source.locate(first.decl.path, 'key')
          const firstFile = first.decl.source.file === source.file ? undefined : first.decl.source.file
          const params = { kind, name, firstKind: first.kind, firstFile, article: first.kind === 'enum' ? 'an' : 'a' }
          diagnostics.push(source.diagnostic('PIKA201', first.kind === kind ? 'declaredTwice' : 'declaredAsOtherKind', params, decl.path, { part: 'key', related }))
          continue
        }
        firstByName.set(name, { kind, decl })
        tables[section]!.set(name, decl)
      }
    }
  }
  const symbols = {
    enums: tables.enums as Map<string, Decl<RawEnum>>,
    shapes: tables.types as Map<string, Decl<RawShape>>,
    mixins: tables.mixins as Map<string, Decl<RawMixin>>,
    models: tables.models as Map<string, Decl<RawModel>>,
    brokenNames: new Set<string>(),
    domains,
    extensions,
    patterns: new PatternRunner(),
  }
  return { symbols, diagnostics }
}

type FieldOwner = Decl<{ readonly fields: Readonly<Record<string, RawField>> }>
const declaredFields = new WeakMap<FieldOwner, readonly FieldDecl[]>()

/**
 * The fields a declaration owns directly, in declaration order. Several rules and the mixin
 * expansion ask for the same declaration's fields, so they are built once per declaration (callers
 * must not mutate them); fields included through a mixin are built per inclusion.
 */
export function ownFields(decl: FieldOwner, mixin?: string): readonly FieldDecl[] {
  if (mixin) return buildOwnFields(decl, mixin)
  let fields = declaredFields.get(decl)
  if (!fields) declaredFields.set(decl, (fields = buildOwnFields(decl)))
  return fields
}

function buildOwnFields(decl: FieldOwner, mixin?: string): FieldDecl[] {
  return Object.entries(decl.def.fields ?? {}).map(([name, def]) => ({
    name,
    def,
    source: decl.source,
    path: [...decl.path, 'fields', name],
    ...(mixin ? { mixin } : {}),
  }))
}

/** All names a `type:` may refer to, for "did you mean" hints. */
export function knownTypeNames(symbols: SymbolTable): string[] {
  return [...SCALAR_TYPES, ...symbols.enums.keys(), ...symbols.models.keys()]
}
