import { existsSync, readdirSync, statSync } from 'node:fs'
import { isAbsolute, join, relative } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { DatabaseSetupError, firstLine } from './errors.ts'
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
  if (!dataDir.startsWith('memory://')) refuseForeignFolder(dataDir)
  let db: PGlite
  try {
    db = await PGlite.create(dataDir, await pgliteExtensionOptions())
  } catch (error) {
    // A WASM abort says only "Aborted(). Build with -sASSERTIONS for more info."
    const reason = /^Aborted\(\)/.test(firstLine(error)) ? 'PostgreSQL aborted while reading it' : firstLine(error)
    throw new DatabaseSetupError(
      `The embedded database in ${displayPath(dataDir)} is damaged and cannot be opened (${reason}); ` +
        `move the folder aside (mv ${displayPath(dataDir)} ${displayPath(dataDir)}.broken) and rerun to start a new, empty one`,
    )
  }
  // Migration SQL is unqualified: search_path makes it (and _prisma_migrations) land in DATABASE_SCHEMA.
  // PGlite is one session, so SET holds for the instance's lifetime.
  if (schema) await db.exec(`CREATE SCHEMA IF NOT EXISTS "${schema}"; SET search_path TO "${schema}"`)
  return db
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
