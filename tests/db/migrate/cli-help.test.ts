// `npm run db:migrate -- --help` documents this package's options (not Prisma's), and touches no database.
import { execFile } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { PACKAGE_ROOT } from '../../../src/db/config.ts'

const run = (args: string[]) => new Promise<{ code: number; stdout: string }>((resolve) => {
  execFile(process.execPath, ['scripts/launch.mjs', 'db', ...args], { cwd: PACKAGE_ROOT, env: { ...process.env, DATABASE_URL: 'postgresql://nobody@127.0.0.1:1/none' } },
    (error, stdout) => resolve({ code: typeof error?.code === 'number' ? error.code : 0, stdout }))
})

describe('db:* --help', () => {
  it('db:migrate lists --name, --create-only, --accept-data-loss and --expand-contract, and where to read more', async () => {
    const { code, stdout } = await run(['migrate', '--help'])
    expect(code).toBe(0) // the unreachable DATABASE_URL was never used
    expect(stdout).toMatch(/^npm run db:migrate -- \[options\]/)
    for (const option of ['--name <name>', '--create-only', '--accept-data-loss=<t,…>', '--expand-contract', '-- pika:no-transaction', 'docs/migrations.md']) expect(stdout).toContain(option)
    expect(stdout).not.toMatch(/prisma migrate dev/i)
  })

  it('db:migrate:resolve names both resolutions', async () => {
    const { stdout } = await run(['migrate:resolve', '--help'])
    expect(stdout).toContain('--rolled-back <name>')
    expect(stdout).toContain('--applied <name>')
  })
})
