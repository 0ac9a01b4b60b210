import { existsSync, readFileSync, rmSync, statSync } from 'node:fs'
import { listFilesRecursive } from '../generators/package-files.ts'
import { join, relative, sep } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { ProcessSpec } from './measure-process.ts'

const cliOf = (root: string) => join(root, 'generators', 'cli.ts')
/**
 * The plain-JS launcher `npm run generate` runs (an esbuild bundle of the CLI), when the code has
 * one: generate.cjs, or generate.mjs in trees from before the launcher became CommonJS.
 */
const launcherOf = (root: string) => ['generate.cjs', 'generate.mjs'].map((name) => join(root, 'generators', 'bin', name)).find((path) => existsSync(path)) ?? join(root, 'generators', 'bin', 'generate.cjs')
export const hasLauncher = (root: string) => existsSync(launcherOf(root))

/**
 * The Node options `npm run generate` passes before the launcher (e.g. a larger young generation),
 * so the launcher is measured as the process npm starts, without npm itself.
 */
export function launcherNodeOptions(root: string): string[] {
  const script = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.generate ?? ''
  const match = /^node\s+(.*?)\s*generators\/bin\/generate\.[cm]js/.exec(script)
  return match?.[1] ? match[1].split(/\s+/) : []
}

/** Node's arguments for the process `npm run generate` starts, without npm: options, then the launcher. */
export const launcherArgs = (root: string): string[] => [...launcherNodeOptions(root), launcherOf(root)]

/**
 * Whether the CLI has an output cache (`--no-cache`). A cache hit replays stored output without
 * compiling, so "ours" passes --no-cache to measure generation; the cached figure is reported apart.
 */
export const hasOutputCache = (root: string) => readFileSync(cliOf(root), 'utf8').includes("'no-cache'")
export const noCacheFlag = (root: string) => (hasOutputCache(root) ? ['--no-cache'] : [])

type Variant = 'tsx' | 'launcher' | 'cached' | 'npm'

/**
 * Our generate as a whole process into an emptied folder. `tsx`: the CLI itself,
 * `node --import tsx generators/cli.ts --no-cache`; `launcher`: `node generators/bin/generate.cjs
 * --no-cache`; `cached`: the launcher with its output cache (a hit after the first run), which is
 * what a developer pays when the models did not change;
 * `npm`: `npm run generate -- --no-cache`, to show what npm adds.
 */
export function generateProcess(root: string, modelsDir: string, outDir: string, variant: Variant = 'tsx'): ProcessSpec {
  const options = ['--models', modelsDir, '--out', outDir]
  const noCache = noCacheFlag(root)
  const [command, args]: [string, string[]] =
    variant === 'npm' ? ['npm', ['run', '--silent', 'generate', '--', ...options, ...noCache]]
    : variant === 'launcher' ? [process.execPath, [...launcherArgs(root), ...options, ...noCache]]
    : variant === 'cached' ? [process.execPath, [...launcherArgs(root), ...options]]
    : [process.execPath, ['--import', 'tsx', cliOf(root), ...options, ...noCache]]
  return {
    command,
    args,
    cwd: root,
    before: () => rmSync(outDir, { recursive: true, force: true }),
    verify: () => (listOutput(outDir).length ? undefined : `no files in ${outDir}`),
  }
}

/** A file our generator wrote: path relative to the output root (with `/`), size in bytes. */
export interface OutputFile {
  readonly path: string
  readonly bytes: number
}

export function listOutput(outDir: string): OutputFile[] {
  return listFilesRecursive(outDir)
    .map((file) => ({ path: relative(outDir, file).split(sep).join('/'), bytes: statSync(file).size }))
    .sort((a, b) => (a.path < b.path ? -1 : 1))
}

/** Models, model files and diagnostics of a set, compiled in-process: a benchmark input must be clean. */
export async function checkModelSet(root: string, modelsDir: string): Promise<{ models: number; files: number; diagnostics: number; firstProblem?: string }> {
  const { compileModels } = (await import(pathToFileURL(join(root, 'generators', 'pipeline.ts')).href)) as typeof import('../generators/pipeline.ts')
  const result = compileModels(modelsDir, modelsDir)
  const first = result.diagnostics[0]
  return {
    models: result.ir?.models.length ?? 0,
    files: result.sources.length,
    diagnostics: result.diagnostics.length,
    ...(first ? { firstProblem: `${first.code} ${first.message} (${first.location.file}:${first.location.line})` } : {}),
  }
}
