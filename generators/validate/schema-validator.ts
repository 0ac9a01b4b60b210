import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import type { ValidateFunction } from 'ajv/dist/2020.js'
import { PACKAGE_ROOT, readAsset } from '../package-files.ts'

const require = createRequire(import.meta.url)
const OPTIONS = { allErrors: true, strict: true, allowUnionTypes: true, verbose: true } as const

/**
 * The compiled validator of the language's JSON Schema. Compiling with ajv costs ~0.15 s per
 * process (more than validating every model file), so the compiled code is kept as an ajv
 * "standalone" module in node_modules/.cache, keyed by the schema text, ajv's version and the
 * options; later processes load it without importing ajv's compiler at all.
 */
export function loadSchemaValidator(): ValidateFunction {
  const schemaText = readAsset('schema/pika-model.schema.json')
  const ajvVersion = (JSON.parse(readFileSync(require.resolve('ajv/package.json'), 'utf8')) as { version: string }).version
  const key = createHash('sha256').update(`${ajvVersion}\0${JSON.stringify(OPTIONS)}\0${schemaText}`).digest('hex').slice(0, 16)
  const file = join(PACKAGE_ROOT, 'node_modules', '.cache', 'pika-generate', `model-schema-${key}.cjs`)
  if (existsSync(file)) {
    try {
      return require(file) as ValidateFunction
    } catch {
      // A damaged cache file: compile again below.
    }
  }
  const { Ajv2020 } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js')
  const standaloneCode = (require('ajv/dist/standalone/index.js') as typeof import('ajv/dist/standalone/index.js')).default
  const ajv = new Ajv2020({ ...OPTIONS, code: { source: true } })
  const validate = ajv.compile(JSON.parse(schemaText) as object)
  try {
    mkdirSync(join(file, '..'), { recursive: true })
    writeFileSync(`${file}.${process.pid}.tmp`, standaloneCode(ajv, validate))
    renameSync(`${file}.${process.pid}.tmp`, file)
  } catch {
    // Without a writable cache the next process compiles again; nothing else changes.
  }
  return validate
}
