// A migrated embedded database, built once per migrations version and kept on disk as a PGlite
// data-dir tarball. Building one costs initdb (seconds); loading a copy skips it, so each test
// database costs only PostgreSQL's start-up. Vitest runs every test file in a fresh module graph, so
// a template kept in memory would be rebuilt per file: the disk is what survives between files.
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { PACKAGE_ROOT } from './config.ts'
import { forOneScript } from './migrate/migration-files.ts'
import { localMigrationNames, MIGRATIONS_DIR } from './migration-history.ts'
import { applySchemaSql, quoteIdentifier } from './schema-sql.ts'
import { withFileLock, writeFileAtomically } from './file-lock.ts'
import { extensionsCreatedBy, pgliteExtensionOptions, schemaExtensions } from './pglite-extensions.ts'

// Its package.json is not exported; it sits beside dist/.
const PGLITE_VERSION: string = JSON.parse(
  readFileSync(join(dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite')), '..', 'package.json'), 'utf8'),
).version

/** Where snapshots live: PIKA_TEST_CACHE_DIR, else node_modules/.cache/pika-db (git-ignored). */
export const defaultSnapshotDir = (): string =>
  resolve(process.env.PIKA_TEST_CACHE_DIR?.trim() || join(PACKAGE_ROOT, 'node_modules', '.cache', 'pika-db'))

export interface SnapshotOptions {
  /** PostgreSQL schema the tables live in; part of the key. */
  readonly schema?: string
  readonly migrationsDir?: string
  readonly cacheDir?: string
}

/** The migrations' SQL in apply order, and a key naming it and the schema it is applied in. */
export function migrationsVersion(migrationsDir = MIGRATIONS_DIR, schema = ''): { sql: string; hash: string } {
  const hash = createHash('sha256').update(`schema ${schema}\n`)
  const parts = localMigrationNames(migrationsDir).map((name) => {
    const sql = readFileSync(join(migrationsDir, name, 'migration.sql'), 'utf8')
    hash.update(`${name}\n${sql}\n`)
    return forOneScript(sql)
  })
  return { sql: parts.join('\n'), hash: hash.digest('hex').slice(0, 16) }
}

/**
 * The path of the snapshot for the current migrations, building it first if it is missing. Workers
 * that ask at the same moment wait for the one holding the build lock; the file appears by an
 * atomic rename, so no one ever reads half a snapshot.
 */
export async function ensurePGliteSnapshot(options: SnapshotOptions = {}): Promise<string> {
  const { cacheDir, file, sql } = snapshotOf(options)
  if (existsSync(file)) return touch(file)
  mkdirSync(cacheDir, { recursive: true })
  await withFileLock(`${file}.lock`, 'building the test database snapshot', async () => {
    if (existsSync(file)) return // built by the worker we waited for
    writeSnapshot(cacheDir, file, await buildSnapshot(sql, options.schema, sql === '' && !options.schema))
  })
  return file
}

/**
 * Keeps `db` as the snapshot of the current migrations (in `options.schema`) unless there is one:
 * `db` must hold exactly what they build, as db:migrate's migrated copy does once it has applied the
 * migrations it wrote. The next db:migrate and createTestDatabase() then start from it at once.
 */
export async function keepAsPGliteSnapshot(db: PGlite, options: SnapshotOptions = {}): Promise<void> {
  const { cacheDir, file } = snapshotOf(options)
  if (existsSync(file)) return
  mkdirSync(cacheDir, { recursive: true })
  const tarball = await dataDirTarball(db)
  await withFileLock(`${file}.lock`, 'keeping the test database snapshot', async () => {
    if (!existsSync(file)) writeSnapshot(cacheDir, file, tarball)
  })
}

/** Where the snapshot of `options`' migrations lives, and their SQL. */
function snapshotOf(options: SnapshotOptions): { cacheDir: string; file: string; sql: string } {
  const cacheDir = options.cacheDir ?? defaultSnapshotDir()
  const { sql, hash } = migrationsVersion(options.migrationsDir, options.schema)
  // A data dir is only readable by the PostgreSQL build that wrote it: PGlite's version is in the key.
  const key = createHash('sha256').update(`${hash} pglite ${PGLITE_VERSION} ${SNAPSHOT_FORMAT}`).digest('hex').slice(0, 16)
  return { cacheDir, file: join(cacheDir, `pglite-${key}.tar`), sql }
}

function writeSnapshot(cacheDir: string, file: string, tarball: Uint8Array): void {
  writeFileAtomically(file, tarball)
  pruneSnapshots(cacheDir, file)
}

/** `db`'s data dir as an uncompressed tarball, everything flushed to it first. */
async function dataDirTarball(db: PGlite): Promise<Uint8Array> {
  await db.exec('CHECKPOINT')
  return new Uint8Array(await (await db.dumpDataDir('none')).arrayBuffer())
}

// Changes when what a snapshot holds changes (2: no template databases), so older ones are not used.
const SNAPSHOT_FORMAT = 2

// Only the empty snapshot pays initdb (seconds); a migrated one starts from a copy of it.
async function buildSnapshot(sql: string, schema: string | undefined, empty: boolean): Promise<Uint8Array> {
  const db = empty ? await PGlite.create(await pgliteExtensionOptions(extensionsFor(sql))) : await openEmptyPGliteFor(sql)
  try {
    // Every copy unpacks the whole data dir file by file into memory: without template0 and template1
    // (nothing here creates databases) it holds ~400 fewer files, 42 → 27 MB, and a copy opens in
    // ~0.4 s where it took ~0.55-0.8 s (bench/README.md).
    if (empty) {
      await db.exec(`UPDATE pg_database SET datistemplate = false WHERE datname IN ('template0', 'template1')`)
      for (const name of ['template0', 'template1']) await db.exec(`DROP DATABASE ${name}`) // one per exec: not in a transaction block
    }
    if (schema) await db.exec(`CREATE SCHEMA ${quoteIdentifier(schema)}; SET search_path TO ${quoteIdentifier(schema)}`)
    await applySchemaSql(db, sql)
    return await dataDirTarball(db)
  } finally {
    await db.close()
  }
}

// Snapshots are ~40 MB: drop those of other migrations versions not used for a day (another branch
// checked out today keeps its own).
const UNUSED_FOR_MS = 24 * 60 * 60 * 1000

function pruneSnapshots(cacheDir: string, keep: string): void {
  for (const name of readdirSync(cacheDir)) {
    const path = join(cacheDir, name)
    if (path === keep || !/^pglite-[0-9a-f]+\.tar$/.test(name)) continue
    if (Date.now() - statSync(path).mtimeMs > UNUSED_FOR_MS) rmSync(path, { force: true })
  }
}

/** Marks a snapshot as used (pruning goes by modification time). */
function touch(file: string): string {
  const now = new Date()
  try {
    utimesSync(file, now, now)
  } catch {
    // read-only cache: nothing to mark
  }
  return file
}

// One read per process: each test file's worker loads the tarball once and starts copies from memory.
const tarballs = new Map<string, Promise<Blob>>()

/** The PGlite extensions a database needs: the schema's, and those `sql` creates. */
const extensionsFor = (sql = ''): string[] => [...new Set([...schemaExtensions(), ...extensionsCreatedBy(sql)])]

/**
 * A new in-memory PGlite instance holding a copy of the snapshot at `file`, with `extensions`
 * loaded (default: the schema's); the caller closes it.
 */
export async function openSnapshotCopy(file: string, schema?: string, extensions: readonly string[] = extensionsFor()): Promise<PGlite> {
  if (!tarballs.has(file)) tarballs.set(file, Promise.resolve(new Blob([readFileSync(file)])))
  const db = await PGlite.create({ ...(await pgliteExtensionOptions(extensions)), loadDataDir: await tarballs.get(file)! })
  if (schema) await db.exec(`SET search_path TO ${quoteIdentifier(schema)}`) // session settings are not in the snapshot
  return db
}

/**
 * An empty, initialised database (no migrations) from its own snapshot: Migrate's shadow database,
 * which otherwise costs an initdb on every `db:migrate`.
 */
export async function openEmptyPGlite(extensions: readonly string[] = extensionsFor()): Promise<PGlite> {
  return openSnapshotCopy(await ensurePGliteSnapshot({ migrationsDir: emptyMigrationsDir() }), undefined, extensions)
}

/** Names the snapshot a Prisma CLI child opens as its shadow database (prisma/migrate-adapters.ts). */
export const SHADOW_SNAPSHOT_ENV = 'PIKA_SHADOW_SNAPSHOT'

/** A migrations folder holding no migration (only Prisma's lock file): the key of the empty snapshot. */
export function emptyMigrationsDir(): string {
  const dir = join(defaultSnapshotDir(), 'no-migrations')
  mkdirSync(dir, { recursive: true })
  const lockFile = join(dir, 'migration_lock.toml')
  if (!existsSync(lockFile)) writeFileSync(lockFile, readFileSync(join(MIGRATIONS_DIR, 'migration_lock.toml')))
  return dir
}

/** openEmptyPGlite() able to run `sql` (its CREATE EXTENSIONs loaded too). */
export const openEmptyPGliteFor = (sql: string): Promise<PGlite> => openEmptyPGlite(extensionsFor(sql))
