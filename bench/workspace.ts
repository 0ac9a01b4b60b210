import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

/** The repository root (this file is bench/workspace.ts). */
export const REPO_ROOT = resolve(import.meta.dirname, '..')

/**
 * A scratch folder outside the repository for models, outputs and peer projects. It links the
 * repository's node_modules, so generated TypeScript (zod, the Prisma client) resolves its imports,
 * and has its own package.json, so tools looking for one (zod-prisma-types) stop here.
 */
export interface Workspace {
  readonly root: string
  /** A subfolder, created empty. */
  fresh(...parts: string[]): string
  remove(): void
}

export function createWorkspace(): Workspace {
  const root = mkdtempSync(join(tmpdir(), 'pika-bench-'))
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(root, 'node_modules'), 'dir')
  writeFileSync(join(root, 'package.json'), `${JSON.stringify({ private: true, type: 'module', dependencies: {} }, null, 2)}\n`)
  return {
    root,
    fresh(...parts) {
      const dir = join(root, ...parts)
      rmSync(dir, { recursive: true, force: true })
      mkdirSync(dir, { recursive: true })
      return dir
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  }
}

/** What a snapshot copies: the generator and what it reads, the seeder and what it imports. */
const SNAPSHOT = ['generators', 'generated', 'schema', 'seed', 'src', 'prisma/managed.sql', 'package.json', 'tsconfig.json']

/**
 * A copy of the code under test, taken when the run starts, so that edits other people make while
 * the suite runs (it takes minutes) cannot mix two versions into one set of figures. Every process
 * and in-process measurement runs from here. Its own node_modules folder holds only the generator's
 * caches (bundle, outputs), apart from the repository's; packages resolve from the workspace's link.
 */
export function snapshotRepo(ws: Workspace): string {
  const root = ws.fresh('snapshot')
  for (const entry of SNAPSHOT) {
    const from = join(REPO_ROOT, entry)
    if (existsSync(from)) cpSync(from, join(root, entry), { recursive: true, filter: (path) => !path.startsWith(join(REPO_ROOT, 'src', 'generated')) })
  }
  mkdirSync(join(root, 'node_modules'))
  return root
}
