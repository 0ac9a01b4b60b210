import { isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node, type Pair } from 'yaml'
import type { Diagnostic, Severity, SourceLocation } from '../diagnostics/diagnostic.ts'
import type { DiagnosticCode } from '../diagnostics/codes.ts'

/** A path into a model file's data, e.g. ['models', 'Gym', 'fields', 'gymId', 'type']. */
export type DataPath = readonly (string | number)[]

/** Which part of a `key: value` pair a diagnostic should underline. */
export type Part = 'key' | 'value'

/** A parsed model file. Positions are looked up on demand from the kept YAML document. */
export class SourceFile {
  constructor(
    /** Relative to the models folder, `/`-separated. */
    readonly file: string,
    readonly text: string,
    private readonly document: Document.Parsed | undefined,
    private readonly lineCounter: LineCounter,
  ) {}

  /** The location of the node at `path`, or of its nearest existing ancestor. */
  locate(path: DataPath, part: Part = 'value'): SourceLocation {
    const range = this.document ? findRange(this.document.contents, path, part) : undefined
    return this.rangeToLocation(range ?? [0, 0])
  }

  rangeToLocation([start, end]: readonly [number, number]): SourceLocation {
    const from = this.lineCounter.linePos(start)
    // A multi-line node is underlined up to the end of its first line only.
    const to = this.lineCounter.linePos(Math.max(end, start + 1))
    // Files refused before parsing have no line table; they are reported at 1:1.
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

function findRange(root: unknown, path: DataPath, part: Part): [number, number] | undefined {
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
