import { spawn } from 'node:child_process'
import { cpSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { hasLauncher, launcherArgs } from './ours.ts'
import { summarize, type Summary } from './stats.ts'

/**
 * The real `generate --watch` process, end to end: save a model file → the watcher's "N files
 * rewritten" line arrives (it is printed after the outputs are renamed into place). Includes fs.watch
 * delivery and the watcher's debounce; not process start (the process is started once). The process
 * is the one `npm run generate -- --watch` starts (the bundled launcher), or the tsx CLI in trees
 * without one.
 */
export async function measureWatchProcess(root: string, modelsSource: string, editedFile: string, workDir: string, runs: number): Promise<{ total: Summary; editedFile: string }> {
  const modelsDir = join(workDir, 'models')
  cpSync(modelsSource, modelsDir, { recursive: true })
  const file = join(modelsDir, editedFile)
  const original = readFileSync(file, 'utf8')
  const anchor = original.match(/^ {4}description: (.*)$/m)
  if (!anchor) throw new Error(`${editedFile} has no model description to edit`)
  const cli = hasLauncher(root) ? launcherArgs(root) : ['--import', 'tsx', join(root, 'generators', 'cli.ts')]
  const child = spawn(process.execPath, [...cli, '--watch', '--models', modelsDir, '--out', join(workDir, 'out')], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] })
  const lines: string[] = []
  let waiting: { pattern: RegExp; resolve: (line: string) => void } | undefined
  let buffer = ''
  child.stdout.on('data', (chunk: Buffer) => {
    buffer += chunk.toString()
    const parts = buffer.split('\n')
    buffer = parts.pop()!
    for (const line of parts) {
      lines.push(line)
      if (waiting?.pattern.test(line)) waiting.resolve(line)
    }
  })
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk))
  const next = (pattern: RegExp, timeoutMs = 120_000) =>
    new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`--watch printed no line matching ${pattern} in ${timeoutMs} ms: ${lines.slice(-3).join(' | ')} ${stderr.slice(-300)}`)), timeoutMs)
      waiting = { pattern, resolve: (line) => (clearTimeout(timer), (waiting = undefined), resolve(line)) }
    })
  try {
    await next(/^Watching /)
    const samples: number[] = []
    for (let i = -2; i < runs; i++) {
      await new Promise((r) => setTimeout(r, 200)) // let the previous run's events settle
      const done = next(new RegExp(`${editedFile.replace('.', '\\.')}: \\d+ files? rewritten`))
      const started = performance.now()
      writeFileSync(file, original.replace(anchor[0], `    description: ${JSON.stringify(`Edited in watch run ${i}.`)}`))
      await done
      if (i >= 0) samples.push(performance.now() - started)
    }
    return { total: summarize(samples), editedFile }
  } finally {
    child.kill()
  }
}
