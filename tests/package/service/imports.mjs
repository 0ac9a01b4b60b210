// Every entry point of the installed package, imported by plain `node` (no loader, no TypeScript).
import { readFileSync } from 'node:fs'
import * as db from '@pika/db'
import * as zod from '@pika/db/zod'
import * as testing from '@pika/db/testing'
import openapi from '@pika/db/openapi.json' with { type: 'json' }
import modelSchema from '@pika/db/model.schema.json' with { type: 'json' }

const text = (specifier) => readFileSync(new URL(import.meta.resolve(specifier)), 'utf8')

console.log(JSON.stringify({
  db: ['PrismaClient', 'Prisma', 'createPrisma', 'getPrisma'].filter((name) => name in db),
  zod: typeof zod.UserSchema.parse,
  testing: typeof testing.createTestDatabase,
  openapiJson: Object.keys(openapi.components.schemas).includes('User'),
  openapiYaml: /^openapi: "?3\.1/m.test(text('@pika/db/openapi.yaml')),
  modelSchema: typeof modelSchema.$schema,
  schemaPrisma: text('@pika/db/schema.prisma').includes('model User {'),
  fixtures: Array.isArray(JSON.parse(text('@pika/db/fixtures/user.json')).models.User.rows),
}))
