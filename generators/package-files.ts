import { existsSync, readdirSync, readFileSync, statSync, type Dirent } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The package root: the nearest folder above this module holding a package.json. Found by walking
 * up rather than a fixed `../..`, because `npm run generate` runs a bundle of the generator from
 * node_modules/.cache (see generators/bin/generate.mjs), where relative paths differ.
 */
export const PACKAGE_ROOT = findPackageRoot(dirname(fileURLToPath(import.meta.url)))

function findPackageRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && !dir.endsWith(join('node_modules', '.cache', 'pika-generate'))) return dir
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
