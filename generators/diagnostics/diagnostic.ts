import type { DiagnosticCode } from './codes.ts'

/** A place in a model file. Lines and columns are 1-based; `end*` is exclusive. */
export interface SourceLocation {
  /** Path of the model file, relative to the models folder, with `/` separators. */
  readonly file: string
  readonly line: number
  readonly column: number
  readonly endLine: number
  readonly endColumn: number
}

export type Severity = 'error' | 'warning'

/** One problem found in the models. Stages return these; they never throw on bad input. */
export interface Diagnostic {
  /** Catalogued code, e.g. `PIKA301`; see codes.ts. */
  readonly code: DiagnosticCode
  readonly severity: Severity
  readonly message: string
  /** What to do about it, e.g. "Did you mean `Gym`?". */
  readonly hint?: string
  readonly location: SourceLocation
  /** Other places worth showing, e.g. where a duplicate name was first declared. */
  readonly related?: readonly { readonly message: string; readonly location: SourceLocation }[]
}

export const hasErrors = (diagnostics: readonly Diagnostic[]): boolean =>
  diagnostics.some((d) => d.severity === 'error')

/** Sorted by file, then position, then code, so output is stable whatever order files were read in. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      compareText(a.location.file, b.location.file) ||
      a.location.line - b.location.line ||
      a.location.column - b.location.column ||
      compareText(a.code, b.code) ||
      compareText(a.message, b.message),
  )
}

/** Code-point order: unlike localeCompare it is the same on every machine. */
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)
