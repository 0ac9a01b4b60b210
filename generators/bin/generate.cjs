#!/usr/bin/env node
// `npm run generate`: runs the generator as one plain-JavaScript bundle instead of through tsx,
// which spends ~0.2 s of every run transpiling TypeScript. The bundle is built with esbuild on the
// first run after the generator's source changes and kept in the cache folder
// (generators/cache/cache-home.cjs); libraries stay external and load from node_modules as usual.
// The bundle and this launcher are CommonJS: Node's ESM loader, for the bundle's chunks and the
// libraries' ESM builds, cost ~20 ms of a run on the platform models and ~7 % at 1,000 models, and
// an ESM entry point ~10 ms more. esbuild still initialises each lazily imported stage only when it
// is first imported.
// It runs with Node's default V8 flags on purpose: any V8 flag on the command line (e.g. a larger
// young generation) makes V8 reject the code cache Node ships for its own modules, so every built-in
// module the run loads is compiled again (see bench/README.md).
'use strict'
const { join, resolve } = require('node:path')
const { CACHE_DIR_VARIABLE, cacheFolder, ensureBundle, runBundle } = require('../cache/cache-home.cjs')

const root = join(__dirname, '..', '..')
// --cache-dir places the bundle too, so it is read here, before the CLI parses the rest.
const argv = process.argv.slice(2)
const at = argv.findIndex((arg) => arg === '--cache-dir' || arg.startsWith('--cache-dir='))
const chosen = at < 0 ? undefined : argv[at].includes('=') ? argv[at].slice(argv[at].indexOf('=') + 1) : argv[at + 1]
if (chosen) process.env[CACHE_DIR_VARIABLE] = resolve(chosen)
const folder = cacheFolder(root)
let bundle
try {
  bundle = ensureBundle(root, folder)
} catch (error) {
  const first = error.errors?.[0] // esbuild's, with a location when the source is at fault
  const reason = first ? `${first.location ? `${first.location.file}:${first.location.line}:${first.location.column}: ` : ''}${first.text}` : error.message
  process.stderr.write(`error: cannot build the generator into the cache folder \`${folder}\`: ${reason}\n`)
  process.exit(2)
}
runBundle(root, bundle)
