import type { ValidateFunction } from 'ajv/dist/2020.js'
import { createRequire } from 'node:module'
import { cachedModule } from '../compiled-cache.ts'
import { libraryVersion, readAsset } from '../package-files.ts'

const require = createRequire(import.meta.url)
const OPTIONS = { allErrors: true, strict: true, allowUnionTypes: true, verbose: true } as const

/**
 * The compiled validator of the language's JSON Schema. Compiling with ajv costs ~0.15 s per
 * process (more than validating every model file), so the compiled code is kept as an ajv
 * "standalone" module (see compiled-cache.ts); later processes load it without importing ajv's
 * compiler at all.
 */
export function loadSchemaValidator(): ValidateFunction {
  const schemaText = readAsset('schema/pika-model.schema.json')
  return cachedModule('model-schema', [libraryVersion('ajv') ?? 'missing', JSON.stringify(OPTIONS), schemaText], () => {
    const { Ajv2020 } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js')
    const standaloneCode = (require('ajv/dist/standalone/index.js') as typeof import('ajv/dist/standalone/index.js')).default
    const ajv = new Ajv2020({ ...OPTIONS, code: { source: true } })
    const validate = ajv.compile(JSON.parse(schemaText) as object)
    return { source: standaloneCode(ajv, validate), value: validate }
  })
}
