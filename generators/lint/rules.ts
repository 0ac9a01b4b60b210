// The downtime rules: what each statement class locks on PostgreSQL 15 and the safe way to do it.
// docs/migration-lint.md compares them with squawk's rules.

export type LintRuleId =
  | 'index-without-concurrently'
  | 'drop-index-without-concurrently'
  | 'concurrently-in-transaction'
  | 'add-required-column'
  | 'add-column-rewrite'
  | 'set-not-null'
  | 'column-type-rewrite'
  | 'enum-value-removed'
  | 'foreign-key-validating'
  | 'check-validating'
  | 'unique-constraint-building-index'
  | 'drop-column-still-read'
  | 'drop-table-still-read'
  | 'rename-still-read'

export interface LintRule {
  /** The lock the statement takes and what it blocks while held. */
  readonly lock: string
  /** How to reach the same schema without it. */
  readonly safe: string
  /** squawk's rules that look for the same thing. */
  readonly squawk: readonly string[]
}

const NOT_NULL_SEQUENCE = 'add the column nullable, backfill it in batches, then `ADD CONSTRAINT … CHECK (col IS NOT NULL) NOT VALID`, `VALIDATE CONSTRAINT` in a later migration, `SET NOT NULL` (PostgreSQL 12+ skips the scan thanks to the valid check) and drop the check'

export const LINT_RULES: Readonly<Record<LintRuleId, LintRule>> = {
  'index-without-concurrently': { lock: 'SHARE: blocks INSERT, UPDATE and DELETE on the table until the index is built', safe: '`CREATE INDEX CONCURRENTLY` (for a unique key `CREATE UNIQUE INDEX CONCURRENTLY`), alone in a migration of its own', squawk: ['require-concurrent-index-creation'] },
  'drop-index-without-concurrently': { lock: 'ACCESS EXCLUSIVE: blocks every read and write of the table, and queues them behind any running query', safe: '`DROP INDEX CONCURRENTLY`, alone in a migration of its own', squawk: ['require-concurrent-index-deletion'] },
  'concurrently-in-transaction': { lock: 'none: PostgreSQL refuses the statement ("cannot run inside a transaction block"), because Prisma sends a migration file as one multi-statement query', safe: 'move the `CONCURRENTLY` statement into a migration that holds nothing else', squawk: ['ban-concurrent-index-creation-in-transaction'] },
  'add-required-column': { lock: 'ACCESS EXCLUSIVE, and the statement fails outright on a table that has rows (they have no value)', safe: `give the column a constant default, or ${NOT_NULL_SEQUENCE}`, squawk: ['adding-required-field', 'adding-not-nullable-field'] },
  'add-column-rewrite': { lock: 'ACCESS EXCLUSIVE while every row is rewritten (a volatile default, serial or identity column is computed per row)', safe: 'add the column without a default, set the default for new rows with `ALTER COLUMN … SET DEFAULT`, backfill old rows in batches, then add NOT NULL the safe way', squawk: ['adding-field-with-default', 'adding-serial-primary-key-field'] },
  'set-not-null': { lock: 'ACCESS EXCLUSIVE while the whole table is scanned for nulls', safe: NOT_NULL_SEQUENCE.replace(/^add the column nullable, /, ''), squawk: ['adding-not-nullable-field'] },
  'column-type-rewrite': { lock: 'ACCESS EXCLUSIVE while the table and its indexes are rewritten', safe: 'add a column of the new type, write both, backfill in batches, switch reads, then drop the old column in a later release', squawk: ['changing-column-type'] },
  'enum-value-removed': { lock: 'ACCESS EXCLUSIVE on every table using the enum while Prisma swaps in a new type and rewrites them; the cast fails if a row still holds a removed value', safe: 'first stop writing the value (API) and move the rows off it in batches, then remove it in a quiet window; or keep the value in the database and drop it only from the API', squawk: ['ban-drop-type', 'changing-column-type'] },
  'foreign-key-validating': { lock: 'SHARE ROW EXCLUSIVE on both tables (writes blocked) while every row is checked', safe: '`ADD CONSTRAINT … FOREIGN KEY … NOT VALID`, then `VALIDATE CONSTRAINT` in a later migration (it takes SHARE UPDATE EXCLUSIVE: reads and writes go on)', squawk: ['adding-foreign-key-constraint', 'constraint-missing-not-valid'] },
  'check-validating': { lock: 'ACCESS EXCLUSIVE while every row is checked', safe: '`ADD CONSTRAINT … CHECK (…) NOT VALID`, then `VALIDATE CONSTRAINT` in a later migration', squawk: ['constraint-missing-not-valid'] },
  'unique-constraint-building-index': { lock: 'ACCESS EXCLUSIVE while the key\'s index is built (a primary key also scans for nulls)', safe: '`CREATE UNIQUE INDEX CONCURRENTLY` in its own migration, then `ADD CONSTRAINT … PRIMARY KEY USING INDEX` / `UNIQUE USING INDEX`', squawk: ['disallowed-unique-constraint', 'adding-serial-primary-key-field'] },
  'drop-column-still-read': { lock: 'ACCESS EXCLUSIVE (brief); the harm is that the deployed service\'s Prisma client still selects the column, so its queries fail from this migration until the new release is out', safe: 'ship a release that no longer reads or writes the field first, then drop the column in a later migration', squawk: ['ban-drop-column'] },
  'drop-table-still-read': { lock: 'ACCESS EXCLUSIVE (brief); the deployed service still queries the table until the new release is out', safe: 'ship a release that no longer uses the model first, then drop the table in a later migration', squawk: ['ban-drop-table'] },
  'rename-still-read': { lock: 'ACCESS EXCLUSIVE (brief); the deployed service still uses the old name until the new release is out', safe: 'expand and contract: add the new name beside the old (a new column written by both releases, or a view), move readers, then remove the old one', squawk: ['renaming-column', 'renaming-table'] },
}
