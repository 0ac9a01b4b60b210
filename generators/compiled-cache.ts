import { createHash } from 'node:crypto'
import { existsSync, mkdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { libraryVersion, PACKAGE_ROOT, readAsset, writeFileAtomically } from './package-files.ts'

const require = createRequire(import.meta.url)
const CACHE_DIR = join(PACKAGE_ROOT, 'node_modules', '.cache', 'pika-generate')

/**
 * Code the generator compiles from its own assets at run time (the JSON Schema's validator, the
 * Handlebars templates) is kept as a CommonJS module in node_modules/.cache/pika-generate, keyed by
 * everything it is compiled from, so later processes load it instead of loading the compiler and
 * compiling again. `build` compiles: `source` is the module's text, `value` what it exports, used
 * by this process (and by any process when the cache cannot be written).
 */
export function cachedModule<T>(name: string, keyParts: readonly string[], build: () => { readonly source: string; readonly value: T }): T {
  const key = createHash('sha256').update(keyParts.join('\0')).digest('hex').slice(0, 16)
  const file = join(CACHE_DIR, `${name}-${key}.cjs`)
  if (existsSync(file)) {
    try {
      return require(file) as T
    } catch {
      // A damaged cache file: compile again below.
    }
  }
  const { source, value } = build()
  try {
    mkdirSync(CACHE_DIR, { recursive: true })
    writeFileAtomically(file, source)
  } catch {
    // Without a writable cache the next process compiles again; nothing else changes.
  }
  return value
}

// noEscape: the views hold text already escaped for its place (Prisma, Markdown); HTML-escaping
// would turn `@default("USD")` into `@default(&quot;USD&quot;)`.
// strict: a misspelt view property fails loudly instead of printing nothing.
const TEMPLATE_OPTIONS = { noEscape: true, strict: true } as const

/**
 * A Handlebars template shipped with the generator (path from the package root). Cached
 * precompiled, so a run loads only Handlebars' runtime (no parser or compiler).
 */
export function handlebarsTemplate(assetPath: string): (view: object) => string {
  const text = readAsset(assetPath)
  const name = `template-${assetPath.split('/').pop()!.replace(/\W+/g, '-')}`
  return cachedModule(name, [libraryVersion('handlebars') ?? 'missing', JSON.stringify(TEMPLATE_OPTIONS), text], () => {
    const Handlebars = require('handlebars') as typeof import('handlebars')
    return {
      source: `module.exports = require('handlebars/runtime').template(${Handlebars.precompile(text, TEMPLATE_OPTIONS)})\n`,
      value: Handlebars.compile(text, TEMPLATE_OPTIONS),
    }
  })
}
