/** The types of cache-home.cjs (plain CommonJS, which the launcher loads before any TypeScript). */
export interface Bundle {
  /** The folder holding cli.cjs and libraries.json. */
  readonly dir: string
  readonly digest: string
  /** Packages the bundle imports or requires, from esbuild's metafile. */
  readonly libraries: readonly string[]
}
export declare const CACHE_DIR_VARIABLE: 'PIKA_GENERATE_CACHE_DIR'
/** The folders (relative to the package root) whose files key the generator's bundle and outputs. */
export declare const SOURCE_FOLDERS: readonly string[]
export declare function cacheFolder(root: string): string
export declare function cacheKey(parts: readonly (string | Uint8Array)[]): string
export declare function sourceDigest(root: string): string
export declare function ensureBundle(root: string, folder: string, digest?: string): Bundle
export declare function generatorFingerprint(root: string, bundle: Bundle): string
export declare function loadCommonJs(file: string, root: string, extra?: Record<string, unknown>): unknown
export declare function runBundle(root: string, bundle: Bundle): void
