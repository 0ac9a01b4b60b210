import type { Change, Impact } from './changes.ts'
import { isBreaking } from './changes.ts'

const badge: Readonly<Record<Impact, string>> = { breaking: '**breaking**', safe: 'safe', none: '—' }

/** The Markdown report: a verdict line, then the database and the API view of every change. */
export function renderMarkdown(changes: readonly Change[], base: string, where: (change: Change) => string): string {
  const breaking = changes.filter(isBreaking)
  const lines = [`# Model changes since \`${base}\``, '']
  if (changes.length === 0) return `${lines.join('\n')}No changes to the models.\n`
  lines.push(breaking.length ? `**${breaking.length} breaking change${breaking.length === 1 ? '' : 's'}** out of ${changes.length}.` : `${changes.length} change${changes.length === 1 ? '' : 's'}, none breaking.`, '')
  for (const [title, audience] of [['Database', 'database'], ['API', 'api']] as const) {
    const relevant = changes.filter((c) => c[audience] !== 'none')
    lines.push(`## ${title}`, '')
    if (relevant.length === 0) {
      lines.push('No effect.', '')
      continue
    }
    lines.push('| impact | change | where |', '| --- | --- | --- |')
    for (const c of [...relevant].sort((a, b) => rank(a[audience]) - rank(b[audience]))) lines.push(`| ${badge[c[audience]]} | ${escape(c.message)} | ${where(c)} |`)
    lines.push('')
  }
  return `${lines.join('\n')}`
}

export function renderJson(changes: readonly Change[], base: string, where: (change: Change) => string): string {
  const body = { base, breaking: changes.some(isBreaking), changes: changes.map((c) => ({ ...c, where: where(c) })) }
  return `${JSON.stringify(body, null, 2)}\n`
}

const rank = (impact: Impact) => (impact === 'breaking' ? 0 : 1)
const escape = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ')
