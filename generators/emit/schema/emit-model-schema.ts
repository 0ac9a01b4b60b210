import { MODEL_SCHEMA, MODEL_SCHEMA_PATH } from '../../language/model-schema.ts'
import type { Emitter } from '../emitter.ts'

/**
 * The language's JSON Schema as a file, for editors (`# yaml-language-server: $schema=…`) and the
 * package's `./model.schema.json`. The same for every model set: it is written from the language
 * (language/model-schema.ts), and `--check` finds it stale when the language changes.
 */
export const modelSchemaEmitter: Emitter = {
  name: 'model-schema',
  owns: [MODEL_SCHEMA_PATH],
  emit: () => [{ path: MODEL_SCHEMA_PATH, content: `${JSON.stringify(MODEL_SCHEMA, null, 2)}\n` }],
}
