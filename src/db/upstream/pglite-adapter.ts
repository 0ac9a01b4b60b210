import type { PGlite } from '@electric-sql/pglite'
import type { SqlDriverAdapterFactory, SqlQuery, SqlQueryable } from '@prisma/driver-adapter-utils'
import { PrismaPGlite } from 'pglite-prisma-adapter'
import { runsOutsideTransaction } from '../migrate/migration-files.ts'
import { splitSqlStatements } from '../migrate/sql-statements.ts'

// Upstream: pglite-prisma-adapter 0.6.1 (lucasthevenet/pglite-utils, packages/prisma-adapter); no issues
// filed. Test: tests/db/upstream/pglite-adapter.test.ts, one "still broken upstream" case per fix below.
// Wraps pglite-prisma-adapter 0.6 (the last line that pairs with Prisma 6.19) to fix what it gets wrong:
// - errors arrive as kind "postgres" without P-codes, so a unique violation is not P2002: map them;
// - multi-statement SQL goes through the extended protocol, which rejects it (migrate dev: P3006): use exec;
// - executeScript is not awaited, so a failing migration was recorded as applied: await it;
// - the factory takes no options, so DATABASE_SCHEMA could not reach the client: report it ourselves;
// - Prisma 6.19 sends a Bytes value as base64 text (argType scalarType "bytes"), which the adapter
//   passes on as text and PGlite refuses for a bytea ("Invalid input for bytea type"): decode it.

type PgError = { code?: string; detail?: string; column?: string; message?: string }

const keyFields = (e: PgError): string[] => e.detail?.match(/Key \(([^)]+)\)/)?.[1]?.split(', ') ?? []
const PRISMA_KINDS: Record<string, (e: PgError) => object> = {
  '23505': (e) => ({ kind: 'UniqueConstraintViolation', constraint: { fields: keyFields(e) } }), // P2002
  '23503': (e) => ({ kind: 'ForeignKeyConstraintViolation', constraint: { fields: keyFields(e) } }), // P2003
  '23502': (e) => ({ kind: 'NullConstraintViolation', constraint: { fields: [e.column] } }), // P2011
  '40001': () => ({ kind: 'TransactionWriteConflict' }), // P2034
}

/** Rethrows a PGlite/adapter error as the DriverAdapterError shape Prisma maps to P-codes. */
function rethrow(error: any): never {
  let cause = error?.name === 'DriverAdapterError' ? error.cause
    : error?.severity ? { kind: 'postgres', ...error, message: error.message } : undefined
  if (!cause) throw error
  const mapped = cause.kind === 'postgres' && PRISMA_KINDS[cause.code]?.(cause)
  if (mapped) cause = { originalCode: cause.code, originalMessage: cause.message, ...mapped }
  throw Object.assign(new Error(cause.message ?? cause.kind), { name: 'DriverAdapterError', cause })
}

// A `-- pika:no-transaction` migration (CREATE INDEX CONCURRENTLY) cannot run as one multi-statement exec.
async function execScript(db: PGlite, sql: string): Promise<void> {
  const parts = runsOutsideTransaction(sql) ? splitSqlStatements(sql).map((s) => s.sql) : [sql]
  for (const part of parts) await db.exec(part)
}

const affectedRows = (results: { affectedRows?: number }[]) => results.reduce((n, r) => n + (r.affectedRows ?? 0), 0)

const base64Bytes = (value: unknown): unknown => (typeof value === 'string' ? new Uint8Array(Buffer.from(value, 'base64')) : value)

/** The query with its Bytes arguments (single or list) as bytes, as @prisma/adapter-pg passes them. */
function withBytes(query: SqlQuery): SqlQuery {
  const types = (query as { argTypes?: readonly ({ scalarType?: string } | null | undefined)[] }).argTypes
  if (!types?.some((t) => t?.scalarType === 'bytes')) return query
  const args = query.args.map((arg, i) => (types[i]?.scalarType !== 'bytes' ? arg : Array.isArray(arg) ? arg.map(base64Bytes) : base64Bytes(arg)))
  return { ...query, args }
}

function patch<T extends SqlQueryable>(queryable: T, db: PGlite | undefined, schema: string | undefined): T {
  const q = queryable as any
  const [queryRaw, executeRaw, startTransaction] = [q.queryRaw, q.executeRaw, q.startTransaction].map((f) => f?.bind(q))
  q.queryRaw = (query: SqlQuery) => queryRaw(withBytes(query)).catch(rethrow)
  // Only on the top-level connection (db set): inside a transaction, exec would bypass the tx's lock.
  q.executeRaw = (query: SqlQuery) =>
    db && query.args.length === 0 ? db.exec(query.sql).then(affectedRows, rethrow) : executeRaw(withBytes(query)).catch(rethrow)
  if (db) {
    q.executeScript = (sql: string) => execScript(db, sql).catch(rethrow)
    q.getConnectionInfo = () => ({ schemaName: schema, supportsRelationJoins: true })
  }
  if (startTransaction) q.startTransaction = async (...a: unknown[]) => patch(await startTransaction(...a), undefined, schema)
  return queryable
}

/** A Prisma driver adapter factory over an open PGlite instance (which the caller owns and closes). */
export function pgliteAdapter(db: PGlite, schema?: string): SqlDriverAdapterFactory {
  const factory = new PrismaPGlite(db)
  return {
    provider: 'postgres',
    adapterName: factory.adapterName,
    connect: async () => patch(await factory.connect(), db, schema),
  }
}
