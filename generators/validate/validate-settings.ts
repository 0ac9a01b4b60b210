import type { Diagnostic } from '../diagnostics/diagnostic.ts'
import type { LoadedFile } from '../load/load-models.ts'
import type { OpenApiInfo, Settings } from '../ir/types.ts'
import { readAsset } from '../package-files.ts'
import { loadSchemaValidator } from './schema-validator.ts'
import { schemaDiagnostics } from './validate-schema.ts'

/** What the OpenAPI document says of itself when the settings file leaves it out. */
export const DEFAULT_OPENAPI_INFO: OpenApiInfo = {
  title: 'Pika data model',
  version: '1.0.0',
  description: 'Schemas generated from the Pika YAML models: for each model its read, create and update shapes.',
}

/**
 * The settings of a run: the settings file (SETTINGS_FILE) checked against
 * schema/pika-settings.schema.json, each key it leaves out at its default. No file, all defaults.
 */
export function validateSettings(file: LoadedFile | undefined): { readonly settings: Settings; readonly diagnostics: readonly Diagnostic[] } {
  const defaults: Settings = { openapi: DEFAULT_OPENAPI_INFO }
  if (!file) return { settings: defaults, diagnostics: [] }
  const diagnostics = schemaDiagnostics(loadSchemaValidator(JSON.parse(readAsset('schema/pika-settings.schema.json')) as object, 'settings-schema'), file)
  if (diagnostics.length) return { settings: defaults, diagnostics }
  const openapi = (file.data as { openapi?: Partial<OpenApiInfo> }).openapi ?? {}
  return { settings: { openapi: { ...DEFAULT_OPENAPI_INFO, ...openapi } }, diagnostics: [] }
}
