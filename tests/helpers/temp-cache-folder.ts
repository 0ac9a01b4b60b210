import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CACHE_DIR_VARIABLE } from '../../generators/cache/cache-home.cjs'

/**
 * Vitest's global setup: the generator's caches (bundle, compiled modules, outputs) go to a folder
 * of this test run, inherited by the test workers and every generator they start, so a test never
 * reads an entry an earlier run or a developer's `npm run generate` left, and leaves none behind.
 */
export default function useTemporaryCacheFolder(): () => void {
  const folder = mkdtempSync(join(tmpdir(), 'pika-generate-cache-'))
  process.env[CACHE_DIR_VARIABLE] = folder
  return () => rmSync(folder, { recursive: true, force: true })
}
