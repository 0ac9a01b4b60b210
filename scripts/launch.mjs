#!/usr/bin/env node
// `node scripts/launch.mjs <script> [args]`: runs scripts/<script>.ts (db, start, backup…) as one
// JavaScript bundle instead of through tsx. tsx spends ~0.5 s of every db:* command loading its
// loader and compiling TypeScript, module by module, before the command does anything (bench/README.md).
// The bundle is built with esbuild when one of the files it holds changes, and kept in
// node_modules/.cache/pika-scripts with the hash of each of those files; libraries stay external and
// load from node_modules as usual. So does the Prisma client (src/generated/prisma), which
// `prisma generate` writes as TypeScript, maybe during the very run (npm start on a fresh clone): a
// script that can load it runs with tsx's loader registered, for those files only.
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { dirname, join, relative, sep } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const generatedDir = join(root, 'src', 'generated') + sep
const cache = join(root, 'node_modules', '.cache', 'pika-scripts')
// Builds of another version of the sources, kept this long for a process of theirs still loading chunks.
const SUPERSEDED_AFTER_MS = 10 * 60 * 1000

const name = process.argv[2]
const entry = name && /^[a-z][a-z0-9-]*$/.test(name) ? join(root, 'scripts', `${name}.ts`) : undefined
if (!entry || !existsSync(entry)) {
  process.stderr.write(`launch: no script "${name ?? ''}" in scripts/ (usage: node scripts/launch.mjs <script> [args])\n`)
  process.exit(2)
}
process.argv.splice(1, 2, entry) // the script sees its own path and its arguments, as under tsx

const sha256 = (data) => createHash('sha256').update(data).digest('hex')
// Per checkout too: a copy of the package whose node_modules is a link to this one's shares its cache folder.
const key = `${name}-${sha256(root).slice(0, 12)}`
const pointerFile = join(cache, `${key}.json`)

/** The current build of the script when every file it was built from is unchanged. */
function currentBuild() {
  try {
    const pointer = JSON.parse(readFileSync(pointerFile, 'utf8'))
    for (const [file, hash] of Object.entries(pointer.inputs)) if (sha256(readFileSync(join(root, file))) !== hash) return undefined
    return existsSync(join(cache, pointer.build, `${name}.js`)) ? pointer : undefined
  } catch {
    return undefined // no build yet, a file gone, or a pointer cut short
  }
}

async function build() {
  const { build: esbuild } = await import('esbuild')
  const dir = `build-${key}-${process.pid}-${Date.now()}`
  const { metafile } = await esbuild({
    entryPoints: [entry],
    absWorkingDir: root, // metafile paths are relative to it
    outdir: join(cache, dir),
    bundle: true,
    splitting: true, // the seeder and the Prisma client load only when a command needs them
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'silent', // its errors are thrown; the first is printed below
    // A bundle in the cache folder resolves libraries from the package's node_modules (above it);
    // its CommonJS parts (generators/cache/cache-home.cjs) need `require`.
    banner: { js: "import { createRequire as pikaCreateRequire } from 'node:module'; const require = pikaCreateRequire(import.meta.url);" },
    // Each module keeps its own import.meta.url, so paths it derives from it (PACKAGE_ROOT…) stay right.
    plugins: [{
      name: 'own-import-meta-url',
      setup(b) {
        b.onResolve({ filter: /generated/ }, ({ path, resolveDir }) => {
          const file = join(resolveDir, path)
          return file.startsWith(generatedDir) ? { path: pathToFileURL(file).href, external: true } : undefined
        })
        b.onLoad({ filter: /\.[cm]?ts$/ }, async ({ path }) => ({
          contents: (await readFile(path, 'utf8')).replaceAll('import.meta.url', JSON.stringify(pathToFileURL(path).href)),
          loader: 'ts',
        }))
      },
    }],
  })
  const inputs = {}
  for (const file of Object.keys(metafile.inputs)) {
    const path = join(root, file)
    inputs[relative(root, path).split(sep).join('/')] = sha256(readFileSync(path))
  }
  const loadsGenerated = Object.values(metafile.outputs).some((o) => o.imports.some((i) => i.external && i.path.startsWith(pathToFileURL(generatedDir).href)))
  const pointer = { build: dir, inputs, loadsGenerated }
  const temporary = `${pointerFile}.${process.pid}.tmp`
  writeFileSync(temporary, JSON.stringify(pointer))
  renameSync(temporary, pointerFile) // atomic: a concurrent run reads the old pointer or this one
  removeSuperseded(dir)
  return pointer
}

function removeSuperseded(keep) {
  for (const entryName of readdirSync(cache)) {
    if (!entryName.startsWith(`build-${key}-`) || entryName === keep) continue
    const path = join(cache, entryName)
    if (Date.now() - statSync(path).mtimeMs > SUPERSEDED_AFTER_MS) rmSync(path, { recursive: true, force: true })
  }
}

let pointer = currentBuild()
if (!pointer) {
  mkdirSync(cache, { recursive: true })
  try {
    pointer = await build()
  } catch (error) {
    const first = error.errors?.[0] // esbuild's, with a location when the source is at fault
    const reason = first ? `${first.location ? `${first.location.file}:${first.location.line}:${first.location.column}: ` : ''}${first.text}` : error.message
    process.stderr.write(`launch: cannot build scripts/${name}.ts into ${relative(root, cache)}: ${reason}\n`)
    process.exit(2)
  }
}
process.setSourceMapsEnabled(true) // an unexpected error's stack names the TypeScript sources
if (pointer.loadsGenerated) (await import('tsx/esm/api')).register()
await import(pathToFileURL(join(cache, pointer.build, `${name}.js`)).href)
