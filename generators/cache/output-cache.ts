import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { listInputFiles, PACKAGE_ROOT, writeFileAtomically } from '../package-files.ts'
import type { EmittedFile } from '../emit/emitter.ts'
import { cacheKey, ensureBundle, generatorFingerprint as fingerprintOf } from './cache-home.cjs'

/**
 * Emitted files keyed by everything they depend on: the model files, the generator's own code and
 * assets, and the versions of the libraries it loads. Emitters are pure functions of the models, so
 * a hit can skip loading, validating and emitting altogether; --no-cache bypasses it.
 */
export interface CachedOutput {
  readonly files: readonly EmittedFile[]
  /** Paths the emitters own, for removing files they no longer produce. */
  readonly owns: readonly string[]
}

const KEEP_ENTRIES = 8

/**
 * The fingerprint the launcher (generators/bin/generate.cjs) passes to the bundle it runs, so a run
 * does not hash the sources twice; absent under tsx.
 */
declare const PIKA_GENERATOR_FINGERPRINT: string | undefined

/**
 * A key of the generator's sources, templates, JSON Schema and the libraries its bundle loads; under
 * tsx the bundle is built to learn them. Undefined when it cannot be built there: that costs speed only.
 */
export function generatorFingerprint(folder: string, root = PACKAGE_ROOT): string | undefined {
  if (typeof PIKA_GENERATOR_FINGERPRINT === 'string' && root === PACKAGE_ROOT) return PIKA_GENERATOR_FINGERPRINT
  try {
    return fingerprintOf(root, ensureBundle(root, folder))
  } catch {
    return undefined
  }
}

/** The cache key of one run: the models and the settings file (names and bytes), where they sit relative to the output, and the generator. */
export function outputKey(modelsDir: string, modelsLabel: string, fingerprint: string): string {
  return cacheKey([fingerprint, modelsLabel, ...listInputFiles(modelsDir).flatMap((name) => [name, readFileSync(join(modelsDir, name))])])
}

/**
 * An entry is one line of JSON (the paths the emitters own, and each file's path and UTF-8 length),
 * then every file's bytes back to back. JSON around 16 MB of generated text (1,000 models) took
 * ~0.3 s to write and as much to read, mostly escaping and unescaping it; this takes the I/O only.
 */
interface EntryHeader {
  readonly owns: readonly string[]
  readonly files: readonly (readonly [path: string, bytes: number])[]
}

export function readCachedOutput(folder: string, key: string): CachedOutput | undefined {
  try {
    const data = readFileSync(entryPath(folder, key))
    const endOfHeader = data.indexOf(0x0a)
    const header = JSON.parse(data.toString('utf8', 0, endOfHeader)) as EntryHeader
    let offset = endOfHeader + 1
    const files = header.files.map(([path, bytes]) => {
      const content = data.toString('utf8', offset, offset + bytes)
      offset += bytes
      return { path, content }
    })
    // A truncated or padded entry is damaged: a miss.
    return endOfHeader > 0 && offset === data.length && Array.isArray(header.owns) ? { files, owns: header.owns } : undefined
  } catch {
    return undefined // missing or damaged: a miss, never an error
  }
}

export function writeCachedOutput(folder: string, key: string, output: CachedOutput): void {
  try {
    mkdirSync(join(folder, 'outputs'), { recursive: true })
    const header: EntryHeader = { owns: output.owns, files: output.files.map((f) => [f.path, Buffer.byteLength(f.content)]) }
    writeFileAtomically(entryPath(folder, key), [`${JSON.stringify(header)}\n`, ...output.files.map((f) => f.content)])
    pruneEntries(join(folder, 'outputs'))
  } catch {
    // A read-only or full disk only costs speed.
  }
}

const entryPath = (folder: string, key: string) => join(folder, 'outputs', `${key}.entry`)

function pruneEntries(dir: string): void {
  const entries = readdirSync(dir).map((name) => ({ name, time: statSync(join(dir, name)).mtimeMs })).sort((a, b) => b.time - a.time)
  for (const old of entries.slice(KEEP_ENTRIES)) rmSync(join(dir, old.name), { force: true })
}
