import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, sep } from 'node:path'
import type { EmittedFile } from '../../generators/emit/emitter.ts'
import { listFilesRecursive } from '../../generators/package-files.ts'

/** Set UPDATE_GOLDEN=1 to rewrite expected files from the current output instead of comparing. */
export const updatingGoldens = process.env.UPDATE_GOLDEN === '1'

export function listTree(root: string): string[] {
  return listFilesRecursive(root).map((path) => relative(root, path).split(sep).join('/'))
}

export function readTree(root: string): Map<string, string> {
  return new Map(listTree(root).map((path) => [path, readFileSync(join(root, path), 'utf8')]))
}

/** Replaces the expected folder with the emitted files. */
export function rewriteGolden(expectedDir: string, files: readonly EmittedFile[]): void {
  rmSync(expectedDir, { recursive: true, force: true })
  for (const file of files) {
    mkdirSync(dirname(join(expectedDir, file.path)), { recursive: true })
    writeFileSync(join(expectedDir, file.path), file.content)
  }
}
