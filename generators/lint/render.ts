import { ACKNOWLEDGEMENTS_FILE } from './migration-files.ts'
import { isOpen, type LintFinding, type LintResult } from './lint-migrations.ts'

/** Plain text for a terminal (db:migrate): each finding with its statement, lock and safe way. */
export function renderLintText(result: LintResult, migrationsPath: string): string {
  const open = result.findings.filter(isOpen)
  const lines: string[] = []
  if (result.findings.length) lines.push(`migration lint: ${open.length} of ${result.findings.length} finding(s) unacknowledged (locks and rewrites on PostgreSQL 15)`)
  for (const f of result.findings) {
    lines.push(`  ${migrationsPath}/${f.migration}/migration.sql:${f.line} [${f.rule}]${f.acknowledged ? ' (acknowledged)' : ''} ${f.problem}`)
    lines.push(`    statement: ${clip(f.statement)}`, `    lock:      ${f.lock}`, `    safe way:  ${f.safe}`)
    if (f.acknowledged) lines.push(`    reason:    ${f.acknowledged}`)
  }
  if (open.length) lines.push(`  To keep a finding, write why in ${migrationsPath}/<migration>/${ACKNOWLEDGEMENTS_FILE} as \`rule: reason\`; use \`db:migrate -- --create-only\` to edit a migration before it is applied.`)
  for (const problem of result.problems) lines.push(`  could not lint: ${problem}`)
  return lines.length ? `${lines.join('\n')}\n` : ''
}

/** The Markdown section of the pull-request report. */
export function renderLintMarkdown(findings: readonly LintFinding[], where: (f: LintFinding) => string): string[] {
  const lines: string[] = []
  for (const f of findings) {
    lines.push(`- ${f.acknowledged ? 'acknowledged' : '**locks**'} \`${f.rule}\` at ${where(f)}: ${f.problem}`)
    lines.push(`  - statement: \`${clip(f.statement).replaceAll('`', "'")}\``, `  - lock: ${f.lock}`, `  - safe way: ${f.safe}`)
    if (f.acknowledged) lines.push(`  - reason given: ${f.acknowledged}`)
  }
  return lines
}

const clip = (text: string) => (text.length > 160 ? `${text.slice(0, 157)}...` : text)
