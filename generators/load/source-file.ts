import type { Node, Pair } from 'yaml'
import { diagnostic, type Diagnostic, type MessageId, type MessageParams, type SourceLocation } from '../diagnostics/diagnostic.ts'
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
   * The location of the node at `path`, or of its nearest existing ancestor, as a plain value. Asked
   * for by diagnostics and by whoever prints an IR location (which holds only the path), so a run
   * over clean models never parses positions.
   */
  locate(path: DataPath, part: Part = 'value'): SourceLocation {
    return this.rangeToLocation(findRange(this.positioned.document.contents, path, part) ?? [0, 0])
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

  /** Message `id` of `code` (see codes.ts) at `path`; `related` is the place its note points to. */
  diagnostic<C extends DiagnosticCode, M extends MessageId<C>>(
    code: C,
    id: M,
    params: MessageParams<C, M>,
    path: DataPath,
    options: { part?: Part; related?: SourceLocation } = {},
  ): Diagnostic {
    return diagnostic(code, id, params, this.locate(path, options.part), options.related)
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
