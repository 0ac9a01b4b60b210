import { renderLintMarkdown } from '../lint/render.ts'
import { isOpen } from '../lint/lint-migrations.ts'
import type { SourceLocation } from '../diagnostics/diagnostic.ts'
import type { Change, Impact } from './changes.ts'
import { isBreaking } from './changes.ts'
import type { LintSection } from './lint-change.ts'
import type { RowsSection } from './existing-rows.ts'

/** Everything the pull-request report says; rendered as Markdown (a PR comment) or JSON. */
export interface DiffReport {
  readonly base: string
  readonly changes: readonly Change[]
  readonly lint: LintSection
  readonly rows: RowsSection
  readonly where: (change: Change) => string
  /** The change's place in its model file, with line and column. */
  readonly locate: (change: Change) => SourceLocation
  readonly migrationsPath: string
}

const badge: Readonly<Record<Impact, string>> = { breaking: '**breaking**', safe: 'safe', none: '—' }

export const openFindings = (report: DiffReport) => report.lint.findings.filter(isOpen)

/** The Markdown report: a verdict line, the database and API views of every change, the migration lint, existing rows. */
export function renderMarkdown(report: DiffReport): string {
  const { changes, base, where } = report
  const breaking = changes.filter(isBreaking)
  const open = openFindings(report)
  const lines = [`# Model changes since \`${base}\``, '']
  if (changes.length === 0 && report.lint.findings.length === 0) return `${lines.join('\n')}No changes to the models.\n`
  const locking = open.length ? `**${open.length} unacknowledged locking finding${open.length === 1 ? '' : 's'}**` : report.lint.findings.length ? 'every locking finding acknowledged' : report.lint.problems.length ? 'migration lint incomplete (see below)' : 'no locking finding'
  lines.push(`${breaking.length ? `**${breaking.length} breaking change${breaking.length === 1 ? '' : 's'}** out of ${changes.length}` : `${changes.length} change${changes.length === 1 ? '' : 's'}, none breaking`}; ${locking}.`, '')
  const message = (c: Change) => escape(c.hint ? `${c.message} — ${c.hint}` : c.message)
  const database = changes.filter((c) => c.database !== 'none')
  lines.push('## Database', '')
  if (database.length === 0) lines.push('No effect.', '')
  else {
    lines.push('| impact | change | where |', '| --- | --- | --- |')
    for (const c of [...database].sort((a, b) => rank(a.database) - rank(b.database))) lines.push(`| ${badge[c.database]} | ${message(c)} | ${where(c)} |`)
    lines.push('')
  }
  const api = changes.filter((c) => c.api !== 'none')
  lines.push('## API', '', 'Judged per direction: **requests** are what clients send (create and update inputs), **responses** what they read.', '')
  if (api.length === 0) lines.push('No effect.', '')
  else {
    lines.push('| requests | responses | change | why | where |', '| --- | --- | --- | --- | --- |')
    for (const c of [...api].sort((a, b) => rank(a.api) - rank(b.api))) lines.push(`| ${badge[c.request]} | ${badge[c.response]} | ${message(c)} | ${escape(c.apiWhy)} | ${where(c)} |`)
    lines.push('')
  }
  lines.push('## Migration locks (PostgreSQL 15)', '')
  if (report.lint.migrations.length) lines.push(`Linted: ${report.lint.migrations.map((m) => `\`${m}\``).join(', ')}.`, '')
  lines.push(...renderLintMarkdown(report.lint.findings, (f) => `${report.migrationsPath}/${f.migration}/migration.sql:${f.line}`))
  if (report.lint.migrations.length && report.lint.findings.length === 0) lines.push('No lock or rewrite found.')
  for (const problem of report.lint.problems) lines.push(`- not checked: ${escape(problem)}`)
  if (open.length) lines.push('', `To accept a finding, write why in \`${report.migrationsPath}/<migration>/lint-acknowledged.yaml\` as \`rule: reason\`.`)
  lines.push('', '## Existing rows', '')
  for (const r of report.rows.counts) lines.push(`- ${r.rows === 0 ? 'ok' : `**${r.rows} row${r.rows === 1 ? '' : 's'}**`}: ${escape(r.what)} (${r.subject})${r.rows ? `; handled by: ${escape(r.step)}` : ''}`)
  for (const u of report.rows.unchecked) lines.push(`- not checked: ${escape(u)}`)
  if (report.rows.counts.length === 0 && report.rows.unchecked.length === 0) lines.push('Nothing in this change depends on the rows already stored.')
  return `${lines.join('\n')}\n`
}

export function renderJson(report: DiffReport): string {
  const open = openFindings(report)
  const body = {
    base: report.base,
    breaking: report.changes.some(isBreaking),
    locking: open.length > 0,
    changes: report.changes.map((c) => ({ ...c, location: report.locate(c), where: report.where(c) })),
    lint: report.lint,
    rows: report.rows,
  }
  return `${JSON.stringify(body, null, 2)}\n`
}

const rank = (impact: Impact) => (impact === 'breaking' ? 0 : 1)
const escape = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ')
