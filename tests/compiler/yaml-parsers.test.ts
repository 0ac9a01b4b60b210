import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { checkYamlTree } from '../../generators/load/check-yaml.ts'
import { SourceFile } from '../../generators/load/source-file.ts'
import { parseDataFast } from '../../generators/load/yaml-parsers.ts'
import { listFilesRecursive } from '../../generators/package-files.ts'

/**
 * The loader reads model files with js-yaml and falls back to `yaml` for anything js-yaml refuses
 * (see generators/load/yaml-parsers.ts). That is only sound if the fast parser never accepts a text
 * the `yaml` path would diagnose, and never reads an accepted text differently.
 */
const repo = fileURLToPath(new URL('../../', import.meta.url))

const yamlFiles = (dir: string): string[] => listFilesRecursive(dir).filter((file) => /\.ya?ml$/.test(file))

/** What the `yaml` path makes of a text: its data when it finds nothing wrong, else undefined. */
function readByYaml(text: string): unknown {
  const source = new SourceFile('x.yaml', text)
  const { document } = source.positioned
  if (document.errors.length || checkYamlTree(document, source).length) return undefined
  return document.toJS({ maxAliasCount: 100 })
}

function expectAgreement(text: string): void {
  const fast = parseDataFast(text)
  if (fast !== undefined) expect(fast).toStrictEqual(readByYaml(text))
}

/** Scalars and layouts where YAML 1.1, 1.2 and parsers are known to differ. */
const SNIPPETS = [
  'a: 0o17\nb: 0x1F\nc: 017\nd: +12\ne: -0\nf: 1_000\ng: 12345678901234567890',
  'a: 0b101\nb: +0x1F\nc: -0o7\nd: 0x_1\ne: 1:30\nf: 0.1_0\ng: 1e\nh: +.inf\ni: -.nan',
  'a: 1e3\nb: .5\nc: +.5\nd: 1.\ne: .inf\nf: -.Inf\ng: .NaN\nh: 1.5E-3',
  'a: ~\nb: null\nc: Null\nd: NULL\ne:\nf: ""',
  'a: true\nb: True\nc: TRUE\nd: yes\ne: on\nf: off\ng: y\nh: n\ni: False',
  'a: 12:30\nb: 2026-01-01\nc: 2026-01-01T10:00:00Z\nd: 1:2:3',
  "a: 'it''s'\nb: \"tab\\tnew\\nline \\u00e9 \\x41 \\U0001F600\"\nc: 'multi\n  line'",
  'a: |\n  keep\n  lines\nb: >-\n  folded\n  text\nc: |+\n  kept\n\nd: >\n  x\n\n  y\n',
  'a: plain\n  continued\n  lines\nb: x # comment\n# comment\nc: "#not"',
  'a: {b: 1, c: [1, 2, {d: e}]}\nf: [a, "b", \'c\']\ng: {}\nh: []',
  'a:\n- 1\n- - 2\n  - 3\n- b: c\n  d: e',
  '---\na: 1\n...\n',
  '%YAML 1.2\n---\na: yes',
  '%YAML 1.1\n---\na: yes\nb: 0777',
  'a: &anchor 3\nb: 4',
  'a: !!str 3\nb: !!int "3"\nc: !!float 1\nd: !!bool true\ne: !!null ""',
  'a: !custom x',
  'a: !!binary aGVsbG8=\nb: !!timestamp 2026-01-01\nc: !!set {x, y}',
  '\ufeffa: 1',
  'a: 1\r\nb:\r\n  c: 2\r\n',
  '1: a\ntrue: b\n1.5: c\n"": d',
  '"1": a\n1: b',
  '? a\n: 1\n? [x]\n: 2',
  'a: 1\na: 2',
  'a:\n\t- 1',
  'a: b: c',
  'a: [1, 2\nb: 3',
  'a: "unterminated',
  '__proto__: 1',
  'constructor: {a: 1}',
  'a:\n  - x\n - y',
  'a: *undefined',
  'a: &x [1]\nb: *x',
  '- a\n- b',
  'just a string',
  '',
  '# only a comment',
  'a: 1\n---\nb: 2',
  'a: -\nb: - x',
  'a: "\\q"',
  'a: @x\nb: `y',
  'a: %x',
  'a: x\n  b: y',
  'a:\n  b: 1\n c: 2',
  'a: >\n text\n  more\n less',
  `${'a:\n'.repeat(1)}${Array.from({ length: 40 }, (_, i) => `${'  '.repeat(i + 1)}k${i}:`).join('\n')} end`,
]

describe('the fast YAML path agrees with the `yaml` path', () => {
  it('reads every real model file (platform, golden cases, benchmark-shaped files) on the fast path, to the same data', () => {
    const files = [...yamlFiles(join(repo, 'models')), ...yamlFiles(join(repo, 'tests', 'cases'))]
    expect(files.length).toBeGreaterThan(13)
    for (const file of files) {
      const text = readFileSync(file, 'utf8')
      const fast = parseDataFast(text)
      expect(fast, file).toBeDefined()
      expect(fast, file).toStrictEqual(readByYaml(text))
    }
  })

  it('accepts a broken-model file only if `yaml` finds nothing wrong with its YAML, and reads it the same', () => {
    const files = yamlFiles(join(repo, 'tests', 'compiler', 'diagnostics'))
    expect(files.length).toBeGreaterThan(100)
    for (const file of files) expectAgreement(readFileSync(file, 'utf8'))
  })

  it.each(SNIPPETS.map((text) => [JSON.stringify(text).slice(0, 60), text]))('%s', (_, text) => {
    expectAgreement(text)
  })

  it('leaves aliases, duplicate keys, syntax errors, non-mappings, tags and directives to the `yaml` path', () => {
    const refused = [
      ...['a: &x 1\nb: *x', 'a: [&x 1, *x]', 'a: {"b":&x 1, "c":*x}', 'a: 1\na: 2', 'a: [1', '- 1', '', '%YAML 1.1\n---\na: yes', 'a: !!float 1', 'a: [!!str 1]'],
      ...['? [x]\n: 1', '[x]: 1', '{a: 1}: 2', 'a: {[b]: 1}', '~: 1', 'null: 1', ': 1', 'a:\n  NULL: 1', 'a: {: 1}', '- ? x\n  : 1'], // keys js-yaml would turn into text
      ...['__proto__: {}', 'a:\n  constructor: 1', 'a: {prototype: 1}'],
    ]
    for (const text of refused) expect(parseDataFast(text), text).toBeUndefined()
    expect(parseDataFast('description: Book now! Or later.')).toStrictEqual({ description: 'Book now! Or later.' })
    expect(parseDataFast('a: Comments like */ or *this* are text\nb: "null: x and ~: y"')).toStrictEqual({ a: 'Comments like */ or *this* are text', b: 'null: x and ~: y' })
  })
})
