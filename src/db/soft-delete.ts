// Soft deletion for the models with `softDelete: true` (generated/zod/client-omit.ts lists them):
// the configured client hides deleted rows from reads and turns delete into an update that sets
// `deletedAt`. A Prisma client extension, so it applies inside transactions too; the database
// keeps uniques to live rows by itself (partial unique indexes in prisma/managed.sql).
import { softDeleteFields } from '../../generated/zod/client-omit.ts'
import { Prisma } from '../generated/prisma/client.ts'
import type { ConfiguredPrismaClient } from './client.ts'

/** Operations that read rows; each gets `deletedAt: null` unless its `where` names the field. */
const READS = new Set(['findFirst', 'findFirstOrThrow', 'findMany', 'findUnique', 'findUniqueOrThrow', 'count', 'aggregate', 'groupBy'])

const delegateOf = (model: string) => model.charAt(0).toLowerCase() + model.slice(1)
const fieldOf = (model: string | undefined): string | undefined => (model === undefined ? undefined : (softDeleteFields as Readonly<Record<string, string>>)[delegateOf(model)])

type Where = Record<string, unknown> | undefined
type Args = { where?: Where } & Record<string, unknown>
type Delegate = { update(args: object): Promise<unknown>; updateMany(args: object): Promise<unknown> }

/**
 * Only live rows, unless the query asks about deletion itself: a `where` that names the field at
 * its top level (`deletedAt: { not: null }` for the deleted ones) is left as it is; every row,
 * live or not, is what DatabaseClient.withDeleted reads. The condition joins the `where` at its top
 * level, so findUnique keeps its unique key there.
 */
const liveOnly = (where: Where, field: string): Record<string, unknown> => (where && field in where ? where : { ...where, [field]: null })

/** delete and deleteMany as updates of `field`, on the delegate (or transaction delegate) they are called on. */
function softDeleteMethods(field: string) {
  return {
    /** Marks the row deleted and returns it, as delete returns the removed row; a deleted or missing row is P2025. */
    async delete(this: unknown, args: Args) {
      const { where, ...rest } = args
      return (Prisma.getExtensionContext(this) as unknown as Delegate).update({ ...rest, where: liveOnly(where, field), data: { [field]: new Date() } })
    },
    /** Marks the matching live rows deleted; returns `{ count }` like deleteMany. */
    async deleteMany(this: unknown, args: Args = {}) {
      return (Prisma.getExtensionContext(this) as unknown as Delegate).updateMany({ where: liveOnly(args.where, field), data: { [field]: new Date() } })
    },
  }
}

/** The client with soft deletion; `prisma` itself stays the client that sees every row and deletes for real. */
export function withSoftDelete(prisma: ConfiguredPrismaClient): ConfiguredPrismaClient {
  if (Object.keys(softDeleteFields).length === 0) return prisma
  const extended = prisma.$extends({
    name: 'pika-soft-delete',
    // Only the soft-deleted models get these methods; every other model keeps Prisma's own delete.
    model: Object.fromEntries(Object.entries(softDeleteFields as Readonly<Record<string, string>>).map(([delegate, field]) => [delegate, softDeleteMethods(field)])) as {},
    query: {
      $allModels: {
        $allOperations({ model, operation, args, query }) {
          const field = fieldOf(model)
          if (!field || !READS.has(operation)) return query(args)
          return query({ ...(args as Args), where: liveOnly((args as Args).where, field) })
        },
      },
    },
  })
  return extended as unknown as ConfiguredPrismaClient
}
