// The documented expand → copy → contract sequence (docs/migrations.md, "Data steps") on a table that
// holds rows: two fields move from users into a new 1:1 model and every value arrives.
import { rmSync } from 'node:fs'
import { afterAll, describe, expect, it } from 'vitest'
import { dataLossRisks } from '../../../src/db/migrate/data-loss.ts'
import { deployOnSession } from '../../../src/db/migrate/deploy.ts'
import { readLocalMigrations } from '../../../src/db/migrate/migration-files.ts'
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

describe.each(engines())('moving two fields into a new 1:1 model on $name', (engine) => {
  it('keeps every value, NULLs and text with quotes and semicolons included', async () => {
    const dir = migrationsFolder({ '1_base': BASE, '2_expand_contact': EXPAND, '3_contract_contact': CONTRACT })
    folders.push(dir)
    const [base, expand, contract] = readLocalMigrations(dir)
    expect(dataLossRisks(expand!.sql)).toEqual([]) // the expand step loses nothing
    expect(dataLossRisks(contract!.sql).map((r) => r.target)).toEqual(['users.phone', 'users.city'])
    const s = await engine.open()
    try {
      await deployOnSession(s, 'db', undefined, [base!])
      await s.exec(`INSERT INTO "users" ("name", "phone", "city")
        SELECT 'user ' || n, CASE WHEN n % 7 = 0 THEN NULL ELSE '+44 ' || n END, CASE WHEN n % 5 = 0 THEN NULL ELSE 'O''Brien St; no. ' || n END
        FROM generate_series(1, 500) AS n`)
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
