import { handlebarsTemplate } from '../../cache/compiled-cache.ts'
import { allDomains, generatedNotice, type Emitter } from '../emitter.ts'
import { buildDocsView } from './docs-view.ts'

/** The catalog's path under the output root. */
export const MODEL_CATALOG_PATH = 'docs/models.md'

const template = handlebarsTemplate('generators/emit/docs/models.md.hbs')

/** The model catalog: one Markdown file, per domain a Mermaid ER diagram and the tables of each model. */
export const docsEmitter: Emitter = {
  name: 'docs',
  owns: [MODEL_CATALOG_PATH],
  emit: (ir) => [{ path: MODEL_CATALOG_PATH, content: template(buildDocsView(ir, generatedNotice(ir, allDomains(ir)))) }],
}
