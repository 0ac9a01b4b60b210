import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ProcessSpec } from './measure-process.ts'
import { listOutput, type OutputFile } from './ours.ts'
import { REPO_ROOT } from './workspace.ts'

/** The I/O floor process for a set: same model files read, same count and sizes of files written. */
export function ioFloorProcess(modelsDir: string, output: readonly OutputFile[], workDir: string): ProcessSpec {
  const manifest = join(workDir, 'manifest.json')
  const outDir = join(workDir, 'out')
  writeFileSync(manifest, JSON.stringify(output))
  const expectedBytes = output.reduce((n, f) => n + f.bytes, 0)
  return {
    command: process.execPath,
    args: [join(REPO_ROOT, 'bench', 'io-floor.mjs'), modelsDir, manifest, outDir],
    cwd: REPO_ROOT,
    before: () => rmSync(outDir, { recursive: true, force: true }),
    verify: () => {
      const written = listOutput(outDir)
      const bytes = written.reduce((n, f) => n + f.bytes, 0)
      return written.length === output.length && bytes === expectedBytes ? undefined : `floor wrote ${written.length} files / ${bytes} B, expected ${output.length} / ${expectedBytes}`
    },
  }
}
