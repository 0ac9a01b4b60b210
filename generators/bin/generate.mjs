#!/usr/bin/env node
// `npm run generate`: runs the generator as one plain-JavaScript bundle instead of through tsx,
// which spends ~0.2 s of every run transpiling TypeScript. The bundle is built with esbuild on the
// first run after the generator's source changes (keyed by a hash of generators/ and schema/) and
// kept in node_modules/.cache; libraries stay external and load from node_modules as usual.
// It runs with Node's default V8 flags on purpose: any V8 flag on the command line (e.g. a larger
// young generation) makes V8 reject the code cache Node ships for its own modules, so every built-in
// module the run loads is compiled again (see bench/README.md).
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs'
import { dirname, join, relative, sep } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const cacheDir = join(root, 'node_modules', '.cache', 'pika-generate')

function sourceHash() {
  const hash = createHash('sha256')
  for (const dir of ['generators', 'schema']) {
    const files = readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name))
      .sort()
    for (const file of files) hash.update(`${relative(root, file).split(sep).join('/')}\0`).update(readFileSync(file)).update('\0')
  }
  return hash.digest('hex').slice(0, 16)
}

async function ensureBundle() {
  const outdir = join(cacheDir, `build-${sourceHash()}`)
  const entry = join(outdir, 'cli.js')
  if (existsSync(entry)) return entry
  const { build } = await import('esbuild')
  const building = `${outdir}.${process.pid}.tmp`
  await build({
    entryPoints: [join(root, 'generators', 'cli.ts')],
    outdir: building,
    bundle: true,
    splitting: true, // keeps the lazily imported stages in their own chunks
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
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

await import(pathToFileURL(await ensureBundle()).href)
