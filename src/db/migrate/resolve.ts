// `db:migrate:resolve -- --applied|--rolled-back <name>`: this package's own `prisma migrate resolve`
// (which needs the native engine), with the same meaning for `_prisma_migrations`.
import { DatabaseSetupError } from '../errors.ts'
import { appliedRow, ensureHistoryTable, markRolledBack, readHistory, recordApplied, unresolvedFailure, updateChecksum } from './history-table.ts'
import { readLocalMigrations } from './migration-files.ts'
import type { SqlSession } from './session.ts'

export type Resolution = 'applied' | 'rolled-back'

/** Reads `--applied <name>` / `--rolled-back <name>` (or `--applied=<name>`). */
export function parseResolveArgs(args: readonly string[]): { resolution: Resolution; name: string } {
  for (const [i, arg] of args.entries()) {
    const [flag, inline] = arg.split('=', 2)
    if (flag !== '--applied' && flag !== '--rolled-back') continue
    const name = inline ?? args[i + 1]
    if (name && !name.startsWith('-')) return { resolution: flag.slice(2) as Resolution, name }
  }
  throw new DatabaseSetupError('say what to record: npm run db:migrate:resolve -- --applied <migration> or -- --rolled-back <migration>')
}

/** Records the resolution; returns the sentence saying what was recorded. */
export async function resolveMigration(s: SqlSession, resolution: Resolution, name: string, local = readLocalMigrations()): Promise<string> {
  const migration = local.find((m) => m.name === name)
  if (!migration) throw new DatabaseSetupError(`there is no migration ${name} in prisma/migrations; give its folder name (npm run db:migrate:status lists them)`)
  await ensureHistoryTable(s)
  const rows = await readHistory(s)
  const failure = unresolvedFailure(rows, name)
  const applied = appliedRow(rows, name)
  if (resolution === 'rolled-back') {
    if (!failure) throw new DatabaseSetupError(`${name} has no failed attempt to mark rolled back${applied ? ' (it is applied)' : ''}; nothing was changed`)
    await markRolledBack(s, failure.id)
    return `recorded ${name} as rolled back: the next npm run db:migrate:deploy (or db:migrate) applies it again`
  }
  if (failure) {
    await markRolledBack(s, failure.id)
    await recordApplied(s, migration)
    return `recorded ${name} as applied (its failed attempt is kept as rolled back); the database is taken to hold all of it`
  }
  if (applied) {
    // An edited migration the database already matches: record the file as it is now.
    if (applied.checksum === migration.checksum) throw new DatabaseSetupError(`${name} is already applied and unchanged; nothing was changed`)
    await updateChecksum(s, applied.id, migration.checksum)
    return `recorded the edited ${name} as applied: its checksum now matches migration.sql`
  }
  await recordApplied(s, migration) // baselining: the database already has what it creates
  return `recorded ${name} as applied without running it (the database already holds what it creates)`
}
