import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * Writes `<timestamp>_<name>_<kind>/migration.sql` (a header comment, then one statement a line)
 * when there are statements, and `down.sql` when given; returns the folder name. Prisma applies folders in name order, so the
 * timestamp places it before or after the migration Prisma writes.
 */
export function writeMigration(migrationsDir: string, folderName: string, header: string, statements: readonly string[], now: Date, down?: { header: string; statements: readonly string[] }): string | undefined {
  if (statements.length === 0) return undefined
  const stamp = now.toISOString().replace(/\D/g, '').slice(0, 14)
  const folder = `${stamp}_${folderName}`
  mkdirSync(join(migrationsDir, folder), { recursive: true })
  writeFileSync(join(migrationsDir, folder, 'migration.sql'), `-- ${header}\n${statements.join('\n')}\n`)
  if (down) writeFileSync(join(migrationsDir, folder, 'down.sql'), `-- ${down.header}\n${down.statements.join('\n')}\n`)
  return folder
}
