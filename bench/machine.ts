import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { cpus, release, totalmem, type } from 'node:os'
import { join } from 'node:path'
import { libraryVersion, listFilesRecursive } from '../generators/package-files.ts'
import { REPO_ROOT } from './workspace.ts'

export interface MachineInfo {
  readonly cpu: string
  readonly cores: number
  readonly memoryGiB: number
  readonly os: string
  readonly node: string
  readonly commit: string
  /** Versions of the tools measured, from their package.json. */
  readonly packages: Record<string, string>
}

export function machineInfo(): MachineInfo {
  const cpu = cpus()
  return {
    cpu: cpu[0]?.model.trim() ?? 'unknown',
    cores: cpu.length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    os: `${type()} ${release()}`,
    node: process.version,
    commit: gitCommit(),
    packages: Object.fromEntries(['prisma', 'zod-prisma-types', 'zod', 'ajv', 'handlebars', 'js-yaml', 'yaml', 'ts-morph', 'tsx', 'pg'].map((name) => [name, packageVersion(name)])),
  }
}

function gitCommit(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim()
    const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim() ? ' + uncommitted changes' : ''
    return head + dirty
  } catch {
    return 'unknown'
  }
}

const packageVersion = (name: string): string => libraryVersion(name) ?? 'not installed'

/**
 * A hash of what the figures depend on (generator, models, schema, seeder). Taken at the start and
 * the end of a run: if they differ, someone changed the code mid-run and the figures mix versions.
 */
export function sourceFingerprint(): string {
  const hash = createHash('sha256')
  for (const folder of ['generators', 'models', 'schema', 'seed']) {
    for (const file of listFilesRecursive(join(REPO_ROOT, folder))) hash.update(file).update(readFileSync(file))
  }
  return hash.digest('hex').slice(0, 16)
}
