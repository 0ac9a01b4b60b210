import { allDomains, generatedNotice, type Emitter } from '../emitter.ts'
import { managedSchema } from './managed-objects.ts'

/** The file's path under the output root, beside the Prisma schema whose tables it completes. */
export const MANAGED_SQL_PATH = 'prisma/managed.sql'

/**
 * What the Prisma schema cannot say (CHECK constraints, partial and expression indexes, COMMENT ON), as SQL to run after the
 * schema's own: test databases apply it after `migrate diff --from-empty`, and `db:migrate`
 * turns the difference between it and the migrated database into a migration.
 */
export const managedSqlEmitter: Emitter = {
  name: 'managed-sql',
  owns: [MANAGED_SQL_PATH],
  emit(ir) {
    const { objects, apiOnly } = managedSchema(ir)
    const header = [
      `-- ${generatedNotice(ir, allDomains(ir))}`,
      '-- Managed objects: field rules as CHECK constraints, partial and expression indexes, descriptions as comments.',
      ...apiOnly.map((r) => `-- API only: ${r.model}.${r.field} ${r.rule}: ${r.reason}`),
    ]
    return [{ path: MANAGED_SQL_PATH, content: `${[...header, '', ...objects.map((o) => o.create)].join('\n')}\n` }]
  },
}
