import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '..')

/** Runs a snippet as a separate process inside the package, importing it by name as a service would. */
function run(code: string) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { cwd: root, encoding: 'utf8' })
  return { code: result.status, stdout: result.stdout.trim(), stderr: result.stderr }
}

describe('package exports', () => {
  it('serves the zod schemas and their inferred types as @pika/db/zod', () => {
    const result = run(`
      import { UserCreateSchema, GymSchema, UserRole } from '@pika/db/zod'
      const ok = UserCreateSchema.safeParse({ email: 'sam@example.com', firstName: 'Sam', lastName: 'Taylor' }).success
      const bad = UserCreateSchema.safeParse({ email: 'nope', firstName: 'Sam', lastName: 'Taylor' }).success
      console.log(JSON.stringify({ ok, bad, admin: UserRole.ADMIN, gym: Object.keys(GymSchema.shape).includes('address') }))`)
    expect(result.stderr).toBe('')
    expect(JSON.parse(result.stdout)).toEqual({ ok: true, bad: false, admin: 'ADMIN', gym: true })
  })

  it('serves the client as @pika/db and the test helper as @pika/db/testing', () => {
    const result = run(`
      import { getPrisma, Prisma } from '@pika/db'
      import { createTestDatabase } from '@pika/db/testing'
      console.log(typeof getPrisma, typeof Prisma.Decimal, typeof createTestDatabase)`)
    expect(result.stderr).toBe('')
    expect(result.stdout).toBe('function function function')
  })
})
