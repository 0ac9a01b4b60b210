// A CommonJS service: Node's require(esm) loads the package's ESM entry points.
const db = require('@pika/db')
const zod = require('@pika/db/zod')
const testing = require('@pika/db/testing')
console.log(JSON.stringify({ client: typeof db.createPrisma, zod: typeof zod.UserSchema.parse, testing: typeof testing.createTestDatabase }))
