import type { Ir } from '../ir/types.ts'

/** A file an emitter produced, in memory. `path` is relative to the output root, `/`-separated. */
export interface EmittedFile {
  readonly path: string
  readonly content: string
}

/** One output target. `emit` is pure: no file system, clock, environment or randomness. */
export interface Emitter {
  readonly name: string
  /**
   * Paths under the output root this emitter owns: files, or folders ending in `/`. Files that an
   * earlier run wrote inside an owned folder and this run no longer produces are removed.
   */
  readonly owns: readonly string[]
  emit(ir: Ir): readonly EmittedFile[]
}

/** The first line of every generated file: that it is generated, from what, and how to regenerate. */
export function generatedNotice(ir: Ir, domains: readonly string[]): string {
  const files = domains.length ? domains.map((d) => `${ir.modelsDir}/${ir.domains.find((x) => x.name === d)?.file ?? `${d}.yaml`}`).join(', ') : `${ir.modelsDir}/*.yaml`
  return `Generated from ${files} by \`npm run generate\`. Do not edit: change the models and regenerate.`
}

/** The domains (model files) of the IR, for files generated from all of them. */
export const allDomains = (ir: Ir): string[] => ir.domains.map((d) => d.name)
