import { closeSync, existsSync, openSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync, writeSync, type Dirent } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The package root: the nearest folder above this module holding a package.json. The launcher's
 * bundle runs from the cache folder, but is told the URL of generators/cli.ts as its
 * `import.meta.url` (see cache/cache-home.cjs), so this finds the package there too.
 */
export const PACKAGE_ROOT = findPackageRoot(dirname(fileURLToPath(import.meta.url)))

function findPackageRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir
    if (dirname(dir) === dir) return start
  }
}

/** A file shipped with the generator (templates, the JSON Schema), by path from the package root. */
export function readAsset(path: string): string {
  return readFileSync(join(PACKAGE_ROOT, path), 'utf8')
}

export const isDirectory = (path: string): boolean => existsSync(path) && statSync(path).isDirectory()

/** Every file below `dir`, as absolute paths in code-point order; none when `dir` does not exist. */
export function listFilesRecursive(dir: string): string[] {
  if (!isDirectory(dir)) return []
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort()
}

/** Whether a file name is a model file's (`*.yaml` or `*.yml`, any case). */
export const isModelFileName = (name: string): boolean => /\.ya?ml$/i.test(name)

/**
 * The settings file beside the model files (the OpenAPI document's \`info\`, see
 * docs/model-language.md). Its dot keeps it apart from model files, whose names are kebab-case.
 */
export const SETTINGS_FILE = 'pika.settings.yaml'

/** The model files of a folder (non-recursive), by name, in code-point order; links included (the loader checks where they lead). */
export function listModelFiles(modelsDir: string): string[] {
  return readdirSync(modelsDir, { withFileTypes: true })
    .filter((entry) => (entry.isFile() || entry.isSymbolicLink()) && isModelFileName(entry.name) && entry.name !== SETTINGS_FILE)
    .map((entry) => entry.name)
    .sort()
}

/** Every file a run reads from the models folder: the model files, then the settings file when there is one. */
export function listInputFiles(modelsDir: string): string[] {
  return [...listModelFiles(modelsDir), ...(existsSync(join(modelsDir, SETTINGS_FILE)) ? [SETTINGS_FILE] : [])]
}

/** The installed version of a library (as the generator resolves it), or undefined when it is not installed. */
export function libraryVersion(name: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(createRequire(import.meta.url).resolve(`${name}/package.json`), 'utf8')) as { version: string }).version
  } catch {
    return undefined
  }
}

/**
 * Writes a file so that readers see the old content or the new, never a part: the text goes to a
 * temporary file beside it (named by process, as several may write at once), renamed over it.
 */
export function writeFileAtomically(path: string, content: string | readonly string[]): void {
  const temporary = `${path}.${process.pid}.tmp`
  if (typeof content === 'string') writeFileSync(temporary, content)
  else {
    // Pieces written one after the other: a large file is never joined into one string first.
    const fd = openSync(temporary, 'w')
    try {
      for (const piece of content) writeSync(fd, piece)
    } finally {
      closeSync(fd)
    }
  }
  renameSync(temporary, path)
}
