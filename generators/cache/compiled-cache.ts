import { existsSync, mkdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { libraryVersion, PACKAGE_ROOT, readAsset, writeFileAtomically } from '../package-files.ts'
import { cacheFolder, cacheKey, loadCommonJs } from './cache-home.cjs'

/**
 * Code the generator compiles at run time from its own files (the JSON Schema's validator, the
 * Handlebars templates, the Prisma-check worker) is kept as CommonJS in the cache folder, keyed by
 * everything it is compiled from, so later processes load it instead of loading the compiler and
 * compiling again. `build` returns the file's text. Returns the file, or undefined when the cache
 * cannot be written (the caller then uses what it compiled in this process).
 */
export function cachedFile(name: string, keyParts: readonly string[], build: () => string): string | undefined {
  const file = join(cacheFolder(PACKAGE_ROOT), `${name}-${cacheKey(keyParts)}.cjs`)
  if (existsSync(file)) return file
  try {
    const source = build()
    mkdirSync(join(file, '..'), { recursive: true })
    writeFileAtomically(file, source)
    return file
  } catch {
    return undefined
  }
}

/** A module compiled and cached as in cachedFile; `build` also gives its value for this process. */
export function cachedModule<T>(name: string, keyParts: readonly string[], build: () => { readonly source: string; readonly value: T }): T {
  let built: T | undefined
  const file = cachedFile(name, keyParts, () => {
    const { source, value } = build()
    built = value
    return source
  })
  if (built !== undefined) return built
  try {
    if (file) return loadCommonJs(file, PACKAGE_ROOT) as T
  } catch {
    // A damaged cache file: compile again below.
  }
  return build().value
}

// noEscape: the views hold text already escaped for its place (Prisma, Markdown); HTML-escaping
// would turn `@default("USD")` into `@default(&quot;USD&quot;)`.
// strict: a misspelt view property fails loudly instead of printing nothing.
// Handlebars adds its defaults to the options it is given, so it gets copies: the key's stay as written.
const TEMPLATE_OPTIONS = { noEscape: true, strict: true } as const

/**
 * A Handlebars template shipped with the generator (path from the package root). Cached
 * precompiled, so a run loads only Handlebars' runtime (no parser or compiler).
 */
export function handlebarsTemplate(assetPath: string): (view: object) => string {
  const text = readAsset(assetPath)
  const name = `template-${assetPath.split('/').pop()!.replace(/\W+/g, '-')}`
  return cachedModule(name, [libraryVersion('handlebars') ?? 'missing', JSON.stringify(TEMPLATE_OPTIONS), text], () => {
    // A literal require in the launcher's bundle, so esbuild's metafile lists the library (see
    // cache-home.cjs); from source the modules are ESM, without `require`.
    const Handlebars = (typeof require === 'function' ? require('handlebars') : createRequire(import.meta.url)('handlebars')) as typeof import('handlebars')
    return {
      source: `module.exports = require('handlebars/runtime').template(${Handlebars.precompile(text, { ...TEMPLATE_OPTIONS })})\n`,
      value: Handlebars.compile(text, { ...TEMPLATE_OPTIONS }),
    }
  })
}
