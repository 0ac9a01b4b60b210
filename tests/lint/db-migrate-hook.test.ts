import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { printLintOfNewMigrations } from '../../generators/lint/migration-files.ts'

function migrations(folders: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'pika-lint-hook-'))
  for (const [name, sql] of Object.entries(folders)) {
    mkdirSync(join(dir, name))
    writeFileSync(join(dir, name, 'migration.sql'), sql)
  }
  return dir
}

async function printed(run: () => Promise<void>): Promise<string> {
  let text = ''
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((text += String(chunk)), true))
  await run()
  spy.mockRestore()
  return text
}

afterEach(() => vi.restoreAllMocks())

describe('db:migrate prints the lint of the migrations it created', () => {
  const init = 'CREATE TABLE "gyms" ("id" TEXT NOT NULL, "name" TEXT NOT NULL);'

  it('names the file and line, the statement, the lock, the safe way and how to acknowledge', async () => {
    const dir = migrations({ '1_init': init, '2_gym_name': '-- CreateIndex\nCREATE INDEX "gyms_name_idx" ON "gyms"("name");\n' })
    const text = await printed(() => printLintOfNewMigrations(dir, ['1_init'], ['1_init', '2_gym_name']))
    expect(text).toContain('migration lint: 1 of 1 finding(s) unacknowledged')
    expect(text).toContain('prisma/migrations/2_gym_name/migration.sql:2 [index-without-concurrently] builds index `gyms_name_idx` on `gyms`')
    expect(text).toMatch(/statement: CREATE INDEX "gyms_name_idx" ON "gyms"\("name"\)\n\s+lock:\s+SHARE[^\n]*\n\s+safe way:\s+`CREATE INDEX CONCURRENTLY`/)
    expect(text).toContain('lint-acknowledged.yaml')
  })

  it('says so when the new migration is harmless, and prints nothing when none was created', async () => {
    const dir = migrations({ '1_init': init, '2_rooms': 'CREATE TABLE "rooms" ("id" TEXT NOT NULL);' })
    expect(await printed(() => printLintOfNewMigrations(dir, ['1_init'], ['1_init', '2_rooms']))).toBe('migration lint: no lock or rewrite found in 2_rooms\n')
    expect(await printed(() => printLintOfNewMigrations(dir, ['1_init', '2_rooms'], ['1_init', '2_rooms']))).toBe('')
  })
})
