import type { Diagnostic, SourceLocation } from './diagnostic.ts'
import { diagnosticCodes } from './codes.ts'

export interface PrintOptions {
  /** Source text of each model file, by the file name used in locations. */
  readonly sources: ReadonlyMap<string, string>
  /** How to show a file name, e.g. prefixed with the models folder relative to the working directory. */
  readonly displayPath: (file: string) => string
  readonly color?: boolean
}

const paint = (on: boolean | undefined, code: number, text: string) => (on ? `\u001b[${code}m${text}\u001b[0m` : text)

/**
 * Formats diagnostics the way compilers do:
 *   models/gym.yaml:12:13 error PIKA301 unknown type `Gymm`
 *     12 |       gym: { type: Gymm }
 *        |                    ^^^^
 *     hint: Did you mean `Gym`?
 */
export function printDiagnostics(diagnostics: readonly Diagnostic[], options: PrintOptions): string {
  const blocks = diagnostics.map((d) => printDiagnostic(d, options))
  const errors = diagnostics.filter((d) => d.severity === 'error').length
  const warnings = diagnostics.length - errors
  const summary = `${errors} error${errors === 1 ? '' : 's'}${warnings ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}`
  return `${blocks.join('\n\n')}\n\n${summary}\n`
}

function printDiagnostic(d: Diagnostic, options: PrintOptions): string {
  const { color } = options
  const severity = paint(color, d.severity === 'error' ? 31 : 33, d.severity)
  const lines = [`${position(d.location, options)} ${severity} ${d.code} ${d.message}`]
  lines.push(...codeFrame(d.location, options))
  for (const related of d.related ?? []) {
    lines.push(`  ${paint(color, 36, 'note')}: ${related.message} at ${position(related.location, options)}`)
  }
  if (d.hint) lines.push(`  ${paint(color, 32, 'hint')}: ${d.hint}`)
  return lines.join('\n')
}

const position = (loc: SourceLocation, options: PrintOptions) => `${options.displayPath(loc.file)}:${loc.line}:${loc.column}`

function codeFrame(loc: SourceLocation, options: PrintOptions): string[] {
  const text = options.sources.get(loc.file)
  if (text === undefined) return []
  const sourceLines = text.split(/\r?\n/)
  const line = sourceLines[loc.line - 1]
  if (line === undefined) return []
  const shown = line.length > 160 ? `${line.slice(0, 160)}…` : line
  const gutter = String(loc.line).length
  const caretEnd = loc.endLine === loc.line ? Math.min(loc.endColumn, shown.length + 1) : shown.length + 1
  const width = Math.max(1, caretEnd - loc.column)
  const caret = ' '.repeat(Math.max(0, loc.column - 1)) + paint(options.color, 31, '^'.repeat(width))
  return [`  ${String(loc.line).padStart(gutter)} | ${shown}`, `  ${' '.repeat(gutter)} | ${caret}`]
}

/** The catalogue title of a code, used by docs and `--help`. */
export const describeCode = (code: keyof typeof diagnosticCodes): string => diagnosticCodes[code]
