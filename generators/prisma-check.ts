import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'

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
    const wasmPath = createRequire(import.meta.url).resolve('@prisma/prisma-schema-wasm')
    this.#worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { wasmPath, warmUp: WARM_UP_SCHEMA } })
    this.#worker.unref() // idle, it must not keep the process alive; a pending check refs it
    this.#worker.on('message', ({ id, error }: { id: number; error?: string }) => {
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
    this.#worker.postMessage({ id, schema })
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

/**
 * A small schema using most of what the emitted one does. Validated as soon as the module loads,
 * while the main thread is still compiling the models: the first call compiles the validator's
 * WebAssembly functions (~30 ms), which would otherwise land on the run's critical path.
 */
const WARM_UP_SCHEMA = `datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}

/// A model.
model A {
  id    String   @id @default(cuid())
  n     Int      @default(1) @map("n_col")
  at    DateTime @default(now()) @updatedAt @db.Timestamptz(3)
  price Decimal  @db.Decimal(10, 2)
  data  Json?
  tags  String[]
  e     E        @default(X)
  b     B?       @relation(fields: [bId], references: [id], onDelete: Cascade)
  bId   String?  @unique @db.Uuid

  @@index([n, at])
  @@map("a_table")
}

model B {
  id String @id @default(uuid()) @db.Uuid
  a  A?
}

enum E {
  X
  Y
}
`

// CommonJS, evaluated in the worker: it needs nothing from the generator but the module path.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
// Baseline (Liftoff) code only: V8 otherwise re-compiles the validator's hot functions with TurboFan
// in background threads, and the process cannot exit until that finishes (~0.1-0.2 s after the run
// was done). Liftoff code is slower, but the check runs beside the emitters. Functions the validator
// never calls are not validated either (it is Prisma's own, well-formed build).
// The flags are process-wide (the generator runs no other WebAssembly) and set here, once the worker
// has booted: a V8 flag changed earlier makes V8 reject the code cache of Node's built-in modules,
// and the worker's start-up then compiles them from source (~25 ms more).
require('node:v8').setFlagsFromString('--liftoff-only')
require('node:v8').setFlagsFromString('--wasm-lazy-validation')
const wasm = require(workerData.wasmPath)
const validate = (schema) => wasm.validate(JSON.stringify({ prismaSchema: [['schema.prisma', schema]], noColor: true }))
try {
  validate(workerData.warmUp)
} catch {
  // Only a warm-up: the real check reports its own errors.
}
parentPort.on('message', ({ id, schema }) => {
  try {
    validate(schema)
    parentPort.postMessage({ id })
  } catch (error) {
    parentPort.postMessage({ id, error: String((error && error.message) || error) })
  }
})
`
