// `db:migrate:status`: where the database stands against prisma/migrations, one line per fact,
// each saying what to do about it.
import { appliedRow, type HistoryRow, unresolvedFailure } from './history-table.ts'
import { type LocalMigration, matchesChecksum } from './migration-files.ts'

export interface MigrationStatus {
  /** Lines to print, the summary last. */
  readonly lines: readonly string[]
  /** True when nothing needs doing. */
  readonly upToDate: boolean
}

export function migrationStatus(rows: readonly HistoryRow[], local: readonly LocalMigration[], where: string): MigrationStatus {
  const lines: string[] = []
  const known = new Set(local.map((m) => m.name))
  const missing = [...new Set(rows.filter((r) => r.finished && !r.rolledBack && !known.has(r.name)).map((r) => r.name))]
  if (missing.length > 0) {
    // Nothing else can be judged against a folder that is behind the database.
    const subject = where.charAt(0).toUpperCase() + where.slice(1)
    return {
      upToDate: false,
      lines: [`${subject} has ${missing.length} applied migration(s) missing from prisma/migrations (latest: ${missing.at(-1)}); it was migrated by newer code: update this checkout (git pull) or point at another database`],
    }
  }
  let pending = 0
  for (const m of local) {
    const applied = appliedRow(rows, m.name)
    const failure = unresolvedFailure(rows, m.name)
    if (failure) {
      lines.push(`${m.name}: FAILED and left partly applied (${failure.logs ?? 'no log'}); finish or undo it by hand, then npm run db:migrate:resolve -- --applied|--rolled-back ${m.name}`)
    } else if (applied && !matchesChecksum(m, applied.checksum)) {
      lines.push(`${m.name}: applied, but migration.sql was EDITED since; restore it (git checkout) and make a new migration, or accept it with npm run db:migrate:resolve -- --applied ${m.name}`)
    } else if (!applied) {
      pending++
      const attempt = rows.findLast((r) => r.name === m.name && r.rolledBack && r.logs)
      const toWrite = m.dataStepToWrite ? '; a data step still to write: fill in its "-- pika:fill-in" placeholders, or deploy stops before it' : ''
      lines.push(`${m.name}: pending${toWrite}${attempt ? `; its last attempt failed and was rolled back whole (${attempt.logs})` : ''}`)
    }
  }
  const appliedCount = local.filter((m) => appliedRow(rows, m.name)).length
  const problems = lines.length - pending
  const upToDate = lines.length === 0
  lines.push(
    upToDate
      ? `${where} is up to date: all ${appliedCount} migration(s) in prisma/migrations are applied`
      : `${where}: ${appliedCount} of ${local.length} migration(s) applied, ${pending} pending${problems ? `, ${problems} needing attention (see above)` : ''}` +
          (pending && !problems ? (local.some((m) => m.dataStepToWrite && !appliedRow(rows, m.name)) ? '; write the data step first (see above), then npm run db:migrate:deploy' : '; apply them with npm run db:migrate:deploy') : ''),
  )
  return { lines, upToDate }
}
