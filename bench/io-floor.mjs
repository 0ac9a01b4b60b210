// The I/O floor: the least a generator process must do. Reads every model file, then writes files
// with the same relative paths and sizes as our generator's output. Plain Node (no tsx, no imports
// beyond node:fs/node:path), so what is left is Node start-up and the file system.
// Usage: node bench/io-floor.mjs <modelsDir> <manifest.json: [{ path, bytes }]> <outDir>
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

const [modelsDir, manifestPath, outDir] = process.argv.slice(2)
let read = 0
for (const name of readdirSync(modelsDir)) if (name.endsWith('.yaml')) read += readFileSync(join(modelsDir, name)).length
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'))
const filler = Buffer.alloc(Math.max(0, ...manifest.map((f) => f.bytes)), 'x')
for (const file of manifest) {
  const target = join(outDir, file.path)
  mkdirSync(dirname(target), { recursive: true })
  writeFileSync(target, filler.subarray(0, file.bytes))
}
if (read === 0) process.exitCode = 1
