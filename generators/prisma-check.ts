import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import { cachedFile } from './cache/compiled-cache.ts'
import { libraryVersion, readAsset } from './package-files.ts'
import type { CheckReply, CheckRequest, WorkerSetup } from './prisma-check-worker.ts'

/**
 * Prisma's own validator checks every emitted schema: an invalid schema is a bug in the generator,
 * reported as an internal error instead of surfacing later in `prisma migrate`. It is the
 * WebAssembly build (@prisma/prisma-schema-wasm, pinned to the engines of our prisma version),
 * loaded in ~20 ms rather than the CLI's 1.4 s engine start, and it runs in a worker thread: the
 * check (60 ms for the platform, 0.4 s for 1,000 models) then overlaps the other emitters on a
 * second core instead of adding to the run. A watch session keeps one worker, so the module loads
 * once, and skips a schema identical to the last one accepted.
 */
export class PrismaSchemaCheck {
  readonly #worker: Worker
  readonly #pending = new Map<number, { resolve: () => void; reject: (error: Error) => void }>()
  #nextId = 0
  #lastAccepted: string | undefined

  constructor() {
    // A literal require.resolve in the launcher's bundle, so esbuild's metafile lists the validator (see cache/cache-home.cjs).
    const wasmPath = typeof require === 'function' ? require.resolve('@prisma/prisma-schema-wasm') : createRequire(import.meta.url).resolve('@prisma/prisma-schema-wasm')
    const workerData: WorkerSetup = { wasmPath }
    const { script, evaluate } = workerScript()
    this.#worker = new Worker(script, { eval: evaluate, workerData })
    this.#worker.unref() // idle, it must not keep the process alive; a pending check refs it
    this.#worker.on('message', ({ id, error }: CheckReply) => {
      const pending = this.#pending.get(id)
      this.#pending.delete(id)
      if (this.#pending.size === 0) this.#worker.unref()
      if (error === undefined) pending?.resolve()
      else pending?.reject(new Error(`the generated Prisma schema is invalid: ${error}`))
    })
    this.#worker.on('error', (error) => this.#failAll(new Error(`the Prisma schema check failed: ${error.message}`)))
  }

  /** Resolves when Prisma accepts the schema; rejects with its message when it does not. */
  check(schema: string): Promise<void> {
    if (schema === this.#lastAccepted) return Promise.resolve()
    const id = this.#nextId++
    const result = new Promise<void>((resolve, reject) => this.#pending.set(id, { resolve, reject }))
    this.#worker.ref()
    this.#worker.postMessage({ id, schema } satisfies CheckRequest)
    return result.then(() => {
      this.#lastAccepted = schema
    })
  }

  /** Ends the worker. A check still pending then never settles: its run has already failed or finished. */
  close(): void {
    this.#pending.clear()
    void this.#worker.terminate()
  }

  #failAll(error: Error): void {
    for (const { reject } of this.#pending.values()) reject(error)
    this.#pending.clear()
    this.#worker.unref()
  }
}

const WORKER_MODULE = 'generators/prisma-check-worker.ts'

/**
 * The worker's code: prisma-check-worker.ts compiled to CommonJS with esbuild and kept in the cache
 * folder (a worker thread cannot load TypeScript, under tsx or not); evaluated as text only when the
 * cache folder cannot be written.
 */
function workerScript(): { readonly script: string; readonly evaluate: boolean } {
  const source = readAsset(WORKER_MODULE)
  let compiled: string | undefined
  const file = cachedFile('prisma-check-worker', [libraryVersion('esbuild') ?? 'missing', source], () => (compiled = compileWorker(source)))
  return file ? { script: file, evaluate: false } : { script: compiled ?? compileWorker(source), evaluate: true }
}

function compileWorker(source: string): string {
  const esbuild = (typeof require === 'function' ? require('esbuild') : createRequire(import.meta.url)('esbuild')) as typeof import('esbuild')
  return esbuild.transformSync(source, { loader: 'ts', format: 'cjs', platform: 'node', target: 'node20', sourcefile: WORKER_MODULE }).code
}
