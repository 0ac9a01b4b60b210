// Prisma's schema engine (the WebAssembly build the CLI itself runs, @prisma/schema-engine-wasm at
// the version prisma pins), driven in this process. db:migrate diffs two Prisma schemas with it:
// the one the migrations produce (prisma/migrations/datamodel.lock) and the current one. Through
// the CLI the same diff costs a Node process, the CLI's start-up and the engine's catalog queries
// against a database built from the migrations, ~3.5 s per direction; here ~0.1 s.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { PGlite } from '@electric-sql/pglite'
import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils'
import { DatabaseSetupError } from '../errors.ts'
import { pgliteAdapter } from '../upstream/pglite-adapter.ts'

/** What this module uses of the engine's bindings (schema_engine.d.ts). */
interface SchemaEngine {
  diff(params: object): Promise<{ stdout: string; exitCode: number }>
  free(): void
}
interface EngineBindings {
  SchemaEngine: { new: (options: { datamodels: [string, string][] }, log: (message: string) => void, adapter: object) => Promise<SchemaEngine> }
  __wbg_set_wasm(exports: Record<string, unknown>): void
}
/** What this module uses of the WebAssembly global (the project's TypeScript libraries do not declare it). */
interface WasmApi {
  compile(bytes: Uint8Array): Promise<object>
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> }
}
const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly

let bindings: Promise<EngineBindings> | undefined

/**
 * The package's own entry imports the .wasm file as an ES module, which Node 20 cannot; so, as the
 * CLI does, its JavaScript glue is loaded and the module instantiated by hand (once per process).
 */
function loadBindings(): Promise<EngineBindings> {
  bindings ??= (async () => {
    let entry: string
    try {
      entry = createRequire(import.meta.url).resolve('@prisma/schema-engine-wasm')
    } catch {
      throw new DatabaseSetupError('@prisma/schema-engine-wasm is not installed; db:migrate needs the devDependencies (npm ci)')
    }
    const glue = (await import('@prisma/schema-engine-wasm/schema_engine_bg')) as unknown as EngineBindings
    const module = await wasm.compile(readFileSync(join(dirname(entry), 'schema_engine_bg.wasm')))
    const instance = new wasm.Instance(module, { './schema_engine_bg.js': glue })
    glue.__wbg_set_wasm(instance.exports)
    ;(instance.exports.__wbindgen_start as () => void)()
    return glue
  })()
  return bindings
}

/**
 * Starts compiling the engine's WebAssembly (V8 compiles off the main thread) while the caller does
 * other work; a failure surfaces when withSchemaEngine needs the engine.
 */
export function prepareSchemaEngine(): void {
  loadBindings().catch(() => {})
}

/**
 * The engine connects to a database even to diff two schemas: it only asks for the server's version
 * there. `db` is a throw-away copy of the migrated snapshot, the database the CLI's diff was given.
 */
function engineAdapter(db: PGlite, schema: string | undefined): SqlMigrationAwareDriverAdapterFactory {
  const factory = pgliteAdapter(db, schema)
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: () => factory.connect(),
    connectToShadowDb: () => Promise.reject(new Error('a diff of two Prisma schemas needs no shadow database')),
  }
}

const schemaFile = (path: string, content: string) => ({ tag: 'schemaDatamodel', files: [{ path, content }] })

/** Prisma's `migrate diff --script` from the database one Prisma schema describes to another's (both as text). */
export type DiffSchemas = (from: string, to: string) => Promise<string>

/**
 * Runs `use` with one engine (one start and one version query, whatever the number of diffs). A
 * diff's script is Prisma's, with its "-- This is an empty migration." when nothing differs.
 */
export async function withSchemaEngine<T>(db: PGlite, schema: string | undefined, datamodel: string, use: (diff: DiffSchemas) => Promise<T>): Promise<T> {
  const { SchemaEngine } = await loadBindings()
  const engine = await SchemaEngine.new({ datamodels: [['schema.prisma', datamodel]] }, () => {}, bindMigrationAwareSqlAdapterFactory(engineAdapter(db, schema)))
  const diff: DiffSchemas = async (from, to) => {
    try {
      const result = await engine.diff({
        from: schemaFile('from.prisma', from),
        to: schemaFile('to.prisma', to),
        script: true,
        shadowDatabaseUrl: null,
        exitCode: null,
        filters: { externalTables: [], externalEnums: [] },
      })
      return result.stdout
    } catch (error) {
      throw new DatabaseSetupError(`computing the migration (Prisma's schema engine) failed: ${(error as Error).message.split('\n')[0]}`)
    }
  }
  try {
    return await use(diff)
  } finally {
    engine.free()
  }
}
