#!/usr/bin/env node
// `npm run generate`: runs the generator as one plain-JavaScript bundle instead of through tsx,
// which spends ~0.2 s of every run transpiling TypeScript. The bundle is built with esbuild on the
// first run after the generator's source changes (keyed by a hash of generators/ and schema/) and
// kept in node_modules/.cache; libraries stay external and load from node_modules as usual.
// The bundle and this launcher are CommonJS: Node's ESM loader, for the bundle's chunks and the
// libraries' ESM builds, cost ~20 ms of a run on the platform models and ~7 % at 1,000 models, and
// an ESM entry point ~10 ms more. esbuild still initialises each lazily imported stage only when it
// is first imported.
// It runs with Node's default V8 flags on purpose: any V8 flag on the command line (e.g. a larger
// young generation) makes V8 reject the code cache Node ships for its own modules, so every built-in
// module the run loads is compiled again (see bench/README.md).
'use strict'
const { existsSync, mkdirSync, readdirSync, renameSync, rmSync } = require('node:fs')
const { join } = require('node:path')
const { sourceDigest } = require('./source-digest.cjs')

const root = join(__dirname, '..', '..')
const cacheDir = join(root, 'node_modules', '.cache', 'pika-generate')

function ensureBundle() {
  // Names the bundle, and is compiled into it so the output cache need not hash the sources again.
  const digest = sourceDigest(root)
  const outdir = join(cacheDir, `build-${digest.slice(0, 16)}`)
  const entry = join(outdir, 'cli.cjs')
  if (existsSync(entry)) return entry
  const { buildSync } = require('esbuild')
  const building = `${outdir}.${process.pid}.tmp`
  buildSync({
    entryPoints: [join(root, 'generators', 'cli.ts')],
    outfile: join(building, 'cli.cjs'),
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    // CommonJS has no import.meta: the modules that locate files from import.meta.url get the
    // bundle's own URL (inside node_modules/.cache of this package, like the ESM chunks were).
    define: { PIKA_GENERATOR_SOURCES: JSON.stringify(digest), 'import.meta.url': 'importMetaUrl' },
    banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    logLevel: 'error',
  })
  // Built aside and renamed, so a concurrent or interrupted build never leaves half a bundle.
  mkdirSync(cacheDir, { recursive: true })
  try {
    renameSync(building, outdir)
  } catch {
    rmSync(building, { recursive: true, force: true }) // another process finished first
  }
  for (const old of readdirSync(cacheDir).filter((n) => n.startsWith('build-') && join(cacheDir, n) !== outdir)) rmSync(join(cacheDir, old), { recursive: true, force: true })
  return entry
}

require(ensureBundle())
