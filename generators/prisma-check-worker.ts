import { createRequire } from 'node:module'
import { setFlagsFromString } from 'node:v8'
import { parentPort, workerData } from 'node:worker_threads'

/**
 * The worker thread of the Prisma schema check (prisma-check.ts): it loads Prisma's WebAssembly
 * validator and answers one message per schema. It needs nothing from the generator but the
 * validator's path; prisma-check.ts compiles this module to CommonJS for the worker to run.
 */
export interface WorkerSetup {
  readonly wasmPath: string
}
export interface CheckRequest {
  readonly id: number
  readonly schema: string
}
/** No `error`: Prisma accepted the schema. */
export interface CheckReply {
  readonly id: number
  readonly error?: string
}

// Baseline (Liftoff) code only: V8 otherwise re-compiles the validator's hot functions with TurboFan
// in background threads, and the process cannot exit until that finishes (~0.1-0.2 s after the run
// was done). Liftoff code is slower, but the check runs beside the emitters. Functions the validator
// never calls are not validated either (it is Prisma's own, well-formed build).
// The flags are process-wide (the generator runs no other WebAssembly) and set here, once the worker
// has booted: a V8 flag changed earlier makes V8 reject the code cache of Node's built-in modules,
// and the worker's start-up then compiles them from source (~25 ms more).
setFlagsFromString('--liftoff-only')
setFlagsFromString('--wasm-lazy-validation')
const { wasmPath } = workerData as WorkerSetup
const wasm = createRequire(wasmPath)(wasmPath) as typeof import('@prisma/prisma-schema-wasm')
const validate = (schema: string) => wasm.validate(JSON.stringify({ prismaSchema: [['schema.prisma', schema]], noColor: true }))

/**
 * A small schema using most of what the emitted one does. Validated as soon as the worker starts,
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

try {
  validate(WARM_UP_SCHEMA)
} catch {
  // Only a warm-up: the real check reports its own errors.
}

const port = parentPort!
port.on('message', ({ id, schema }: CheckRequest) => {
  let reply: CheckReply
  try {
    validate(schema)
    reply = { id }
  } catch (error) {
    reply = { id, error: String((error as { message?: unknown } | undefined)?.message || error) }
  }
  port.postMessage(reply)
})
