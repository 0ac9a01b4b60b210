import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, sep } from 'node:path'
import type { EmittedFile } from '../emit/emitter.ts'
import { listFilesRecursive, writeFileAtomically } from '../package-files.ts'

/** Where a run stages its files before committing them; inside the output root so renames stay atomic. */
const STAGING_DIR = '.pika-generate'
const JOURNAL = 'journal.json'

export interface OutputPlan {
  /** Files whose bytes differ from disk, or that do not exist yet. */
  readonly changed: readonly EmittedFile[]
  /** Files that are already up to date. */
  readonly unchanged: readonly string[]
  /** Files in owned folders that this run no longer produces. */
  readonly removed: readonly string[]
}

/** Compares emitted files with what is on disk. Reads only. */
export function planOutputs(outRoot: string, files: readonly EmittedFile[], owns: readonly string[]): OutputPlan {
  const produced = new Set(files.map((f) => f.path))
  const changed: EmittedFile[] = []
  const unchanged: string[] = []
  for (const file of files) {
    const current = readIfExists(join(outRoot, file.path))
    if (current === file.content) unchanged.push(file.path)
    else changed.push(file)
  }
  const removed = owns
    .filter((owned) => owned.endsWith('/'))
    .flatMap((folder) => listFiles(outRoot, folder))
    .filter((path) => !produced.has(path))
    .sort()
  return { changed, unchanged, removed }
}

/**
 * Applies a plan all or nothing: every new file is written to a staging folder first; a journal then
 * marks the batch complete, and only after that are files renamed into place. A run interrupted before
 * the journal exists changes nothing; one interrupted after it is completed by the next run
 * (`recoverInterruptedWrite`), so the outputs are never left as a mix of two generations.
 */
export function applyPlan(outRoot: string, plan: OutputPlan): void {
  recoverInterruptedWrite(outRoot)
  if (plan.changed.length === 0 && plan.removed.length === 0) return
  try {
    stagePlan(outRoot, plan)
  } catch (error) {
    // Nothing has moved: drop the half-written batch (if the folder lets us) and say why.
    try {
      rmSync(join(outRoot, STAGING_DIR), { recursive: true, force: true })
    } catch {
      // A folder that refused the batch may refuse this too; the next run discards it.
    }
    throw error
  }
  commitJournal(outRoot)
}

/** Writes the new files into the staging folder and, last, the journal that makes the batch committable. */
export function stagePlan(outRoot: string, plan: OutputPlan): void {
  const staging = join(outRoot, STAGING_DIR)
  rmSync(staging, { recursive: true, force: true })
  mkdirSync(staging, { recursive: true })
  const moves = plan.changed.map((file, i) => {
    // Made before the journal: a folder that cannot be made fails the run while nothing has moved.
    mkdirSync(dirname(join(outRoot, file.path)), { recursive: true })
    writeFileSync(join(staging, String(i)), file.content)
    return { from: String(i), to: file.path }
  })
  writeFileAtomically(join(staging, JOURNAL), JSON.stringify({ moves, removed: plan.removed }))
}

/** Whether a run was interrupted while writing (its staging folder is still there). */
export const hasInterruptedWrite = (outRoot: string): boolean => existsSync(join(outRoot, STAGING_DIR))

/** Finishes a write that was interrupted after its journal was complete; discards an incomplete one. */
export function recoverInterruptedWrite(outRoot: string): void {
  const staging = join(outRoot, STAGING_DIR)
  if (!existsSync(staging)) return
  if (existsSync(join(staging, JOURNAL))) commitJournal(outRoot)
  else rmSync(staging, { recursive: true, force: true })
}

function commitJournal(outRoot: string): void {
  const staging = join(outRoot, STAGING_DIR)
  const journal = JSON.parse(readFileSync(join(staging, JOURNAL), 'utf8')) as { moves: { from: string; to: string }[]; removed: string[] }
  for (const { from, to } of journal.moves) {
    const source = join(staging, from)
    if (!existsSync(source)) continue // moved before the interruption
    mkdirSync(dirname(join(outRoot, to)), { recursive: true })
    renameSync(source, join(outRoot, to))
  }
  for (const path of journal.removed) rmSync(join(outRoot, path), { force: true })
  rmSync(staging, { recursive: true, force: true })
}

function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return undefined
  }
}

/** Files of an owned folder, as output paths (relative to the output root, `/`-separated). */
function listFiles(outRoot: string, folder: string): string[] {
  return listFilesRecursive(join(outRoot, folder)).map((path) => relative(outRoot, path).split(sep).join('/'))
}
