import { diagnosticCodes, type CodeEntry } from '../../diagnostics/codes.ts'
import type { Emitter } from '../emitter.ts'
import { tableLines } from './markdown-text.ts'

/** The code table's path under the output root. */
export const DIAGNOSTICS_DOC_PATH = 'docs/diagnostics.md'

const INTRO = `# Diagnostics

Every code the compiler reports, with what it covers and an example fix. An error stops the run
(exit 1, no output file touched); a warning is printed and the models still compile. How
diagnostics are printed and sorted: [the model language](model-language.md#diagnostics).
`

/** A catalogue text in a table cell: it is our own Markdown, so only a pipe would break the row. */
const cellText = (text: string) => text.replace(/\|/g, '\\|')

/**
 * The code table of docs/diagnostics.md, from the diagnostics catalogue (codes.ts): the same for
 * every model set, so a catalogue change is one edit and `--check` finds the docs stale until the
 * table is regenerated.
 */
export function diagnosticsDoc(): string {
  const rows = Object.entries(diagnosticCodes as Readonly<Record<string, CodeEntry>>).map(([code, entry]) => [code, entry.severity, cellText(entry.meaning), cellText(entry.fix)])
  const notice = '<!-- Generated from generators/diagnostics/codes.ts by `npm run generate`. Do not edit: change the catalogue and regenerate. -->'
  return `${notice}\n\n${INTRO}\n${tableLines(['code', 'severity', 'meaning', 'example fix'], rows).join('\n')}\n`
}

export const diagnosticsDocEmitter: Emitter = {
  name: 'diagnostics-doc',
  owns: [DIAGNOSTICS_DOC_PATH],
  emit: () => [{ path: DIAGNOSTICS_DOC_PATH, content: diagnosticsDoc() }],
}
