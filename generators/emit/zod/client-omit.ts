import { isStoredField, type Ir, type IrStoredField } from '../../ir/types.ts'
import { tsString } from './zod-expression.ts'

export const CLIENT_OMIT_MODULE = 'client-omit'

/**
 * The body of generated/zod/client-omit.ts: every `private` field (password and token hashes) per
 * Prisma client model, for the configured client's global `omit`. No API schema has these fields,
 * so the client leaving them out of every result is what the read schemas already describe.
 */
export function clientOmitModuleBody(ir: Ir): string {
  const entries = ir.models.flatMap((model) => {
    const fields = model.fields.filter((f): f is IrStoredField => isStoredField(f) && f.private)
    if (fields.length === 0) return []
    const delegate = model.name.charAt(0).toLowerCase() + model.name.slice(1)
    return [`  ${delegate}: { ${fields.map((f) => `${tsString(f.name)}: true`).join(', ')} },`]
  })
  return `/** Fields no query returns unless it asks for them (\`omit: { field: false }\`): the models' \`private\` fields. */
export const clientOmit = {
${entries.join('\n')}
} as const;
`
}
