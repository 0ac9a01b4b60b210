// Reading migration SQL as PostgreSQL does: statement starts (for failure lines and no-transaction
// runs) and the steps that lose data (for the db:migrate refusal and rollback's consent).
import { describe, expect, it } from 'vitest'
import { blankTransactionControl } from '../../../src/db/migrate/apply.ts'
import { acceptedTargets, acceptFlag, unaccepted } from '../../../src/db/migrate/create.ts'
import { dataLossRisks } from '../../../src/db/migrate/data-loss.ts'
import { splitSqlStatements } from '../../../src/db/migrate/sql-statements.ts'

describe('splitSqlStatements', () => {
  it('ends statements only at top-level semicolons, and gives each its first line', () => {
    const sql = [
      "-- header; not a statement",
      "CREATE TABLE a (t TEXT DEFAULT 'x; y', u TEXT DEFAULT E'it\\'s; z');",
      '/* outer /* nested; */ still comment; */ CREATE TABLE "b;c" (id INT);',
      'CREATE FUNCTION f() RETURNS INT LANGUAGE sql AS $body$ SELECT 1; $body$;',
      'DO $$ BEGIN PERFORM 1; END $$',
    ].join('\n')
    expect(splitSqlStatements(sql).map((s) => [s.line, s.sql.slice(0, 14)])).toEqual([
      [2, 'CREATE TABLE a'],
      [3, 'CREATE TABLE "'],
      [4, 'CREATE FUNCTIO'],
      [5, 'DO $$ BEGIN PE'],
    ])
  })

  it('blanks a script\'s own BEGIN/COMMIT without moving any line', () => {
    const sql = 'BEGIN;\nCREATE TYPE "E_new" AS ENUM (\'A\');\nCOMMIT;\n'
    const blanked = blankTransactionControl(sql)
    expect(blanked.split('\n').map((l) => l.trim())).toEqual([';', 'CREATE TYPE "E_new" AS ENUM (\'A\');', ';', ''])
  })
})

describe('dataLossRisks', () => {
  it('names every step that drops data or fails on existing rows, with its target', () => {
    const sql = `DROP TABLE "old_things";
ALTER TABLE "public"."users" DROP COLUMN "legacy",
ADD COLUMN "nickname" TEXT NOT NULL,
ADD COLUMN "note" TEXT NOT NULL DEFAULT '',
ALTER COLUMN "age" SET NOT NULL,
ALTER COLUMN "name" SET DATA TYPE VARCHAR(10);
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");
CREATE TYPE "Level_new" AS ENUM ('LOW');
CREATE INDEX "users_name_idx" ON "users"("name");`
    expect(dataLossRisks(sql).map((r) => r.target)).toEqual(['old_things', 'users.legacy', 'users.nickname', 'users.age', 'users.name', 'users', 'Level'])
  })

  it('accepts exactly what --accept-data-loss names', () => {
    const risks = dataLossRisks('ALTER TABLE "users" DROP COLUMN "a", DROP COLUMN "b";')
    expect(acceptFlag(risks)).toBe('--accept-data-loss=users.a,users.b')
    expect(unaccepted(risks, acceptedTargets(['--accept-data-loss=users.a'])).map((r) => r.target)).toEqual(['users.b'])
    expect(unaccepted(risks, acceptedTargets(['--accept-data-loss', 'users.a,users.b']))).toEqual([])
  })
})
