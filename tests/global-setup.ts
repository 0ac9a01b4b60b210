// Builds the embedded test-database snapshot once, before vitest starts its workers: otherwise the
// first test file of every worker waits on the build inside its own hook timeout.
import { ensurePGliteSnapshot } from '../src/testing/pglite-snapshot.ts'

export default async function setup(): Promise<void> {
  await ensurePGliteSnapshot()
}
