import { existsSync, lstatSync, readFileSync, realpathSync, statSync } from 'node:fs'
import { isAbsolute, join, relative } from 'node:path'
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts'
import { listModelFiles, SETTINGS_FILE } from '../package-files.ts'
import { checkYamlTree, expansionDiagnostic, syntaxDiagnostics } from './check-yaml.ts'
import { SourceFile } from './source-file.ts'
import { parseDataFast } from './yaml-parsers.ts'

/** A model file that parsed into a mapping; `data` is still unvalidated. */
export interface LoadedFile {
  readonly source: SourceFile
  readonly data: Record<string, unknown>
}

export interface LoadResult {
  /** Every file read, including broken ones, for printing code frames. Sorted by name. */
  readonly sources: readonly SourceFile[]
  /** Model files that parsed into a mapping, sorted by name. */
  readonly files: readonly LoadedFile[]
  /** The settings file (SETTINGS_FILE), when there is one and it parsed into a mapping. */
  readonly settings?: LoadedFile
  readonly diagnostics: readonly Diagnostic[]
}

/** Bigger files are refused unread: a model file is hand-written, and parsing megabytes would stall editors' watch loops. */
export const MAX_FILE_BYTES = 1024 * 1024
/** Outside YAML's printable set (tab, line breaks, NEL and the BOM are allowed); one message instead of the parser's confusion. */
const NON_PRINTABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f\ufffe\uffff]/
const KEBAB_CASE_FILE = /^[a-z][a-z0-9]*(-[a-z0-9]+)*\.ya?ml$/

/**
 * Parsed files by name, with the text they were parsed from. Watch mode keeps one per session so a
 * save re-parses only the file that changed; results are never mutated, so sharing them is safe.
 */
export type ParseCache = Map<string, { readonly text: string; readonly result: FileResult }>

/** Reads and parses every model file. The only stage that reads YAML. */
export function loadModels(modelsDir: string, cache?: ParseCache): LoadResult {
  const sources: SourceFile[] = []
  const files: LoadedFile[] = []
  const diagnostics: Diagnostic[] = []
  for (const name of listModelFiles(modelsDir)) {
    const escape = linkLeavingFolder(modelsDir, name)
    const result = escape ?? loadModelFile(join(modelsDir, name), name, cache)
    sources.push(result.source)
    diagnostics.push(...result.diagnostics)
    if (result.data) files.push({ source: result.source, data: result.data })
  }
  if (!existsSync(join(modelsDir, SETTINGS_FILE))) return { sources, files, diagnostics }
  const settings = linkLeavingFolder(modelsDir, SETTINGS_FILE) ?? loadModelFile(join(modelsDir, SETTINGS_FILE), SETTINGS_FILE, cache)
  diagnostics.push(...settings.diagnostics)
  return { sources: [...sources, settings.source], files, diagnostics, ...(settings.data ? { settings: { source: settings.source, data: settings.data } } : {}) }
}

/**
 * A model file that is a symbolic link is followed when it leads to a file inside the models folder
 * (one domain shared under two names, a generated file kept beside the others) and refused when it
 * leads outside: the models folder is the whole input, and what it names must not depend on other
 * folders of the machine. A dangling link is left to loadModelFile (unreadable, PIKA010).
 */
function linkLeavingFolder(modelsDir: string, name: string): FileResult | undefined {
  const path = join(modelsDir, name)
  let target: string
  try {
    if (!lstatSync(path).isSymbolicLink()) return undefined
    target = realpathSync(path)
  } catch {
    return undefined
  }
  const inside = relative(realpathSync(modelsDir), target)
  if (inside && !inside.startsWith('..') && !isAbsolute(inside)) return undefined
  const source = new SourceFile(name, '')
  return { source, diagnostics: [source.diagnostic('PIKA012', 'linkLeavesFolder', { file: name }, [])] }
}

export interface FileResult {
  source: SourceFile
  data?: Record<string, unknown>
  diagnostics: Diagnostic[]
}

export function loadModelFile(path: string, name: string, cache?: ParseCache): FileResult {
  const empty = () => new SourceFile(name, '')
  let text: string
  try {
    const size = statSync(path).size
    if (size > MAX_FILE_BYTES) {
      const source = empty()
      return { source, diagnostics: [source.diagnostic('PIKA004', 'fileTooLarge', { sizeKiB: Math.ceil(size / 1024), limitKiB: MAX_FILE_BYTES / 1024 }, [])] }
    }
    text = readFileSync(path, 'utf8')
  } catch (error) {
    const source = empty()
    return { source, diagnostics: [source.diagnostic('PIKA010', 'unreadable', { reason: (error as Error).message }, [])] }
  }
  const cached = cache?.get(name)
  if (cached?.text === text) return cached.result
  const result = parseModelText(name, text)
  cache?.set(name, { text, result })
  return result
}

function parseModelText(name: string, text: string): FileResult {
  const source = new SourceFile(name, text)
  const diagnostics: Diagnostic[] = []
  const isSettings = name === SETTINGS_FILE
  if (!isSettings && !KEBAB_CASE_FILE.test(name)) {
    const suggestion = name.replace(/\.ya?ml$/i, '').replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/[_\s]+/g, '-').toLowerCase()
    // About the file, not a node in it: a single caret at its start.
    const location = source.rangeToLocation([0, 0])
    diagnostics.push(diagnostic('PIKA007', 'fileNameNotKebabCase', { file: name, suggestion }, location))
  }
  const unprintable = NON_PRINTABLE.exec(text)
  if (unprintable) {
    const hex = unprintable[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')
    const location = source.rangeToLocation([unprintable.index, unprintable.index + 1])
    return { source, diagnostics: [...diagnostics, diagnostic('PIKA001', 'controlCharacter', { codePoint: `U+${hex}`, hex }, location)] }
  }
  const fast = parseDataFast(text)
  if (fast) return { source, data: fast, diagnostics }

  // Refused by the fast parser: `yaml` says what is wrong, or reads what only it accepts (aliases).
  const { document } = source.positioned
  const syntaxErrors = syntaxDiagnostics(document, source)
  if (syntaxErrors.length) return { source, diagnostics: [...diagnostics, ...syntaxErrors] }

  const treeErrors = checkYamlTree(document, source)
  if (treeErrors.length) return { source, diagnostics: [...diagnostics, ...treeErrors] }

  const expansion = expansionDiagnostic(document, source)
  if (expansion) return { source, diagnostics: [...diagnostics, expansion] }

  // Expansion is bounded above, so the library's own alias count limit is not needed.
  const data: unknown = document.toJS({ maxAliasCount: -1 })
  // A settings file of comments only (say, just its schema line) keeps every default.
  if ((data === null || data === undefined) && isSettings) return { source, data: {}, diagnostics }
  if (data === null || data === undefined) {
    return { source, diagnostics: [...diagnostics, source.diagnostic('PIKA002', 'emptyFile', {}, [])] }
  }
  if (typeof data !== 'object' || Array.isArray(data)) {
    const found = Array.isArray(data) ? 'a list' : `a ${typeof data}`
    return { source, diagnostics: [...diagnostics, source.diagnostic('PIKA003', isSettings ? 'settingsNotAMapping' : 'notAMapping', { found }, [])] }
  }
  return { source, data: data as Record<string, unknown>, diagnostics }
}
