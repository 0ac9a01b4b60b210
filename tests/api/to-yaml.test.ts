import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'
import { toYaml } from '../../generators/emit/openapi/to-yaml.ts'

describe('toYaml', () => {
  it('round-trips through a YAML parser, whatever the strings hold', () => {
    const tricky = ['yes', 'No', 'null', '~', '1.5', '0x10', '- item', 'a: b', 'a #b', ' lead', 'trail ', '', '*/ ${x} `t`', 'line\nbreak', 'quote " and \' ', 'tab\there', 'ümlaut', '@at', '%pct', '!tag', '&anchor', '*alias', '|pipe', '>fold', '[x]', '{y}', '?q', ',c', '2026-01-01', 'true', '.inf', '-']
    const data = { strings: tricky, keys: Object.fromEntries(tricky.map((t, i) => [t, i])), nested: [{ a: [], b: {}, c: [{ d: null, e: false, f: -0.5 }] }, [1, [2, [3]]]] }
    expect(parse(toYaml(data))).toEqual(data)
  })

  it('writes the generated OpenAPI document so that it parses back to the same document', () => {
    const text = readFileSync(join(import.meta.dirname, '..', '..', 'generated', 'openapi', 'openapi.yaml'), 'utf8')
    const document = parse(text)
    expect(toYaml(document)).toBe(text.slice(text.indexOf('\n') + 1))
  })
})
