import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { isAbsolute, join, relative } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { DatabaseSetupError, firstLine } from './errors.ts'
import { describeHolder, tryLock } from './file-lock.ts'
import { pgliteExtensionOptions } from './pglite-extensions.ts'

/** `dir` relative to the working directory when inside it (`.pglite`), else absolute. */
export function displayPath(dir: string): string {
  const rel = relative(process.cwd(), dir)
  return rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? dir : rel
}

/**
 * Opens (creating on first use) the embedded database in `dataDir`, or in memory for `memory://`.
 * Open ONE instance per folder and process: two instances on one folder lose committed writes.
 * The caller must close() it, or the process never exits.
 */
export async function openPGlite(dataDir: string, schema?: string): Promise<PGlite> {
  if (dataDir.startsWith('memory://')) return withSchema(await PGlite.create(dataDir, await pgliteExtensionOptions()), schema)
  refuseForeignFolder(dataDir)
  const release = lockFolder(dataDir)
  let db: PGlite
  try {
    db = await PGlite.create(dataDir, await pgliteExtensionOptions())
  } catch (error) {
    release()
    throw new DatabaseSetupError(describeOpenFailure(dataDir, error))
  }
  const close = db.close.bind(db)
  // The lock lives as long as the instance: released when it is closed (or its process dies).
  db.close = () => close().finally(release)
  try {
    return await withSchema(db, schema)
  } catch (error) {
    await db.close()
    throw error
  }
}

// Migration SQL is unqualified: search_path makes it (and _prisma_migrations) land in DATABASE_SCHEMA.
// PGlite is one session, so SET holds for the instance's lifetime.
async function withSchema(db: PGlite, schema: string | undefined): Promise<PGlite> {
  if (schema) await db.exec(`CREATE SCHEMA IF NOT EXISTS "${schema}"; SET search_path TO "${schema}"`)
  return db
}

/**
 * Two instances on one folder each keep their own view of it and overwrite each other's committed
 * rows, so a folder is opened by one instance at a time: `<folder>.lock` names the holder, and a
 * lock whose process has died is taken over.
 */
function lockFolder(dataDir: string): () => void {
  const lock = tryLock(`${dataDir}.lock`, process.argv.slice(1).map((a) => a.split('/').at(-1)).join(' ').slice(0, 120))
  if ('release' in lock) return lock.release
  throw new DatabaseSetupError(
    `The embedded database in ${displayPath(dataDir)} is in use by ${describeHolder(lock.holder)}; ` +
      `stop that process or wait for it to finish (one process at a time: two would lose each other's writes)`,
  )
}

/** Why PGlite could not open `dataDir`: another PostgreSQL version, a full disk, or real damage. */
function describeOpenFailure(dataDir: string, error: unknown): string {
  const where = `The embedded database in ${displayPath(dataDir)}`
  const message = `${firstLine(error)} ${(error as NodeJS.ErrnoException)?.code ?? ''}`
  if (/ENOSPC|No space left on device/i.test(message)) {
    return `${where} cannot be written: the disk is full (${firstLine(error)}); free some space and rerun`
  }
  const folderVersion = readPgVersion(dataDir)
  if (folderVersion && /^\d+$/.test(folderVersion) && folderVersion !== PGLITE_PG_MAJOR) { // else PG_VERSION itself is damaged
    return `${where} was written by PostgreSQL ${folderVersion}, but this PGlite runs PostgreSQL ${PGLITE_PG_MAJOR}; ` +
      `open it with the PGlite version that wrote it (dump it there), or move it aside and rerun to start a new one`
  }
  // A WASM abort says only "Aborted(). Build with -sASSERTIONS for more info."
  const reason = /^Aborted\(\)/.test(firstLine(error)) ? 'PostgreSQL aborted while reading it' : firstLine(error)
  return `${where} is damaged and cannot be opened (${reason}); ` +
    `move the folder aside (mv ${displayPath(dataDir)} ${displayPath(dataDir)}.broken) and rerun to start a new, empty one`
}

/** The PostgreSQL major version this PGlite build runs (and writes into PG_VERSION). */
export const PGLITE_PG_MAJOR = '18'

function readPgVersion(dataDir: string): string | undefined {
  try {
    return readFileSync(join(dataDir, 'PG_VERSION'), 'utf8').trim()
  } catch {
    return undefined
  }
}

// PGlite runs initdb in any folder without PG_VERSION, even a full one (say PGLITE_DIR=~ by mistake).
function refuseForeignFolder(dataDir: string): void {
  if (!existsSync(dataDir)) return
  if (!statSync(dataDir).isDirectory()) {
    throw new DatabaseSetupError(`PGLITE_DIR ${displayPath(dataDir)} is a file, not a folder; point PGLITE_DIR at a folder (or unset it for .pglite/)`)
  }
  if (readdirSync(dataDir).length > 0 && !existsSync(join(dataDir, 'PG_VERSION'))) {
    throw new DatabaseSetupError(
      `${displayPath(dataDir)} is not an embedded database folder (no PG_VERSION, but not empty); move its files away or set PGLITE_DIR to an empty or new folder`,
    )
  }
}
