// `npm start` is the main job of the README: generate, apply the migrations (in a process of its own,
// while generating), seed, and print what is where. Run as npm runs it, on a new embedded folder and
// on a server, and with a database it cannot reach.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import { PACKAGE_ROOT } from '../../src/db/config.ts'

const scratch = mkdtempSync(join(tmpdir(), 'pika-start-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

interface Run { exitCode: number; stdout: string; stderr: string }

function start(env: Record<string, string>): Promise<Run> {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(DATABASE_|PGLITE_|TEST_DATABASE|MIGRATE_)/.test(k)))
  const child = spawn(process.execPath, ['scripts/launch.mjs', 'start'], { cwd: PACKAGE_ROOT, env: { ...base, CI: '1', ...env } })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (c) => (stdout += c))
  child.stderr.on('data', (c) => (stderr += c))
  return new Promise((resolve) => child.on('close', (code) => resolve({ exitCode: code ?? 1, stdout, stderr })))
}

const SUMMARY = /24 models \(24 tables\) and \d+ enums from \d+ model files; (\d+) rows, (\d+) of them seeded just now\./

describe('npm start', () => {
  it('sets up a new embedded database: migrated, seeded, summarised; a second run seeds nothing', async () => {
    const env = { PGLITE_DIR: join(scratch, 'db') }
    const first = await start(env)
    expect(first.stderr).toBe('')
    expect(first.exitCode).toBe(0)
    expect(first.stdout).toMatch(/✓ generate the Prisma (client and apply|schema)/)
    expect(first.stdout).toContain(`Pika database ready: the embedded database in ${env.PGLITE_DIR}`)
    const [, rows, seeded] = SUMMARY.exec(first.stdout)!
    expect(Number(rows)).toBeGreaterThan(100)
    expect(seeded).toBe(rows)
    expect(first.stdout).toMatch(/^ {2}User +users +\d+ rows$/m)

    const second = await start(env)
    expect(second.exitCode).toBe(0)
    expect(SUMMARY.exec(second.stdout)!.slice(1)).toEqual([rows, '0'])
  }, 180_000)

  it.runIf(process.env.TEST_DATABASE_URL)('does the same on a PostgreSQL server', async () => {
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL })
    await admin.connect()
    const name = `pika_start_${process.pid}`
    try {
      await admin.query(`CREATE DATABASE "${name}"`)
      const url = Object.assign(new URL(process.env.TEST_DATABASE_URL!), { pathname: `/${name}` }).href
      const run = await start({ DATABASE_URL: url })
      expect(run.stderr).toBe('')
      expect(run.exitCode).toBe(0)
      const [, rows, seeded] = SUMMARY.exec(run.stdout)!
      expect(seeded).toBe(rows)
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
      await admin.end()
    }
  }, 180_000)

  it('stops with one line when the database cannot be reached, and nothing after it runs', async () => {
    const run = await start({ DATABASE_URL: 'postgresql://nobody@127.0.0.1:1/none' })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).not.toContain('seed the fixtures')
    expect(run.stderr.trim().split('\n')).toHaveLength(1)
    expect(run.stderr).toMatch(/^npm start: .*127\.0\.0\.1:1/)
  }, 120_000)
})
