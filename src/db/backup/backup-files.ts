// Where backups live and which ones to keep: names carry the target and a UTC timestamp, so a plain
// sort is chronological and pruning never touches a file it did not write.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { PACKAGE_ROOT } from '../config.ts'
import { DatabaseSetupError } from '../errors.ts'

export interface BackupSettings {
  /** Folder the backups are written to (BACKUP_DIR, default backups/ in the package). */
  readonly dir: string
  /** How many of this target's newest backups db:backup keeps (BACKUP_KEEP, default 7). */
  readonly keep: number
}

type Env = Readonly<Record<string, string | undefined>>

export function readBackupSettings(env: Env = process.env): BackupSettings {
  const keepText = env.BACKUP_KEEP?.trim() || '7'
  if (!/^\d+$/.test(keepText) || Number(keepText) < 1) throw new DatabaseSetupError(`BACKUP_KEEP must be a whole number >= 1, got "${keepText}"`)
  return { dir: resolve(env.BACKUP_DIR?.trim() || join(PACKAGE_ROOT, 'backups')), keep: Number(keepText) }
}

/** The two formats: pg_dump's custom format for a server, PGlite's gzipped data-dir tarball. */
export type BackupKind = 'postgres' | 'pglite'
const EXTENSION: Record<BackupKind, string> = { postgres: '.dump', pglite: '.tar.gz' }

export function backupKindOf(file: string): BackupKind {
  if (file.endsWith(EXTENSION.postgres)) return 'postgres'
  if (file.endsWith(EXTENSION.pglite)) return 'pglite'
  throw new DatabaseSetupError(`${file} is not a backup made by db:backup (expected a .dump or .tar.gz file)`)
}

/** `pika-<label>-20261130T151700123Z.dump`: label names the database, the stamp is UTC to the millisecond. */
export function backupFileName(label: string, kind: BackupKind, at: Date): string {
  const stamp = at.toISOString().replace(/[-:.]/g, '')
  return `pika-${safeLabel(label)}-${stamp}${EXTENSION[kind]}`
}

const safeLabel = (label: string) => label.replace(/[^A-Za-z0-9_]/g, '_')
const STAMP = String.raw`\d{8}T\d{9}Z`

/** This target's complete backups in `dir`, oldest first. */
export function listBackups(dir: string, label: string, kind: BackupKind): string[] {
  if (!existsSync(dir)) return []
  const pattern = new RegExp(`^pika-${safeLabel(label)}-${STAMP}${EXTENSION[kind].replaceAll('.', '\\.')}$`)
  return readdirSync(dir).filter((name) => pattern.test(name)).sort()
}

/** Deletes all but the `keep` newest backups of this target; returns the names it deleted. */
export function pruneBackups(dir: string, label: string, kind: BackupKind, keep: number): string[] {
  const all = listBackups(dir, label, kind)
  const old = all.slice(0, Math.max(0, all.length - keep))
  for (const name of old) rmSync(join(dir, name))
  return old
}

/**
 * Writes a backup under a temporary name and renames it when complete, so a crash mid-way never
 * leaves a file that looks like a backup (nor makes pruning delete a good one).
 */
export async function writeAtomically(path: string, write: (temporary: string) => Promise<void>): Promise<void> {
  mkdirSync(resolve(path, '..'), { recursive: true })
  const temporary = `${path}.partial`
  try {
    await write(temporary)
    renameSync(temporary, path)
  } finally {
    rmSync(temporary, { force: true })
  }
}

export const writeBytes = (path: string, bytes: Uint8Array) => writeFileSync(path, bytes)
