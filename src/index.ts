// What services import from '@pika/db': the configured Prisma client and its types.
export { createPrisma, getPrisma, Prisma, PrismaClient, type ConfiguredPrismaClient, type DatabaseClient } from './db/client.ts'
export { readDatabaseConfig, type DatabaseConfig } from './db/config.ts'
export { DatabasePoolTimeoutError, DatabaseSetupError } from './db/errors.ts'
export { inRequest, readFromPrimary } from './db/replicas/request-scope.ts'
