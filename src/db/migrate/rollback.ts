// `db:migrate:rollback`: applies the latest applied migration's down.sql and forgets the migration,
// in one transaction; a down script that drops data needs --accept-data-loss naming what it drops.
import { DatabaseSetupError } from '../errors.ts'
import { migrationFile, runScriptAtomically, runScriptOutsideTransaction, withMigrateLock } from './apply.ts'
import { acceptFlag, unaccepted } from './create.ts'
import { countRisks, dataLossRisks } from './data-loss.ts'
import { appliedRow, deleteRow, readHistory } from './history-table.ts'
import { readLocalMigrations, runsOutsideTransaction } from './migration-files.ts'
import type { SqlSession } from './session.ts'

/** Rolls back the latest applied migration; returns the sentence saying what happened. */
export async function rollbackLatest(s: SqlSession, accepted: ReadonlySet<string>, where: string, local = readLocalMigrations()): Promise<string> {
  return withMigrateLock(s, async () => {
    const rows = await readHistory(s)
    const latest = local.findLast((m) => appliedRow(rows, m.name))
    if (!latest) throw new DatabaseSetupError(`${where} has no applied migration to roll back`)
    if (latest.downSql === undefined) {
      throw new DatabaseSetupError(`${latest.name} has no down.sql; write ${migrationFile(latest.name, 'down.sql')} (the reverse of its migration.sql), review it, and run this again`)
    }
    const risks = unaccepted(dataLossRisks(latest.downSql), accepted)
    if (risks.length > 0) {
      const counted = await countRisks(s, risks)
      const list = counted.map(({ risk, rows: n }) => `${risk.what}${n === undefined ? '' : ` (${n} row(s))`}`).join('; ')
      throw new DatabaseSetupError(`rolling back ${latest.name} loses data: ${list}. Nothing was changed; to accept it, pass ${acceptFlag(risks)}`)
    }
    const row = appliedRow(rows, latest.name)!
    // A managed index migration's down.sql is one CONCURRENTLY statement, which no transaction may hold.
    const run = runsOutsideTransaction(latest.downSql) ? runScriptOutsideTransaction : runScriptAtomically
    await run(s, latest.downSql, migrationFile(latest.name, 'down.sql'), () => deleteRow(s, row.id))
    return `rolled back ${latest.name} on ${where} (down.sql applied and its history row removed); npm run db:migrate:deploy applies it again`
  })
}
