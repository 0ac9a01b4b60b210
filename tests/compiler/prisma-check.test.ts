import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { PrismaSchemaCheck } from '../../generators/prisma-check.ts'

const schema = readFileSync(fileURLToPath(new URL('../../prisma/schema.prisma', import.meta.url)), 'utf8')

describe('the Prisma schema check (a worker running Prisma’s validator)', () => {
  const check = new PrismaSchemaCheck()
  afterAll(() => check.close())

  it('accepts the emitted schema', async () => {
    await expect(check.check(schema)).resolves.toBeUndefined()
  })

  it('rejects a schema Prisma rejects, with Prisma’s reason, and keeps serving later checks', async () => {
    const broken = schema.replace(/^model User \{/m, 'model User {\n  friend Nobody')
    expect(broken).not.toBe(schema)
    await expect(check.check(broken)).rejects.toThrow(/generated Prisma schema is invalid: .*Nobody/s)
    await expect(check.check(`${schema}\n`)).resolves.toBeUndefined()
  })
})
