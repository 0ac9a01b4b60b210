import { describe, expect, it } from 'vitest'
import { checkYamlTree } from '../../generators/load/check-yaml.ts'
import { SourceFile } from '../../generators/load/source-file.ts'
import { parseDataFast } from '../../generators/load/yaml-parsers.ts'

/**
 * Differential test of the two YAML readers (generators/load/yaml-parsers.ts) over generated
 * documents: whenever the fast js-yaml path accepts a text, the `yaml` path (the one that decides)
 * must accept it too and read the same tree. The documents mix every key shape, scalar style,
 * escape, anchor, alias and merge key, so a difference in either library's reading surfaces here
 * rather than as a model that compiles differently depending on which path it took.
 */

/** What the `yaml` path makes of a text: its data when it finds nothing wrong, else undefined. */
function readByYaml(text: string): unknown {
  const source = new SourceFile('x.yaml', text)
  const { document } = source.positioned
  if (document.errors.length || checkYamlTree(document, source).length) return undefined
  try {
    return document.toJS({ maxAliasCount: 100 })
  } catch {
    return undefined
  }
}

/** A small seeded generator (mulberry32): the same documents on every run and machine. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const PLAIN_SCALARS = [
  'x', 'Gym', 'a b', '0', '-0', '+1', '012', '0o17', '0x1F', '0b101', '1_000', '1e3', '.5', '1.', '+.inf', '-.Inf', '.NaN', '.nan', '~', 'null', 'Null', 'NULL',
  'true', 'True', 'TRUE', 'yes', 'no', 'on', 'off', 'y', 'n', '2026-01-01', '2026-01-01T10:00:00Z', '12:30', '1:2:3', 'a:b', 'a#b', 'x -y', '@' , '=', '<<', '-', '.', '%',
  '12345678901234567890', '0.1_0', '1e', 'cuid()', 'now()', 'String', 'constructor', 'prototype', '__proto__', 'toString', 'é', '😀',
]
const ESCAPES = ['\\x63', '\\u0074', '\\U0001F600', '\\e', '\\0', '\\a', '\\t', '\\n', '\\r', '\\N', '\\_', '\\L', '\\P', '\\"', '\\\\', '\\/', '\\ ', '\\x5f\\x5f', '\\u202E']
const KEY_NAMES = ['a', 'id', 'type', 'fields', 'x y', '1', '0x1F', 'true', 'yes', '', '<<', 'toString', '-k', '?k', 'k:', 'k#', "'q'", '"d"', 'é']
/** Keys the fast path must leave to `yaml`: null keys and the forbidden names. */
const ODD_KEY_NAMES = ['null', '~', 'NULL', 'constructor', '__proto__', 'prototype']

function generator(next: () => number) {
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!
  const anchors: string[] = []
  const quoteDouble = (text: string) => `"${text.replace(/[\\"]/g, (c) => `\\${c}`)}"`
  const doubleWithEscapes = () => `"${Array.from({ length: 1 + Math.floor(next() * 3) }, () => (next() < 0.5 ? pick(ESCAPES) : pick(PLAIN_SCALARS).replace(/[\\"]/g, ''))).join('')}"`
  const scalar = (): string => {
    const r = next()
    if (r < 0.45) return pick(PLAIN_SCALARS)
    if (r < 0.6) return `'${pick(PLAIN_SCALARS).replaceAll("'", "''")}'`
    if (r < 0.75) return quoteDouble(pick(PLAIN_SCALARS))
    if (r < 0.9) return doubleWithEscapes()
    if (r < 0.95 && anchors.length) return `*${pick(anchors)}`
    return `!!str ${pick(PLAIN_SCALARS)}`
  }
  const key = (): string => {
    const r = next()
    if (r < 0.5) return pick(KEY_NAMES).replace(/^$/, '""')
    if (r < 0.55) return pick(ODD_KEY_NAMES)
    if (r < 0.7) return quoteDouble(pick(KEY_NAMES))
    if (r < 0.8) return doubleWithEscapes()
    if (r < 0.85) return `'${pick(KEY_NAMES).replaceAll("'", "''")}'`
    if (r < 0.9) return pick(PLAIN_SCALARS)
    if (r < 0.95) return `[${pick(PLAIN_SCALARS)}]`
    return `? ${pick(PLAIN_SCALARS)}\n`
  }
  const anchor = () => {
    if (next() > 0.12) return ''
    const name = `a${anchors.length}`
    anchors.push(name)
    return `&${name} `
  }
  const flow = (depth: number): string => {
    if (depth > 2 || next() < 0.5) return scalar()
    if (next() < 0.5) return `[${Array.from({ length: Math.floor(next() * 3) }, () => flow(depth + 1)).join(', ')}]`
    return `{${Array.from({ length: Math.floor(next() * 3) }, () => `${key().trim()}: ${flow(depth + 1)}`).join(', ')}}`
  }
  const block = (indent: string, depth: number): string[] => {
    const lines: string[] = []
    const count = 1 + Math.floor(next() * 4)
    for (let i = 0; i < count; i++) {
      const k = key()
      const head = k.endsWith('\n') ? `${indent}${k}${indent}:` : `${indent}${k}:`
      const r = next()
      if (r < 0.08 && anchors.length) lines.push(`${indent}<<: *${pick(anchors)}`)
      else if (depth < 4 && r < 0.35) lines.push(`${head} ${anchor()}`.trimEnd(), ...block(`${indent}  `, depth + 1))
      else if (depth < 4 && r < 0.45) lines.push(head, ...Array.from({ length: 1 + Math.floor(next() * 2) }, () => `${indent}  - ${flow(2)}`))
      else if (r < 0.5) lines.push(`${head} ${pick(['|', '>', '|-', '>+'])}`, `${indent}  ${pick(PLAIN_SCALARS)}`, `${indent}  ${pick(PLAIN_SCALARS)}`)
      else lines.push(`${head} ${anchor()}${flow(0)}`)
    }
    return lines
  }
  return () => {
    anchors.length = 0
    return `${block('', 0).join('\n')}\n`
  }
}

describe('the fast YAML path against the `yaml` path, over generated documents', () => {
  it('never accepts what `yaml` refuses, nor reads any document differently', () => {
    const document = generator(random(17))
    let fastAccepted = 0
    const disagreements: string[] = []
    for (let i = 0; i < 6000; i++) {
      const text = document()
      const fast = parseDataFast(text)
      if (fast === undefined) continue
      fastAccepted++
      try {
        expect(fast).toStrictEqual(readByYaml(text))
      } catch {
        disagreements.push(text)
      }
    }
    expect(disagreements.slice(0, 8)).toEqual([])
    // Enough documents must take the fast path for the comparison to mean something.
    expect(fastAccepted).toBeGreaterThan(900)
  })
})
