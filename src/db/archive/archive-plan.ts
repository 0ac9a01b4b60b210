// What db:archive moves, read from the models' `archive:` policies, and where it moves it to.
import type { Ir, IrStoredField } from '../../../generators/ir/types.ts'

export interface ArchiveTable {
  readonly model: string
  /** Source table, and its archive: a table of the same name and columns in the archive schema. */
  readonly table: string
  readonly archiveSchema: string
  readonly column: string
  readonly afterDays: number
  /** Primary-key columns: a batch is chosen, deleted and inserted by key. */
  readonly key: readonly string[]
}

/**
 * The archive schema beside the tables' schema: `archive` for the default `public`, else
 * `<schema>_archive`. A schema of its own keeps archive tables out of Prisma's view, so
 * `migrate dev` never sees them as drift and the client never queries them by mistake.
 */
export const archiveSchemaFor = (schema: string | undefined) => (schema && schema !== 'public' ? `${schema}_archive` : 'archive')

export function planArchive(ir: Ir, schema: string | undefined): ArchiveTable[] {
  return ir.models.flatMap((model) => {
    if (!model.archive) return []
    const stored = model.fields.filter((f): f is IrStoredField => f.kind === 'stored')
    const key = model.primaryKey.fields.map((name) => stored.find((f) => f.name === name)!.column)
    return [{ model: model.name, table: model.table, archiveSchema: archiveSchemaFor(schema), column: model.archive.column, afterDays: model.archive.afterDays, key }]
  })
}
