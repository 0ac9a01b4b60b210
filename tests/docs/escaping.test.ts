import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cell, code, prose } from '../../generators/emit/docs/markdown-text.ts'
import { attributeComment } from '../../generators/emit/docs/er-diagram.ts'
import { cells, renderCatalog, section, tableByHeader, tables } from './catalog-text.ts'

describe('user text in the catalog', () => {
  const { catalog } = renderCatalog(join(import.meta.dirname, 'models'))

  it('keeps a description with pipes and newlines inside its table cell', () => {
    const name = tableByHeader(section(catalog, '### Model: Club'), 'Field').find((r) => r.Field === '`name`')!
    expect(name.Description).toBe('Shown as "name" | everywhere.<br>Second line.')
    expect(name.Constraints).toBe('pattern ``^(a|b)`x`$``')
  })

  it('gives every table row as many cells as its header', () => {
    const all = tables(catalog)
    expect(all.length).toBeGreaterThan(10)
    for (const [head, ...rows] of all) for (const row of rows) expect(row, row.join(' | ')).toHaveLength(head!.length)
  })

  it('cannot open a code fence or an HTML comment from a description', () => {
    const lines = catalog.split('\n')
    expect(lines.filter((l) => l.startsWith('```'))).toEqual(['```mermaid', '```', '```mermaid', '```'])
    expect(lines.filter((l) => l.includes('<!--'))).toEqual([lines[0]])
    expect(section(catalog, '### Model: Club')).toContain('A club. Pipes \\| and "quotes" and a \\\\\\| escaped pipe\nand a second line\n\\```\nthat opens a fence.')
  })
})

describe('escaping helpers', () => {
  it('turns line breaks into <br> and escapes pipes, backslashes and HTML in a cell', () => {
    expect(cell(' a | b\r\nc\\d <x> ')).toBe('a \\| b<br>c\\\\d &lt;x>')
    expect(cells(`| ${cell('a | b\nc')} | d |`)).toEqual(['a | b<br>c', 'd'])
  })

  it('keeps prose lines but neutralises fences', () => {
    expect(prose('one\n~~~\n<!-- two')).toBe('one\n\\~~~\n&lt;!-- two')
  })

  it('fences code spans longer than any backtick run inside', () => {
    expect(code('a')).toBe('`a`')
    expect(code('a`b')).toBe('``a`b``')
    expect(code('`a`')).toBe('`` `a` ``')
  })

  it('makes Mermaid attribute comments one short line without double quotes', () => {
    expect(attributeComment('Say "hi".\nThen more.')).toBe("Say 'hi'.")
    const long = attributeComment('A very long description that goes on and on past the sixty character limit of a comment')
    expect(long.length).toBeLessThanOrEqual(60)
    expect(long.endsWith('…')).toBe(true)
  })
})
