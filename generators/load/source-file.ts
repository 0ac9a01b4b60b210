import type { Node, Pair } from 'yaml'
import type { Diagnostic, Severity, SourceLocation } from '../diagnostics/diagnostic.ts'
import type { DiagnosticCode } from '../diagnostics/codes.ts'
import { parseWithPositions, yamlLibrary, type PositionedDocument } from './yaml-parsers.ts'

/** A path into a model file's data, e.g. ['models', 'Gym', 'fields', 'gymId', 'type']. */
export type DataPath = readonly (string | number)[]

/** Which part of a `key: value` pair a diagnostic should underline. */
export type Part = 'key' | 'value'

/**
 * A model file's text. Source positions come from a `yaml` parse of the text made on first use:
 * the data was read by a faster parser that keeps none, and a run over well-formed models never
 * asks for a position (see yaml-parsers.ts).
 */
export class SourceFile {
  #positioned: PositionedDocument | undefined

  constructor(
    /** Relative to the models folder, `/`-separated. */
    readonly file: string,
    readonly text: string,
  ) {}

  /** The text as a `yaml` document with source ranges (parsed once, on first use). */
  get positioned(): PositionedDocument {
    return (this.#positioned ??= parseWithPositions(this.text))
  }

  /**
   * The location of the node at `path`, or of its nearest existing ancestor. Resolved when first
   * read: the IR records a location for every declaration, and only diagnostics and diffs read one.
   */
  locate(path: DataPath, part: Part = 'value'): SourceLocation {
    return new LazyLocation(this, path, part)
  }

  /**
   * The location of `length` characters at `offset` inside the string value at `path` (a field
   * name inside a `where:`), when the value is written without escapes so offsets in the value are
   * offsets in the text; otherwise the whole value.
   */
  locateWithin(path: DataPath, offset: number, length: number): SourceLocation {
    const range = findRange(this.positioned.document.contents, path, 'value')
    if (!range) return this.locate(path)
    const written = this.text.slice(range[0], range[1])
    const value = this.positioned.document.getIn(path)
    const at = typeof value === 'string' ? written.indexOf(value) : -1
    if (at < 0) return this.locate(path)
    const start = range[0] + at + offset
    return this.rangeToLocation([start, start + Math.max(1, length)])
  }

  rangeToLocation([start, end]: readonly [number, number]): SourceLocation {
    const { lineCounter } = this.positioned
    const from = lineCounter.linePos(start)
    // A multi-line node is underlined up to the end of its first line only.
    const to = lineCounter.linePos(Math.max(end, start + 1))
    const line = Math.max(1, from.line)
    const column = Math.max(1, from.col)
    return { file: this.file, line, column, endLine: Math.max(line, to.line), endColumn: Math.max(column + 1, to.col) }
  }

  diagnostic(
    code: DiagnosticCode,
    message: string,
    path: DataPath,
    options: { part?: Part; hint?: string; severity?: Severity; related?: Diagnostic['related'] } = {},
  ): Diagnostic {
    return {
      code,
      severity: options.severity ?? 'error',
      message,
      location: this.locate(path, options.part),
      ...(options.hint ? { hint: options.hint } : {}),
      ...(options.related?.length ? { related: options.related } : {}),
    }
  }
}

/**
 * A location whose line and columns are computed on first read. A class rather than an object with
 * its own getters: the IR holds one per declaration, and this is ~10× cheaper to create. deepFreeze
 * reads own properties only, so it freezes `file` and leaves the position unresolved.
 */
class LazyLocation implements SourceLocation {
  readonly file: string
  readonly #source: SourceFile
  readonly #path: DataPath
  readonly #part: Part
  #resolved: SourceLocation | undefined

  constructor(source: SourceFile, path: DataPath, part: Part) {
    this.file = source.file
    this.#source = source
    this.#path = path
    this.#part = part
  }

  #get(): SourceLocation {
    return (this.#resolved ??= this.#source.rangeToLocation(findRange(this.#source.positioned.document.contents, this.#path, this.#part) ?? [0, 0]))
  }

  get line() {
    return this.#get().line
  }
  get column() {
    return this.#get().column
  }
  get endLine() {
    return this.#get().endLine
  }
  get endColumn() {
    return this.#get().endColumn
  }

  toJSON(): SourceLocation {
    return this.#get()
  }
}

function findRange(root: unknown, path: DataPath, part: Part): [number, number] | undefined {
  const { isMap, isPair, isScalar, isSeq } = yamlLibrary()
  let node = root as Node | null
  let pair: Pair | undefined
  let best = rangeOf(node)
  for (const segment of path) {
    pair = undefined
    if (isMap(node)) {
      pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment))
      node = (pair?.value as Node | null) ?? null
      if (!pair) return best
      best = rangeOf(node) ?? rangeOf(pair.key as Node)
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment]
      node = isPair(item) ? null : ((item as Node | null) ?? null)
      if (!node) return best
      best = rangeOf(node)
    } else {
      return best
    }
  }
  const keyRange = pair ? rangeOf(pair.key as Node) : undefined
  const valueIsCollection = isMap(node) || isSeq(node)
  // `default:` with nothing after it is a null of zero width: point at the key instead.
  const valueIsEmpty = !node?.range || node.range[0] === node.range[1]
  if (keyRange && (part === 'key' || valueIsCollection || valueIsEmpty)) return keyRange
  return best
}

function rangeOf(node: Node | null | undefined): [number, number] | undefined {
  if (!node?.range) return undefined
  return [node.range[0], node.range[1]]
}
