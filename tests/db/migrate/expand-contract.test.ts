// Expand → data step → contract on tables that hold rows. First the hand-written sequence of
// docs/migrations.md; then the one db:migrate offers for Prisma's own SQL: two fields moved into a new
// 1:1 model, a required field added, an enum value in use removed and a unique key rows violate, as
// three migrations with the rows each step touches, the contract held back until the data step is written.
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { diff, writeExpandContract } from '../../../src/db/migrate/create.ts'
import { countRisks, dataLossRisks } from '../../../src/db/migrate/data-loss.ts'
import { DataStepToWriteError, deployOnSession } from '../../../src/db/migrate/deploy.ts'
import { planExpandContract } from '../../../src/db/migrate/expand-contract.ts'
import { readHistory } from '../../../src/db/migrate/history-table.ts'
import { readLocalMigrations } from '../../../src/db/migrate/migration-files.ts'
import { rollbackLatest } from '../../../src/db/migrate/rollback.ts'
import type { SqlSession } from '../../../src/db/migrate/session.ts'
import { migrationStatus } from '../../../src/db/migrate/status.ts'
import { sqlOnlyConfig } from '../../../src/db/prisma-cli.ts'
import { describeSchema } from '../../helpers/schema-catalog.ts'
import { engines, migrationsFolder } from './sessions.ts'

const BASE = `CREATE TABLE "users" ("id" SERIAL PRIMARY KEY, "name" TEXT NOT NULL, "phone" TEXT, "city" VARCHAR(100));`
// Step 1, expand: the new model as db:migrate --create-only writes it, plus the data step appended by hand.
const EXPAND = `CREATE TABLE "user_contact" (
    "id" SERIAL PRIMARY KEY,
    "userId" INTEGER NOT NULL,
    "phone" TEXT,
    "city" VARCHAR(100),
    CONSTRAINT "user_contact_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE
);
CREATE UNIQUE INDEX "user_contact_userId_key" ON "user_contact"("userId");
-- Data step: copy the values; the old columns stay until this has been checked in production.
INSERT INTO "user_contact" ("userId", "phone", "city") SELECT "id", "phone", "city" FROM "users";`
// Step 2, contract: db:migrate -- --accept-data-loss=users.phone,users.city
const CONTRACT = `ALTER TABLE "users" DROP COLUMN "phone",
DROP COLUMN "city";`

const folders: string[] = []
afterAll(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })))

// 500 users; some phones and cities NULL, text with quotes and semicolons.
const POPULATE_USERS = `INSERT INTO "users" ("name", "phone", "city")
  SELECT 'user ' || n, CASE WHEN n % 7 = 0 THEN NULL ELSE '+44 ' || n END, CASE WHEN n % 5 = 0 THEN NULL ELSE 'O''Brien St; no. ' || n END
  FROM generate_series(1, 500) AS n`

describe.each(engines())('moving two fields into a new 1:1 model by hand on $name', (engine) => {
  it('keeps every value, NULLs and text with quotes and semicolons included', async () => {
    const dir = migrationsFolder({ '1_base': BASE, '2_expand_contact': EXPAND, '3_contract_contact': CONTRACT })
    folders.push(dir)
    const [base, expand, contract] = readLocalMigrations(dir)
    expect(dataLossRisks(expand!.sql)).toEqual([]) // the expand step loses nothing
    expect(dataLossRisks(contract!.sql).map((r) => r.target)).toEqual(['users.phone', 'users.city'])
    const s = await engine.open()
    try {
      await deployOnSession(s, 'db', undefined, [base!])
      await s.exec(POPULATE_USERS)
      const before = await s.query(`SELECT "id", "phone", "city" FROM "users" ORDER BY "id"`)
      await deployOnSession(s, 'db', undefined, [base!, expand!, contract!])
      const after = await s.query(`SELECT u."id", c."phone", c."city" FROM "users" u JOIN "user_contact" c ON c."userId" = u."id" ORDER BY u."id"`)
      expect(after).toHaveLength(500)
      expect(after).toEqual(before)
    } finally {
      await s.close()
    }
  })
})

// The models before and after, as Prisma schemas: phone and city move to Contact (1:1), nickname is new
// and required, GUEST leaves Role, email becomes unique.
const schema = (models: string) => `datasource db {\n  provider = "postgresql"\n  url = env("DATABASE_URL")\n}\n${models}`
const BEFORE = schema(`enum Role {
  MEMBER
  COACH
  GUEST
}
model User {
  id    Int     @id @default(autoincrement())
  name  String
  phone String?
  city  String? @db.VarChar(100)
  role  Role    @default(MEMBER)
  email String
  @@map("users")
}`)
const AFTER = schema(`enum Role {
  MEMBER
  COACH
}
model User {
  id       Int      @id @default(autoincrement())
  name     String
  nickname String
  role     Role     @default(MEMBER)
  email    String   @unique
  contact  Contact?
  @@map("users")
}
model Contact {
  id     Int     @id @default(autoincrement())
  user   User    @relation(fields: [userId], references: [id], onDelete: Cascade)
  userId Int     @unique
  phone  String?
  city   String? @db.VarChar(100)
  @@map("user_contact")
}`)

let scripts: Promise<{ base: string; fresh: string; up: string; down: string }> | undefined
/** Prisma's SQL: each schema from empty, and the change both ways (what db:migrate's diffs give). */
function prismaScripts() {
  return (scripts ??= (async () => {
    const dir = migrationsFolder({})
    folders.push(dir)
    const [before, after] = [join(dir, 'before.prisma'), join(dir, 'after.prisma')]
    writeFileSync(before, BEFORE)
    writeFileSync(after, AFTER)
    const config = sqlOnlyConfig()
    const [base, fresh, up, down] = await Promise.all([
      diff(config, ['--from-empty'], ['--to-schema-datamodel', before]),
      diff(config, ['--from-empty'], ['--to-schema-datamodel', after]),
      diff(config, ['--from-schema-datamodel', before], ['--to-schema-datamodel', after]),
      diff(config, ['--from-schema-datamodel', after], ['--to-schema-datamodel', before]),
    ])
    return { base, fresh, up, down }
  })())
}

// 500 users: phone/city as above; every 10th a GUEST; users 1-20 share 10 emails (pairs).
const POPULATE = `INSERT INTO "users" ("name", "phone", "city", "role", "email")
  SELECT 'user ' || n, CASE WHEN n % 7 = 0 THEN NULL ELSE '+44 ' || n END, CASE WHEN n % 5 = 0 THEN NULL ELSE 'O''Brien St; no. ' || n END,
    (CASE WHEN n % 10 = 0 THEN 'GUEST' WHEN n % 3 = 0 THEN 'COACH' ELSE 'MEMBER' END)::"Role",
    CASE WHEN n <= 20 THEN 'shared' || ((n + 1) / 2) || '@example.com' ELSE 'user' || n || '@example.com' END
  FROM generate_series(1, 500) AS n`

// What the author writes into the data step's placeholders.
const DATA_STEP = `-- Data step, written.
INSERT INTO "user_contact" ("userId", "phone", "city") SELECT "id", "phone", "city" FROM "users";
UPDATE "users" SET "nickname" = 'nick ' || "id" WHERE "nickname" IS NULL;
UPDATE "users" SET "role" = 'MEMBER' WHERE "role"::text NOT IN ('MEMBER', 'COACH');
UPDATE "users" a SET "email" = 'user' || a."id" || '@example.com' FROM "users" b WHERE a."email" = b."email" AND a."id" > b."id";
`
const catalog = (s: SqlSession) => describeSchema({ query: async (q: string) => ({ rows: await s.query(q) }) } as never)

describe('the expand → data → contract sequence db:migrate offers', () => {
  it('splits the risky steps off Prisma\'s migration, one data task each, and the expand step loses nothing', { timeout: 300_000 }, async () => {
    const { up, down } = await prismaScripts()
    const plan = planExpandContract(up, down)!
    expect(plan.tasks.map((t) => t.targets)).toEqual([['Role'], ['users.nickname'], ['users'], ['users.city', 'users.phone']])
    expect(dataLossRisks(plan.expand.up)).toEqual([])
    expect(plan.expand.up).toMatch(/ADD COLUMN\s+"nickname" TEXT[,;]/)
    expect(plan.contract.up).toContain('ALTER TABLE "users" ALTER COLUMN "nickname" SET NOT NULL;')
    expect(plan.contract.up).toMatch(/DROP COLUMN "city";[\s\S]*DROP COLUMN "phone";/)
    expect(plan.tasks[3]!.example).toEqual(['-- INSERT INTO "user_contact" ("userId", "city", "phone") SELECT "id", "city", "phone" FROM "users";'])
    // A change with nothing to stage gets no sequence.
    expect(planExpandContract('ALTER TABLE "users" ADD COLUMN "note" TEXT;', 'ALTER TABLE "users" DROP COLUMN "note";')).toBeUndefined()
  })

  describe.each(engines())('on $name', (engine) => {
    it('counts the rows, waits for the data step, then keeps every value and ends in the new schema; down and up again', { timeout: 300_000 }, async () => {
      const { base, fresh, up, down } = await prismaScripts()
      const plan = planExpandContract(up, down)!
      const dir = migrationsFolder({ '1_base': base })
      folders.push(dir)
      const [s, other] = [await engine.open(), await engine.open()]
      try {
        await deployOnSession(s, 'db', undefined, readLocalMigrations(dir))
        const baseCatalog = await catalog(s)
        await s.exec(POPULATE)
        const contacts = await s.query(`SELECT "id", "phone", "city" FROM "users" ORDER BY "id"`)

        // The rows each task touches: all 500 need a nickname, 50 GUESTs, 20 users in duplicate pairs,
        // 500 - 14 users (every 35th has neither phone nor city) have a value to copy.
        const rows = (await countRisks(s, plan.tasks)).map((c) => c.rows)
        expect(rows).toEqual([50, 500, 20, 486])
        const written = writeExpandContract(plan, rows, 'profile', 'db', new Date('2026-11-30T12:00:00Z'), dir)
        expect(written).toEqual({ expand: '20261130120000_profile_expand', data: '20261130120001_profile_data', contract: '20261130120002_profile_contract' })
        const dataFile = join(dir, written.data, 'migration.sql')
        expect(readFileSync(dataFile, 'utf8')).toContain('-- pika:fill-in backfill users.nickname: give every row a value: 500 row(s) in db now')

        // The expand step applies; the contract waits for the data step.
        const error = await deployOnSession(s, 'db', undefined, readLocalMigrations(dir)).catch((e: unknown) => e)
        expect(error).toBeInstanceOf(DataStepToWriteError)
        expect((error as DataStepToWriteError).applied).toEqual([written.expand])
        expect(await s.query(`SELECT count(*)::int AS n FROM "users" WHERE "nickname" IS NULL`)).toEqual([{ n: 500 }]) // added, nullable
        expect(await s.query(`SELECT count(*)::int AS n FROM "user_contact"`)).toEqual([{ n: 0 }]) // created
        expect(await s.query(`SELECT count("phone")::int AS n FROM "users"`)).toEqual([{ n: 429 }]) // not dropped yet

        const status = migrationStatus(await readHistory(s), readLocalMigrations(dir), 'db')
        expect(status.lines).toContain(`${written.data}: pending; a data step still to write: fill in its "-- pika:fill-in" placeholders, or deploy stops before it`)
        expect(status.lines.at(-1)).toBe('db: 2 of 4 migration(s) applied, 2 pending; write the data step first (see above), then npm run db:migrate:deploy')

        writeFileSync(dataFile, DATA_STEP)
        expect((await deployOnSession(s, 'db', undefined, readLocalMigrations(dir))).applied).toEqual([written.data, written.contract])
        expect(await s.query(`SELECT u."id", c."phone", c."city" FROM "users" u JOIN "user_contact" c ON c."userId" = u."id" ORDER BY u."id"`)).toEqual(contacts)
        expect(await s.query(`SELECT count(*)::int AS n FROM "users" WHERE "nickname" = 'nick ' || "id"`)).toEqual([{ n: 500 }])
        // The database now refuses what the new models forbid.
        await expect(s.exec(`INSERT INTO "users" ("name", "email") VALUES ('x', 'x@example.com')`)).rejects.toThrow(/null value in column "nickname"/)
        await expect(s.exec(`INSERT INTO "users" ("name", "nickname", "email") VALUES ('x', 'x', 'user30@example.com')`)).rejects.toThrow(/duplicate key/)
        await expect(s.exec(`INSERT INTO "users" ("name", "nickname", "email", "role") VALUES ('x', 'x', 'new@example.com', 'GUEST')`)).rejects.toThrow(/invalid input value for enum/)
        await deployOnSession(other, 'db', undefined, readLocalMigrations(migrationsFolderOf(fresh)))
        const newCatalog = await catalog(other)
        expect(await catalog(s)).toEqual(newCatalog)

        // Down, one migration at a time (the data step's down.sql only documents), to the old schema; then up again.
        await rollbackLatest(s, new Set(), 'db', readLocalMigrations(dir))
        await rollbackLatest(s, new Set(), 'db', readLocalMigrations(dir))
        await expect(rollbackLatest(s, new Set(), 'db', readLocalMigrations(dir))).rejects.toThrow(/drops table user_contact and every row in it \(500 row\(s\)\).*--accept-data-loss=users\.nickname,user_contact/)
        await rollbackLatest(s, new Set(['user_contact', 'users.nickname']), 'db', readLocalMigrations(dir))
        expect(await catalog(s)).toEqual(baseCatalog)
        await s.exec(`DELETE FROM "users"`)
        await deployOnSession(s, 'db', undefined, readLocalMigrations(dir))
        expect(await catalog(s)).toEqual(newCatalog)
      } finally {
        await Promise.all([s.close(), other.close()])
      }
    })
  })
})

function migrationsFolderOf(sql: string): string {
  const dir = migrationsFolder({ '1_fresh': sql })
  folders.push(dir)
  return dir
}
