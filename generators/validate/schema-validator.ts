import type { ValidateFunction } from 'ajv/dist/2020.js'
import { createRequire } from 'node:module'
import { cachedModule } from '../cache/compiled-cache.ts'
import { MODEL_SCHEMA } from '../language/model-schema.ts'
import { libraryVersion } from '../package-files.ts'

const OPTIONS = { allErrors: true, strict: true, allowUnionTypes: true, verbose: true } as const

/**
 * The compiled validator of a JSON Schema of the generator: the language's (language/model-schema.ts)
 * or the settings file's. Compiling with ajv costs ~0.15 s per process (more than validating every
 * model file), so the compiled code is kept as an ajv "standalone" module (see
 * cache/compiled-cache.ts); later processes load it without importing ajv's compiler at all.
 */
export function loadSchemaValidator(schema: object = MODEL_SCHEMA, cacheName = 'model-schema'): ValidateFunction {
  const schemaText = JSON.stringify(schema)
  return cachedModule(cacheName, [libraryVersion('ajv') ?? 'missing', JSON.stringify(OPTIONS), schemaText], () => {
    // Literal requires in the launcher's bundle, so esbuild's metafile lists ajv (see cache/cache-home.cjs).
    const fromSource = typeof require === 'function' ? undefined : createRequire(import.meta.url)
    const { Ajv2020 } = (fromSource ? fromSource('ajv/dist/2020.js') : require('ajv/dist/2020.js')) as typeof import('ajv/dist/2020.js')
    const standaloneCode = ((fromSource ? fromSource('ajv/dist/standalone/index.js') : require('ajv/dist/standalone/index.js')) as typeof import('ajv/dist/standalone/index.js')).default
    const ajv = new Ajv2020({ ...OPTIONS, code: { source: true } })
    const validate = ajv.compile(schema)
    return { source: standaloneCode(ajv, validate), value: validate }
  })
}
