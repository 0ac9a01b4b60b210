import type { Emitter } from './emitter.ts'
import { prismaEmitter } from './prisma/emit-prisma.ts'
import { fixturesEmitter } from './fixtures/emit-fixtures.ts'
import { openApiEmitter } from './openapi/emit-openapi.ts'
import { zodEmitter } from './zod/emit-zod.ts'
import { docsEmitter } from './docs/emit-docs.ts'
import { diagnosticsDocEmitter } from './docs/emit-diagnostics-doc.ts'
import { languageDocEmitter } from './docs/emit-language-doc.ts'
import { modelSchemaEmitter } from './schema/emit-model-schema.ts'
import { managedSqlEmitter } from './sql/emit-managed-sql.ts'

/** Every output target, in the order they run. A new target is one emitter folder and one line here. */
export const emitters: readonly Emitter[] = [prismaEmitter, managedSqlEmitter, zodEmitter, openApiEmitter, fixturesEmitter, docsEmitter, diagnosticsDocEmitter, languageDocEmitter, modelSchemaEmitter]
