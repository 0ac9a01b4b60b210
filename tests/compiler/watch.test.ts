import { spawn, type ChildProcess } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '..', '..')
const caseModels = join(root, 'tests', 'cases', 'gym-basics', 'models')

/** A `generate --watch` process whose output lines can be awaited. */
class WatchProcess {
  readonly lines: string[] = []
  private readonly child: ChildProcess
  stderr = ''
  /** The exit code, once the process has ended. */
  readonly exited: Promise<number | null>

  constructor(models: string, out: string, options: readonly string[] = []) {
    this.child = spawn(process.execPath, ['--import', 'tsx', join(root, 'generators', 'cli.ts'), '--watch', '--models', models, '--out', out, ...options], { cwd: root })
    this.exited = new Promise((resolve) => this.child.on('exit', resolve))
    let buffer = ''
    this.child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString()
      const parts = buffer.split('\n')
      buffer = parts.pop()!
      this.lines.push(...parts)
    })
    this.child.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()))
  }

  /** Waits for the next line (after `seen` lines) that matches. */
  async waitFor(pattern: RegExp, seen = 0, timeoutMs = 15_000): Promise<string> {
    const deadline = Date.now() + timeoutMs
    while (Date.now() < deadline) {
      const line = this.lines.slice(seen).find((l) => pattern.test(l))
      if (line) return line
      await new Promise((r) => setTimeout(r, 20))
    }
    throw new Error(`no line matching ${pattern} in:\n${this.lines.join('\n')}\n${this.stderr}`)
  }

  stop() {
    this.child.kill()
  }
}

let running: WatchProcess | undefined
afterEach(() => running?.stop())

describe('generate --watch', () => {
  it('regenerates on change, add, rename-replace and delete; keeps the last good output on a bad edit and recovers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pika-watch-'))
    const models = join(dir, 'models')
    const out = join(dir, 'out')
    cpSync(caseModels, models, { recursive: true })
    const watcher = (running = new WatchProcess(models, out))
    await watcher.waitFor(/Watching/)
    await watcher.waitFor(/models: \d+ files? rewritten/)
    const schema = () => readFileSync(join(out, 'prisma', 'schema.prisma'), 'utf8')
    const gym = join(models, 'gym.yaml')
    const original = readFileSync(gym, 'utf8')

    let seen = watcher.lines.length
    writeFileSync(gym, original.replace('quantity: { type: Int, default: 1', 'quantity: { type: Int, default: 2'))
    expect(await watcher.waitFor(/gym\.yaml: \d+ files? rewritten in \d+ ms/, seen)).toBeTruthy()
    expect(schema()).toContain('@default(2)')

    seen = watcher.lines.length
    const good = schema()
    writeFileSync(gym, original.replace('type: Gym,', 'type: Gymm,'))
    await watcher.waitFor(/gym\.yaml: invalid, kept the last good output/, seen)
    expect(watcher.stderr).toContain('PIKA301')
    expect(schema()).toBe(good)

    seen = watcher.lines.length
    // Editors that save atomically write a temporary file and rename it over the original.
    writeFileSync(join(models, '.gym.yaml.swp'), original)
    renameSync(join(models, '.gym.yaml.swp'), gym)
    await watcher.waitFor(/gym\.yaml: \d+ files? rewritten/, seen)
    expect(schema()).toContain('@default(1)')

    seen = watcher.lines.length
    writeFileSync(join(models, 'extra.yaml'), 'enums:\n  Colour:\n    values: [RED, GREEN]\n')
    await watcher.waitFor(/extra\.yaml: \d+ files? rewritten/, seen)
    expect(schema()).toContain('enum Colour')

    seen = watcher.lines.length
    rmSync(join(models, 'extra.yaml'))
    await watcher.waitFor(/extra\.yaml: \d+ files? rewritten/, seen)
    expect(schema()).not.toContain('enum Colour')
  })

  it('rewrites only files whose bytes change', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pika-watch-'))
    const models = join(dir, 'models')
    cpSync(caseModels, models, { recursive: true })
    const watcher = (running = new WatchProcess(models, join(dir, 'out')))
    await watcher.waitFor(/models: \d+ files? rewritten/)
    const seen = watcher.lines.length
    const gym = join(models, 'gym.yaml')
    writeFileSync(gym, `${readFileSync(gym, 'utf8')}\n# a comment changes no output\n`)
    expect(await watcher.waitFor(/gym\.yaml: 0 files rewritten/, seen)).toBeTruthy()
  })

  it('stops a build that runs over its time budget, says so in one line, and goes on watching', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pika-watch-'))
    const models = join(dir, 'models')
    cpSync(caseModels, models, { recursive: true })
    // No build of a whole model set fits in 10 ms: each one stands for a build that hangs.
    const watcher = (running = new WatchProcess(models, join(dir, 'out'), ['--build-budget', '0.01']))
    const stopped = /build stopped: it ran over its 0\.01 s budget \(--build-budget\); kept the last good output, still watching/
    await watcher.waitFor(stopped)
    const seen = watcher.lines.length
    const gym = join(models, 'gym.yaml')
    writeFileSync(gym, `${readFileSync(gym, 'utf8')}\n# the next save is built again\n`)
    await watcher.waitFor(stopped, seen)
    expect(watcher.stderr).not.toMatch(/^\s+at /m)
  })

  it('ends in one line, exit 2, when the models folder is removed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pika-watch-'))
    const models = join(dir, 'models')
    cpSync(caseModels, models, { recursive: true })
    const watcher = (running = new WatchProcess(models, join(dir, 'out')))
    await watcher.waitFor(/models: \d+ files? rewritten/)
    rmSync(models, { recursive: true })
    expect(await watcher.exited).toBe(2)
    expect(watcher.stderr).toBe(`error: stopped watching: the models folder ${models} no longer exists\n`)
  })

  it('refuses a build budget that is not a positive number of seconds', async () => {
    const watcher = (running = new WatchProcess(caseModels, join(mkdtempSync(join(tmpdir(), 'pika-watch-')), 'out'), ['--build-budget', 'soon']))
    expect(await watcher.exited).toBe(2)
    expect(watcher.stderr).toBe('--build-budget takes a number of seconds above 0, not `soon`.\n')
  })
})
