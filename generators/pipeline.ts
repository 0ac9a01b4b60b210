import { basename, resolve } from 'node:path'
import type { Diagnostic } from './diagnostics/diagnostic.ts'
import { diagnostic, hasErrors, sortDiagnostics } from './diagnostics/diagnostic.ts'
import type { EmittedFile, Emitter } from './emit/emitter.ts'
import { inertOutput } from './inert-text.ts'
import { buildIr } from './ir/build-ir.ts'
import type { Ir } from './ir/types.ts'
import { loadModels, type ParseCache } from './load/load-models.ts'
import type { SourceFile } from './load/source-file.ts'
import { validateModels } from './validate/validate-models.ts'
import { validateSettings } from './validate/validate-settings.ts'
import { SETTINGS_FILE } from './package-files.ts'

export interface CompileResult {
  /** Present only when there are no errors. */
  readonly ir?: Ir
  /** Sorted by file and position. */
  readonly diagnostics: readonly Diagnostic[]
  /** Every model file read, for printing code frames. */
  readonly sources: readonly SourceFile[]
}

/**
 * load → validate (the model files, and the settings file beside them) → resolve. Never throws on bad models: every problem is a diagnostic. `outRoot`
 * no longer affects the result (outputs name the models folder by its own name, see modelsLabel).
 */
export function compileModels(modelsDir: string, outRoot: string, parseCache?: ParseCache): CompileResult {
  const loaded = loadModels(modelsDir, parseCache)
  const validation = validateModels(loaded.files)
  const { settings, diagnostics: settingsDiagnostics } = validateSettings(loaded.settings)
  const diagnostics = sortDiagnostics([...loaded.diagnostics, ...validation.diagnostics, ...settingsDiagnostics])
  if (loaded.sources.every((source) => source.file === SETTINGS_FILE)) {
    const location = { file: '.', line: 1, column: 1, endLine: 1, endColumn: 1 }
    return { diagnostics: [diagnostic('PIKA008', 'noModelFiles', { folder: modelsDir }, location)], sources: [] }
  }
  if (hasErrors(diagnostics)) return { diagnostics, sources: loaded.sources }
  return { ir: buildIr(validation, modelsLabel(modelsDir), settings), diagnostics, sources: loaded.sources }
}

/**
 * How outputs and diagnostics name the models folder: by its own name (`models/gym.yaml`), not by a
 * path from the working or output folder, so generated headers do not depend on where the
 * repository sits on a machine (`../../home/…/models/gym.yaml`).
 */
export const modelsLabel = (modelsDir: string): string => basename(resolve(modelsDir)) || '.'

/**
 * Runs every emitter in order; `onEmitted` sees each one's files as soon as it has run. The files
 * come back sorted by path, with hidden characters of user text made visible (see inert-text.ts):
 * done here, once for all emitters, so no emitter can forget it.
 */
export function emitFiles(ir: Ir, emitters: readonly Emitter[], onEmitted?: (files: readonly EmittedFile[]) => void): EmittedFile[] {
  return emitters
    .flatMap((e) => {
      const files = e.emit(ir).map((file) => ({ path: file.path, content: inertOutput(file.content) }))
      onEmitted?.(files)
      return files
    })
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
}
