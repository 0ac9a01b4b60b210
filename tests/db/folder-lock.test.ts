// One process at a time on an embedded database folder: two seeds and a writer started together
// lose no committed row; the ones that must wait are told who holds the folder; a lock left by a
// dead process is taken over; the test commands refuse the development database; db:migrate:reset
// re-seeds.
import { execFile, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { PACKAGE_ROOT } from '../../src/db/config.ts'
import { PGLITE_PLACEHOLDER_URL } from '../../src/db/upstream/prisma-cli-env.ts'
import { openPGlite, PGLITE_PG_MAJOR } from '../../src/db/open-pglite.ts'
import { ensurePGliteSnapshot } from '../../src/db/pglite-snapshot.ts'

const scratch = mkdtempSync(join(tmpdir(), 'pika-lock-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

interface Run { exitCode: number; stdout: string; stderr: string }

function run(script: string, args: string[], env: Record<string, string>): Promise<Run> {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(DATABASE_|PGLITE_|TEST_DATABASE|MIGRATE_|DEBUG)/.test(k)))
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', script, ...args], { cwd: PACKAGE_ROOT, env: { ...base, DATABASE_URL: PGLITE_PLACEHOLDER_URL, ...env } }, (error, stdout, stderr) =>
      resolve({ exitCode: typeof error?.code === 'number' ? error.code : 0, stdout, stderr }))
  })
}

const IN_USE = /^db seed: The embedded database in \S+ is in use by process \d+ on \S+ \(.+, since .+\); stop that process or wait/

describe('the embedded database folder lock', () => {
  const dir = join(scratch, 'dev')

  it('two seeds and a writer at once: every committed row survives, and the refused say who holds the folder', async () => {
    const deploy = await run('scripts/db.ts', ['migrate:deploy'], { PGLITE_DIR: dir })
    expect(deploy.exitCode, deploy.stderr).toBe(0)

    const [seedA, seedB, writer] = await Promise.all([
      run('scripts/db.ts', ['seed'], { PGLITE_DIR: dir }),
      run('scripts/db.ts', ['seed'], { PGLITE_DIR: dir }),
      run('tests/fixtures/service/writer.ts', [], { PGLITE_DIR: dir }),
    ])
    for (const seed of [seedA, seedB]) if (seed.exitCode !== 0) expect(seed.stderr.trim()).toMatch(IN_USE)
    if (writer.exitCode !== 0) expect(writer.stderr.trim()).toMatch(/^writer: The embedded database in \S+ is in use by process \d+/)
    const seeded = [seedA, seedB].filter((s) => s.exitCode === 0)

    expect(readFileSync(join(dir, 'PG_VERSION'), 'utf8').trim()).toBe(PGLITE_PG_MAJOR) // what the version check compares with
    const db = await openPGlite(dir)
    try {
      const emails = (await db.query<{ email: string }>('SELECT email FROM users')).rows.map((r) => r.email)
      expect(new Set(emails).size).toBe(emails.length) // nothing written twice
      if (writer.exitCode === 0) expect(emails.filter((e) => e.startsWith('writer-'))).toHaveLength(20)
      if (seeded.length > 0) expect(emails.length).toBeGreaterThan(writer.exitCode === 0 ? 20 : 0)
      expect(seeded.length + (writer.exitCode === 0 ? 1 : 0)).toBeGreaterThan(0)
    } finally {
      await db.close()
    }

    // db:migrate:reset empties the folder and re-seeds it, as the README says.
    const reset = await run('scripts/db.ts', ['migrate:reset', '--force'], { PGLITE_DIR: dir })
    expect(reset.exitCode, reset.stderr).toBe(0)
    expect(reset.stdout).toMatch(/Seeded \d+ new rows \(0 already present\)/)
    const after = await openPGlite(dir)
    try {
      const emails = (await after.query<{ email: string }>('SELECT email FROM users')).rows.map((r) => r.email)
      expect(emails.length).toBeGreaterThan(0)
      expect(emails.filter((e) => e.startsWith('writer-'))).toEqual([])
    } finally {
      await after.close()
    }
  }, 300_000) // five processes of PGlite and Prisma's WASM engine on a shared 2-core machine

  it('takes over a lock whose process is dead, and refuses one whose process lives', async () => {
    const exited = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' })
    const holder = (pid: number) => JSON.stringify({ pid, host: hostname(), purpose: 'npm run db:seed', since: new Date().toISOString() })
    writeFileSync(`${dir}.lock`, holder(Number(exited.stdout)))
    const db = await openPGlite(dir)
    await expect(openPGlite(dir)).rejects.toThrow(new RegExp(`in use by process ${process.pid} on `))
    await db.close()

    writeFileSync(`${dir}.lock`, holder(process.ppid)) // a live process
    await expect(openPGlite(dir)).rejects.toThrow(new RegExp(`in use by process ${process.ppid} on ${hostname()} \\(npm run db:seed, since `))
    rmSync(`${dir}.lock`)
  })

  it('test commands refuse when the test database is the development database', async () => {
    const folder = await run('scripts/db.ts', ['test:reset'], { PGLITE_DIR: join(PACKAGE_ROOT, '.pglite-test'), TEST_DATABASE_URL: '' })
    expect(folder.exitCode).toBe(1)
    expect(folder.stderr.trim()).toMatch(/the test database is the development database \(the embedded database in .*\.pglite-test\); .* set PGLITE_DIR to another folder/)
    for (const command of ['test:reset', 'seed:test', 'migrate:test']) {
      const refused = await run('scripts/db.ts', [command], { DATABASE_URL: 'postgresql://postgres@localhost:5432/pika_dev', TEST_DATABASE_URL: 'postgresql://postgres@127.0.0.1/pika_dev' })
      expect(refused.exitCode).toBe(1)
      expect(refused.stderr.trim()).toMatch(/the test database is the development database \(database postgres@127\.0\.0\.1:5432\/pika_dev\)/)
    }
  })
})

describe('opening a folder of another PostgreSQL version', () => {
  it('says so, instead of calling the folder damaged', async () => {
    const dir = join(scratch, 'older')
    mkdirSync(dir)
    spawnSync('tar', ['-xf', await ensurePGliteSnapshot(), '-C', dir])
    writeFileSync(join(dir, 'PG_VERSION'), '15\n')
    await expect(openPGlite(dir)).rejects.toThrow(/was written by PostgreSQL 15, but this PGlite runs PostgreSQL \d+; open it with the PGlite version that wrote it/)
  })
})
