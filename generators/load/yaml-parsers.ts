import { createRequire } from 'node:module'
import { FAILSAFE_SCHEMA, load, Type } from 'js-yaml'
import type { Document, LineCounter } from 'yaml'

/**
 * Two YAML parsers, one per job.
 *
 * `js-yaml` reads a well-formed model file into data several times faster than `yaml` (cold, on
 * 1.5 MB of model files: 0.25 s against 1.2 s), but it keeps no source positions. `yaml` keeps
 * every node's range, which every diagnostic's file:line:col and code frame needs, and says
 * precisely what is wrong with a broken file. So each file is read by js-yaml first; only a file
 * js-yaml refuses, or a file a diagnostic must point into, is parsed again by `yaml` (with the
 * options the diagnostics were always computed with). Both follow the YAML 1.2 core schema;
 * tests/compiler/yaml-parsers.test.ts checks that they agree.
 *
 * js-yaml stays on its 4.x line (maintained as v4-legacy): 5.x parses into an event stream first
 * and measured 2.7× slower on the same files (0.67 s cold).
 */

/** Keys that could alter object prototypes if they reached a plain object. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype'])
/**
 * How big a file may get once its aliases are expanded, in nodes plus characters of scalar text:
 * four times the file size limit leaves room for any reasonable use of anchors and stops alias
 * bombs long before they cost memory.
 */
export const MAX_EXPANDED_SIZE = 4 * 1024 * 1024
/** Far deeper than any model file needs (models › Gym › fields › gym › relation › fields is 6). */
export const MAX_DEPTH = 64

/**
 * Texts the fast path leaves to `yaml`, because js-yaml 4 would read them differently or accept
 * what the `yaml` path refuses: directives and tags (`%YAML 1.1` makes `yes` true, `!!float 1`),
 * anchors and aliases (refused outright: the `yaml` path guards against alias bombs), explicit
 * (`? `), null (`~:`, `: x`) and collection (`[a]: 1`) keys, which js-yaml turns into strings, and
 * the forbidden key names, and the layouts the differential test found js-yaml reading wrongly. Tags, anchors, aliases and keys start a node: at a line's start (after
 * indentation) or after an indicator (`-`, `?`, `:`, `,`, `[`, `{`). The patterns look for them
 * there, and so can match ordinary text too (`a, *b`, `a : b`, `the prototype`); such a file only
 * takes the slower path.
 */
const NODE_START = String.raw`(?:^[ \t]*|[-?:,[{][ \t]*)`
const NEEDS_YAML_PATH = new RegExp(
  [
    String.raw`^%`,
    String.raw`${NODE_START}(?:[!&*]|\?(?:\s|$)|(?:~|null|Null|NULL)?:(?:[\s,\]}]|$))`,
    String.raw`[\]}][ \t]*:(?:[\s,\]}]|$)`,
    // An empty entry of a sequence nested on the same line (`- -`): js-yaml 4 lets the next outer
    // entry join the inner sequence (found by tests/compiler/yaml-differential.test.ts).
    String.raw`-[ \t]+-[ \t]*(?:#.*)?$`,
    [...FORBIDDEN_KEYS].join('|'),
  ].join('|'),
  'm',
)

/**
 * The YAML 1.2 core schema's scalars, exactly as the spec (and `yaml`) resolves them. js-yaml 4's
 * own CORE_SCHEMA also reads `0b101`, `1_000` and `+0x1F` as numbers, which `yaml` keeps as text.
 */
const scalar = (tag: string, pattern: RegExp, construct: (text: string) => unknown) =>
  new Type(`tag:yaml.org,2002:${tag}`, { kind: 'scalar', resolve: (text: string | null) => pattern.test(text ?? ''), construct: (text: string | null) => construct(text ?? '') })
const CORE_1_2 = FAILSAFE_SCHEMA.extend({
  implicit: [
    scalar('null', /^(?:~|null|Null|NULL)?$/, () => null),
    scalar('bool', /^(?:true|True|TRUE|false|False|FALSE)$/, (text) => text[0] === 't' || text[0] === 'T'),
    scalar('int', /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/, (text) =>
      text.startsWith('0o') ? parseInt(text.slice(2), 8) : text.startsWith('0x') ? parseInt(text.slice(2), 16) : Number(text),
    ),
    scalar('float', /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/, (text) =>
      /nan$/i.test(text) ? Number.NaN : /inf$/i.test(text) ? (text[0] === '-' ? -Infinity : Infinity) : Number(text),
    ),
  ],
})

/**
 * Half the depth limit leaves the exact depth diagnostic to the `yaml` path. (`maxDepth` came in
 * js-yaml 4.2; @types/js-yaml 4.0.9 predates it, hence the separate object.)
 */
const LOAD_OPTIONS = { schema: CORE_1_2, maxDepth: MAX_DEPTH / 2 }

/**
 * The data of a model file that is a well-formed mapping without aliases, tags or directives, or
 * undefined for anything else (syntax errors, duplicate keys, aliases, deep nesting, empty files,
 * …): those are left to the `yaml` path, so every refusal is diagnosed by one parser only.
 */
export function parseDataFast(text: string): Record<string, unknown> | undefined {
  if (NEEDS_YAML_PATH.test(text)) return undefined
  let data: unknown
  try {
    data = load(text, LOAD_OPTIONS)
  } catch {
    return undefined
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return undefined
  // The text check above sees raw text only: `"\x63onstructor"` decodes to a forbidden key.
  return hasForbiddenKey(data) ? undefined : (data as Record<string, unknown>)
}

/** Whether any mapping in the data has a forbidden key, once decoded. Iterative: the data may be deep. */
function hasForbiddenKey(root: object): boolean {
  const stack: unknown[] = [root]
  while (stack.length) {
    const node = stack.pop()
    if (node === null || typeof node !== 'object') continue
    if (Array.isArray(node)) {
      for (const item of node) stack.push(item)
      continue
    }
    for (const key of Object.keys(node)) {
      if (FORBIDDEN_KEYS.has(key)) return true
      stack.push((node as Record<string, unknown>)[key])
    }
  }
  return false
}

/**
 * The `yaml` library, loaded on first use: a run over well-formed models never needs it. A literal
 * require in the launcher's bundle, so esbuild's metafile lists it (see cache/cache-home.cjs).
 */
export const yamlLibrary = (): typeof import('yaml') => (yamlModule ??= (typeof require === 'function' ? require('yaml') : createRequire(import.meta.url)('yaml')) as typeof import('yaml'))
let yamlModule: typeof import('yaml') | undefined

export interface PositionedDocument {
  readonly document: Document.Parsed
  readonly lineCounter: LineCounter
}

/** Parses with `yaml`, keeping every node's source range and a line table. */
export function parseWithPositions(text: string): PositionedDocument {
  const { LineCounter, parseDocument } = yamlLibrary()
  const lineCounter = new LineCounter()
  return { document: parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false }), lineCounter }
}
