import { writeMigrationFolder } from '../src/db/migrate/create.ts'

/**
 * Writes `<timestamp>_<name>_<kind>/migration.sql` (a header comment, then one statement a line)
 * and, when given, its down.sql, when there are statements; returns the folder name. Prisma applies
 * folders in name order, so the timestamp places it before or after the migration Prisma writes.
 */
export function writeMigration(
  migrationsDir: string,
  folderName: string,
  header: string,
  statements: readonly string[],
  now: Date,
  down?: { readonly header: string; readonly statements: readonly string[] },
): string | undefined {
  if (statements.length === 0) return undefined
  const script = (title: string, lines: readonly string[]) => `-- ${title}\n${lines.map((l) => `${l}\n`).join('')}`
  return writeMigrationFolder(migrationsDir, folderName, now, { migration: script(header, statements), ...(down ? { down: script(down.header, down.statements) } : {}) })
}
