import { join } from 'node:path'
import { docsEmitter } from '../../generators/emit/docs/emit-docs.ts'
import type { Ir } from '../../generators/ir/types.ts'
import { compileModels } from '../../generators/pipeline.ts'

/** Compiles a models folder (its parent taken as the output root) and renders the catalog. */
export function renderCatalog(modelsDir: string): { ir: Ir; catalog: string } {
  const result = compileModels(modelsDir, join(modelsDir, '..'))
  if (!result.ir) throw new Error(result.diagnostics.map((d) => `${d.code} ${d.location.file}:${d.location.line} ${d.message}`).join('\n'))
  const files = docsEmitter.emit(result.ir)
  if (files.length !== 1 || files[0]!.path !== 'docs/models.md') throw new Error(`unexpected files ${files.map((f) => f.path).join(', ')}`)
  return { ir: result.ir, catalog: files[0]!.content }
}

/** The lines under a heading, up to the next heading of the same or a higher level. */
export function section(markdown: string, heading: string): string {
  const lines = markdown.split('\n')
  const level = /^#+/.exec(heading)![0].length
  const start = lines.indexOf(heading)
  if (start < 0) throw new Error(`no heading ${heading}`)
  const end = lines.findIndex((line, i) => i > start && /^#+ /.test(line) && /^#+/.exec(line)![0].length <= level)
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n')
}

/**
 * The cells of a GFM table line, split the way GitHub splits them: a backslash escapes the next
 * character, so `\|` stays inside its cell. Cells come back with `\|` unescaped.
 */
export function cells(line: string): string[] {
  const result: string[] = []
  let current = ''
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!
    if (c === '\\' && i + 1 < line.length) {
      current += line[i + 1] === '|' ? '|' : c + line[i + 1]
      i++
    } else if (c === '|') {
      result.push(current.trim())
      current = ''
    } else current += c
  }
  result.push(current.trim())
  return result.slice(1, -1)
}

/** The tables of a Markdown text: runs of lines starting with `|`, as rows of cells (header first, separator dropped). */
export function tables(markdown: string): string[][][] {
  const runs = markdown.split(/\n(?!\|)/).map((block) => block.split('\n').filter((l) => l.startsWith('|')))
  return runs.filter((rows) => rows.length >= 2).map((rows) => [rows[0]!, ...rows.slice(2)].map(cells))
}

/** The table in `text` whose header starts with `firstHeader`, as rows keyed by column. */
export function tableByHeader(text: string, firstHeader: string): Record<string, string>[] {
  const table = tables(text).find((t) => t[0]![0] === firstHeader)
  if (!table) throw new Error(`no table starting with ${firstHeader}`)
  const [head, ...rows] = table
  return rows.map((row) => Object.fromEntries(head!.map((h, i) => [h, row[i] ?? ''])))
}
