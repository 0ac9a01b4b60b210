import { diagnosticCodes, valueProblems, type DiagnosticCode, type TemplateText } from './codes.ts'

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

type Catalogue = typeof diagnosticCodes
/** The names of the messages catalogued under `C`. */
export type MessageId<C extends DiagnosticCode> = keyof Catalogue[C]['messages'] & string
type Template<C extends DiagnosticCode, M extends MessageId<C>> = Catalogue[C]['messages'][M]

type IdentifierChar = 'a' | 'b' | 'c' | 'd' | 'e' | 'f' | 'g' | 'h' | 'i' | 'j' | 'k' | 'l' | 'm' | 'n' | 'o' | 'p' | 'q' | 'r' | 's' | 't' | 'u' | 'v' | 'w' | 'x' | 'y' | 'z' | 'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H' | 'I' | 'J' | 'K' | 'L' | 'M' | 'N' | 'O' | 'P' | 'Q' | 'R' | 'S' | 'T' | 'U' | 'V' | 'W' | 'X' | 'Y' | 'Z' | '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9'
type IsIdentifier<S extends string> = S extends '' ? true : S extends `${infer C}${infer R}` ? (C extends IdentifierChar ? IsIdentifier<R> : false) : false
/** The parameter names of a template text, as PLACEHOLDER finds them (`{ … }` with spaces is text). */
type Placeholders<T> = T extends `${string}{${infer Rest}`
  ? Rest extends `${infer Name}}${infer After}`
    ? Name extends '' ? Placeholders<Rest> : IsIdentifier<Name> extends true ? Name | Placeholders<After> : Placeholders<Rest>
    : never
  : never
type Texts<T> = T extends readonly (infer S)[] ? S : T
type Last<T> = T extends readonly [...unknown[], infer L] ? L : T
type Field<T, K extends string> = T extends { readonly [P in K]: infer V } ? V : never

/** A value put into a message: a name, a number or a phrase. Undefined selects the next alternative. */
export type Param = string | number
type Needed<T> = Placeholders<Last<Field<T, 'message'>>>
type Mentioned<T> = Placeholders<Texts<Field<T, 'message'>> | Texts<Field<T, 'hint'>> | Texts<Field<T, 'note'>>>
/**
 * The parameters of message `M` of code `C`: those of its last (fallback) message are required,
 * the others (hints, notes, earlier alternatives) may be left undefined. Several messages: any one's.
 */
export type MessageParams<C extends DiagnosticCode, M extends MessageId<C>> = M extends unknown ? ParamsOf<Template<C, M>> : never
type ParamsOf<T> = { readonly [P in Needed<T>]: Param } & { readonly [P in Exclude<Mentioned<T>, Needed<T>>]?: Param | undefined }

/** `{name}`: an identifier in braces. `{ … }` and `\p{…}` in a text are left as they are. */
const PLACEHOLDER = /\{([A-Za-z0-9]+)\}/g
type Params = Readonly<Record<string, Param | undefined>>

/** The first alternative whose parameters are all given, filled in; undefined when none is. */
function fill(text: TemplateText | undefined, params: Params): string | undefined {
  if (text === undefined) return undefined
  for (const alternative of typeof text === 'string' ? [text] : text) {
    const names = Array.from(alternative.matchAll(PLACEHOLDER), (m) => m[1]!)
    if (names.every((name) => params[name] !== undefined)) return alternative.replace(PLACEHOLDER, (_, name: string) => String(params[name]))
  }
  return undefined
}

/**
 * The diagnostic for message `id` of `code`, filled in with `params`. Parameters are substituted in
 * one pass, so user text that looks like `{name}` stays as written. `related`, if given, is shown as
 * a note with the message's `note` text.
 */
export function diagnostic<C extends DiagnosticCode, M extends MessageId<C>>(code: C, id: M, params: MessageParams<C, M>, location: SourceLocation, related?: SourceLocation): Diagnostic {
  const entry = diagnosticCodes[code]
  const template = (entry.messages as Readonly<Record<string, { message: TemplateText; hint?: TemplateText; note?: TemplateText }>>)[id]!
  const values = params as Params
  const message = fill(template.message, values)
  if (message === undefined) throw new Error(`${code} ${id}: a parameter of its message is missing`)
  const hint = fill(template.hint, values)
  const note = related && fill(template.note, values)
  return {
    code,
    severity: entry.severity,
    message,
    location,
    ...(hint ? { hint } : {}),
    ...(related && note ? { related: [{ message: note, location: related }] } : {}),
  }
}

export type ValueProblemId = keyof typeof valueProblems
export type ValueProblemParams<I extends ValueProblemId> = { readonly [P in Placeholders<(typeof valueProblems)[I]>]: Param }
/** A value problem's text, for the `{problem}` parameter of the messages that report one. */
export const valueProblemText = <I extends ValueProblemId>(id: I, params: ValueProblemParams<I>): string => fill(valueProblems[id], params as Params) ?? valueProblems[id]

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
