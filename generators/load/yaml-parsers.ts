import { createRequire } from 'node:module'
import { CORE_SCHEMA, defineMappingTag, load } from 'js-yaml'
import type { Document, LineCounter } from 'yaml'

/**
 * Two YAML parsers, one per job.
 *
 * `js-yaml` reads a well-formed model file into data about 5× faster than `yaml` (40 ms against
 * 180 ms for the platform's 57 KB, cold; 0.13 s against 1.2 s for 1.5 MB), but it keeps no source
 * positions. `yaml` keeps every node's range, which every diagnostic's file:line:col and code
 * frame needs, and says precisely what is wrong with a broken file. So each file is read by
 * js-yaml first; only a file js-yaml refuses, or a file a diagnostic must point into, is parsed
 * again by `yaml` (with the options the diagnostics were always computed with). Both follow the
 * YAML 1.2 core schema; tests/compiler/yaml-parsers.test.ts checks that they agree.
 */

/** Keys that could alter object prototypes if they reached a plain object. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype'])
/** Far deeper than any model file needs (models › Gym › fields › gym › relation › fields is 6). */
export const MAX_DEPTH = 64

/**
 * Mappings whose keys are plain names, as checkYamlTree requires. Any other key makes js-yaml
 * throw, and the file takes the `yaml` path, which names the problem and points at it.
 */
const modelMapTag = defineMappingTag<Record<string, unknown>>('tag:yaml.org,2002:map', {
  create: () => ({}),
  identify: () => false, // only ever used to load
  addPair: (map, key, value) => {
    if (key === null || typeof key === 'object' || FORBIDDEN_KEYS.has(String(key))) return 'not a plain key'
    map[String(key)] = value
    return ''
  },
  has: (map, key) => Object.hasOwn(map, String(key)),
  keys: (map) => Object.keys(map),
  get: (map, key) => map[String(key)],
})

const FAST_SCHEMA = CORE_SCHEMA.withTags(modelMapTag)

/**
 * A directive (`%YAML 1.1` switches `yaml` to the 1.1 schema, where `yes` is true) or anything that
 * may be an explicit tag (`!!float 1`): the two parsers resolve those differently. A `!` inside
 * text can match too; such a file only takes the slower path.
 */
const DIRECTIVE_OR_TAG = /^%|(?:^|[\s[{,])!/m

/**
 * The data of a model file that is a well-formed mapping without aliases, tags or directives, or
 * undefined for anything else (syntax errors, duplicate keys, aliases, deep nesting, empty files,
 * …): those are left to the `yaml` path, so every refusal is diagnosed by one parser only.
 */
export function parseDataFast(text: string): Record<string, unknown> | undefined {
  if (DIRECTIVE_OR_TAG.test(text)) return undefined
  let data: unknown
  try {
    // Aliases are refused outright (the `yaml` path guards against alias bombs and undefined
    // anchors); half the depth limit leaves the exact depth diagnostic to the `yaml` path.
    data = load(text, { schema: FAST_SCHEMA, maxAliases: 0, maxDepth: MAX_DEPTH / 2 })
  } catch {
    return undefined
  }
  return data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined
}

/** The `yaml` library, loaded on first use: a run over well-formed models never needs it. */
export const yamlLibrary = (): typeof import('yaml') => (yamlModule ??= createRequire(import.meta.url)('yaml') as typeof import('yaml'))
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
