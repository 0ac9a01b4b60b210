// db:migrate's diffs on the embedded database take the migrated snapshot (the one createTestDatabase()
// copies) as their shadow database instead of replaying prisma/migrations into an empty one. What
// they compute must be exactly what Prisma's own replay gives, or a migration would come out wrong.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { readDatabaseConfig } from '../../../src/db/config.ts'
import { diffDown, diffUp, migrationsSource } from '../../../src/db/migrate/create.ts'
import { SCHEMA_FILE } from '../../../src/db/schema-sql.ts'

const scratch = mkdtempSync(join(tmpdir(), 'pika-diff-snapshot-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

describe('db:migrate diffs from the migrated snapshot', () => {
  it('give the same migration and down.sql for a one-field change as replaying the migrations', async () => {
    const schema = readFileSync(SCHEMA_FILE, 'utf8')
    const edited = schema.replace(/^model Gym \{\n/m, (line) => `${line}  nickname String?\n`)
    expect(edited).not.toBe(schema)
    const file = join(scratch, 'schema.prisma')
    writeFileSync(file, edited)
    const config = readDatabaseConfig({ PGLITE_DIR: join(scratch, 'never-opened') })

    const snapshot = await migrationsSource(config)
    expect(snapshot.env).toBeDefined() // the embedded database does diff from the snapshot
    const [up, down] = await Promise.all([diffUp(config, snapshot, file), diffDown(config, snapshot, file)])
    const replay = { dir: 'prisma/migrations' }
    const [upReplayed, downReplayed] = await Promise.all([diffUp(config, replay, file), diffDown(config, replay, file)])

    expect(up).toMatch(/ALTER TABLE "gyms" ADD COLUMN\s+"nickname" TEXT;/)
    expect(down).toMatch(/ALTER TABLE "gyms" DROP COLUMN "nickname";/)
    expect(up).toBe(upReplayed)
    expect(down).toBe(downReplayed)
  })
})
