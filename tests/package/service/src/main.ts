// A service's own code against the installed package: request bodies decoded into what the client
// takes, rows the client returns encoded into their JSON form, under the strictest compiler settings.
import { createPrisma, DatabaseSetupError, Prisma, readDatabaseConfig, type DatabaseClient } from '@pika/db'
import {
  AuditLogCreateSchema, CreditPackSchema, CreditPackUpdateSchema, GymCreateSchema, GymSchema, UserCreateSchema,
  UserProfileSchema, UserRole, UserSchema, type CreditPack, type CreditPackJson, type UserJson,
} from '@pika/db/zod'

export async function register(db: DatabaseClient, body: unknown, passwordHash: string): Promise<UserJson> {
  const user = await db.prisma.user.create({ data: { ...UserCreateSchema.parse(body), passwordHash } })
  return UserSchema.encode(user)
}

export async function profile(db: DatabaseClient, id: string) {
  // Relations the read schema leaves out are dropped by encode.
  return UserProfileSchema.encode(await db.prisma.userProfile.findUniqueOrThrow({ where: { id }, include: { user: true } }))
}

export async function openGym(db: DatabaseClient, body: unknown) {
  return GymSchema.encode(await db.prisma.gym.create({ data: GymCreateSchema.parse(body) }))
}

export async function audit(db: DatabaseClient, body: unknown) {
  return db.prisma.auditLog.create({ data: AuditLogCreateSchema.parse(body) }) // a null Json becomes Prisma.DbNull
}

export async function reprice(db: DatabaseClient, id: string, body: unknown): Promise<CreditPackJson> {
  const pack: CreditPack = await db.prisma.creditPack.update({ where: { id }, data: CreditPackUpdateSchema.parse(body) })
  return CreditPackSchema.encode(pack)
}

const config = readDatabaseConfig({ DATABASE_URL: 'postgresql://service@db.invalid:5432/pika' })
const pack = CreditPackSchema.decode({
  id: 'cpack00000000000000000001', createdAt: '2026-01-31T09:00:00Z', updatedAt: '2026-01-31T09:00:00.250+01:00', name: 'Ten',
  description: null, credits: 10, price: 39.99, currency: 'USD', validityDays: null, isActive: true, stripePriceId: null,
})
console.log(JSON.stringify({
  target: config.target.kind,
  role: UserRole.ADMIN,
  price: pack.price instanceof Prisma.Decimal ? pack.price.toFixed(2) : 'not a Decimal',
  createdAt: pack.createdAt instanceof Date,
  wire: CreditPackSchema.encode(pack).updatedAt,
  valid: UserCreateSchema.safeParse({ email: 'sam@example.com', firstName: 'Sam', lastName: 'Taylor' }).success,
  setupError: new DatabaseSetupError('x') instanceof Error,
  client: typeof createPrisma,
}))
