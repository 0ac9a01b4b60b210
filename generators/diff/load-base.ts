import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative, resolve, sep } from 'node:path'
import { isModelFileName } from '../package-files.ts'

/**
 * Copies the model files as they were at a git revision into a temporary folder, so the ordinary
 * loader can read them. Returns the folder and a function that removes it.
 */
export function checkoutModels(ref: string, modelsDir: string): { dir: string; dispose: () => void } {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: resolve(modelsDir), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 })
  const top = git('rev-parse', '--show-toplevel').trim()
  const prefix = relative(top, resolve(modelsDir)).split(sep).join('/')
  git('rev-parse', '--verify', '--quiet', `${ref}^{commit}`)
  const names = git('ls-tree', '--full-tree', '--name-only', ref, `${prefix}/`).split('\n').filter(isModelFileName)
  const dir = mkdtempSync(join(tmpdir(), 'pika-diff-base-'))
  for (const name of names) writeFileSync(join(dir, name.slice(prefix.length + 1)), git('show', `${ref}:${name}`))
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) }
}

/** The migration folders (those holding a migration.sql) in `migrationsDir` at a git revision. */
export function migrationNamesAt(ref: string, migrationsDir: string): string[] {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: resolve(migrationsDir, '..'), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 })
  const top = git('rev-parse', '--show-toplevel').trim()
  const prefix = relative(top, resolve(migrationsDir)).split(sep).join('/')
  const files = git('ls-tree', '-r', '--full-tree', '--name-only', ref, `${prefix}/`).split('\n')
  return files.filter((f) => f.endsWith('/migration.sql')).map((f) => f.slice(prefix.length + 1, -'/migration.sql'.length)).filter((name) => !name.includes('/')).sort()
}
