import { handlebarsTemplate } from '../../cache/compiled-cache.ts'
import { allDomains, generatedNotice, type Emitter } from '../emitter.ts'
import { buildPrismaView } from './prisma-view.ts'

/** The schema's path under the output root; prisma.config.ts points here. */
export const PRISMA_SCHEMA_PATH = 'prisma/schema.prisma'

const template = handlebarsTemplate('generators/emit/prisma/schema.prisma.hbs')

/**
 * One schema file rather than Prisma's multi-file folder: `prisma format`, `validate` and
 * `migrate diff --to-schema-datamodel` all take it as it is, and a reviewer sees relations between
 * domains in one place. Each model still says which model file it comes from in the catalog.
 */
export const prismaEmitter: Emitter = {
  name: 'prisma',
  owns: [PRISMA_SCHEMA_PATH],
  emit: (ir) => [{ path: PRISMA_SCHEMA_PATH, content: template(buildPrismaView(ir, generatedNotice(ir, allDomains(ir)))) }],
}
