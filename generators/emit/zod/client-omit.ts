import { isStoredField, type Ir, type IrStoredField } from '../../ir/types.ts'
import { tsString } from './zod-expression.ts'

export const CLIENT_OMIT_MODULE = 'client-omit'

/**
 * The body of generated/zod/client-omit.ts: every `private` field (password and token hashes) per
 * Prisma client model, for the configured client's global `omit`. No API schema has these fields,
 * so the client leaving them out of every result is what the read schemas already describe. Also
 * the soft-deleted models, for the configured client's soft-delete extension.
 */
const delegateName = (model: string) => model.charAt(0).toLowerCase() + model.slice(1)

export function clientOmitModuleBody(ir: Ir): string {
  const entries = ir.models.flatMap((model) => {
    const fields = model.fields.filter((f): f is IrStoredField => isStoredField(f) && f.private)
    if (fields.length === 0) return []
    return [`  ${delegateName(model.name)}: { ${fields.map((f) => `${tsString(f.name)}: true`).join(', ')} },`]
  })
  const softDeletes = ir.models.flatMap((model) => (model.softDelete ? [`  ${delegateName(model.name)}: ${tsString(model.softDelete.field)},`] : []))
  return `/** Fields no query returns unless it asks for them (\`omit: { field: false }\`): the models' \`private\` fields. */
export const clientOmit = {
${entries.join('\n')}
} as const;

/** Models with \`softDelete: true\`, per Prisma client model: the field that marks a row deleted (src/db/soft-delete.ts). */
export const softDeleteFields = {
${softDeletes.join('\n')}
} as const;
`
}
