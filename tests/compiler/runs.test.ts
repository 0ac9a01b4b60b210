import { spawn } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { emitters } from '../../generators/emit/registry.ts'
import { generateOnce, type GenerateOptions } from '../../generators/generate.ts'
import { compileModels, emitFiles } from '../../generators/pipeline.ts'
import { withOutputLock } from '../../generators/write/output-lock.ts'
import { planOutputs, stagePlan } from '../../generators/write/write-files.ts'
import { readTree } from '../helpers/golden.ts'

/** Runs that collide, die half way, or cannot write: the outputs are always one whole generation. */
const repo = join(import.meta.dirname, '..', '..')
const modelsDir = join(repo, 'tests', 'cases', 'gym-basics', 'models')
const scratch = mkdtempSync(join(tmpdir(), 'pika-runs-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))
const owns = emitters.flatMap((e) => e.owns)
let count = 0
const tempDir = () => {
  const dir = join(scratch, String(count++))
  mkdirSync(dir, { recursive: true })
  return dir
}
const options = (models: string, out: string, extra: Partial<GenerateOptions> = {}): GenerateOptions => ({ modelsDir: models, outRoot: out, check: false, color: false, cache: false, ...extra })

/** The gym-basics models with one more optional field on Gym: a different generation. */
function otherModels(): string {
  const dir = tempDir()
  cpSync(modelsDir, dir, { recursive: true })
  const gym = readFileSync(join(dir, 'gym.yaml'), 'utf8')
  writeFileSync(join(dir, 'gym.yaml'), gym.replace(/^(\s+)fields:\n/m, (line, indent: string) => `${line}${indent}  motto: { type: String, optional: true }\n`))
  return dir
}

describe('a run killed after writing its journal', () => {
  it('is finished before the next run plans, so that run leaves exactly its own generation', async () => {
    const out = tempDir()
    expect((await generateOnce(options(modelsDir, out))).exitCode).toBe(0)
    const first = readTree(out)
    // The killed run, with other models: staged and journalled, nothing moved yet.
    const other = otherModels()
    const killed = emitFiles(compileModels(other, out).ir!, emitters)
    const plan = planOutputs(out, killed, owns)
    expect(plan.changed.length).toBeGreaterThan(3)
    stagePlan(out, plan)
    // A --check sees the interrupted write as stale, and changes nothing.
    const check = await generateOnce(options(modelsDir, out, { check: true }))
    expect(check.exitCode).toBe(1)
    expect(check.report).toMatch(/interrupted run/)
    // The next run, with the first models again.
    expect((await generateOnce(options(modelsDir, out))).exitCode).toBe(0)
    expect(readTree(out)).toEqual(first)
    expect((await generateOnce(options(modelsDir, out, { check: true }))).exitCode).toBe(0)
  })
})

describe('the output folder lock', () => {
  it('makes a second run wait for the first, and says so', async () => {
    const out = tempDir()
    const order: string[] = []
    const waits: string[] = []
    let release!: () => void
    const first = withOutputLock(out, () => new Promise<void>((resolve) => (release = resolve)).then(() => order.push('first')))
    const second = withOutputLock(out, () => order.push('second'), (owner) => waits.push(owner))
    await new Promise((resolve) => setTimeout(resolve, 150))
    expect(order).toEqual([])
    expect(waits).toEqual([`pid ${process.pid} on ${(await import('node:os')).hostname()}`])
    release()
    await Promise.all([first, second])
    expect(order).toEqual(['first', 'second'])
    expect(existsSync(join(out, '.pika-generate.lock'))).toBe(false)
  })

  it('takes over the lock of a run that was killed', async () => {
    const out = tempDir()
    mkdirSync(join(out, '.pika-generate.lock'))
    // A pid far above any Linux pid_max: no such process.
    writeFileSync(join(out, '.pika-generate.lock', 'owner.json'), JSON.stringify({ pid: 2 ** 30, host: (await import('node:os')).hostname() }))
    expect(await withOutputLock(out, () => 'ran', undefined, 1000)).toBe('ran')
  })

  it('says plainly when another run never lets go', async () => {
    const out = tempDir()
    mkdirSync(join(out, '.pika-generate.lock'))
    writeFileSync(join(out, '.pika-generate.lock', 'owner.json'), JSON.stringify({ pid: process.pid, host: 'another-host' }))
    await expect(withOutputLock(out, () => 'ran', undefined, 200)).rejects.toThrow(/another generate run \(pid \d+ on another-host\)/)
  })

  it('lets three concurrent generate processes on one folder all succeed, leaving one clean generation', async () => {
    const out = tempDir()
    const other = otherModels()
    const run = (models: string) =>
      new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [join(repo, 'generators', 'bin', 'generate.cjs'), '--models', models, '--out', out, '--no-cache'], { cwd: repo })
        let stderr = ''
        child.stderr.on('data', (chunk) => (stderr += chunk))
        child.on('close', (code) => resolve({ code, stderr }))
      })
    const results = await Promise.all([run(other), run(other), run(modelsDir)])
    for (const { code, stderr } of results) expect({ code, stderr: stderr.replace(/^Waiting for another generate run.*\n/gm, '') }).toEqual({ code: 0, stderr: '' })
    // Whichever finished last wrote last; --check for its models is clean, for the others it is not.
    const clean = await Promise.all([other, modelsDir].map(async (m) => (await generateOnce(options(m, out, { check: true }))).exitCode))
    expect(clean.sort()).toEqual([0, 1])
    expect(existsSync(join(out, '.pika-generate'))).toBe(false)
  }, 60_000)
})

describe('an output folder that cannot be written', () => {
  it('ends in one clean line, exit 2, and leaves the old generation', async () => {
    const out = tempDir()
    expect((await generateOnce(options(modelsDir, out))).exitCode).toBe(0)
    const before = readTree(out)
    // Root may write anywhere, so a file where a folder must go stands in for a read-only folder.
    rmSync(join(out, 'generated', 'zod'), { recursive: true })
    writeFileSync(join(out, 'generated', 'zod'), 'not a folder')
    const outcome = await generateOnce(options(otherModels(), out))
    expect(outcome.exitCode).toBe(2)
    expect(outcome.report).toMatch(/^error: cannot write the generated files under .*: a file stands where a folder goes \(.*\)\. Nothing else was changed\.\n$/)
    // Every other file is as the first run left it; nothing is staged or locked.
    const unchanged = [...readTree(out)].filter(([path]) => !path.startsWith('generated/zod'))
    expect(unchanged.length).toBeGreaterThan(3)
    for (const [path, content] of unchanged) expect(content, path).toBe(before.get(path))
    expect(existsSync(join(out, '.pika-generate.lock'))).toBe(false)
  })

  it('ends in one clean line, exit 2, when an output folder is a symbolic link that loops', async () => {
    const out = tempDir()
    symlinkSync('prisma', join(out, 'prisma'))
    const outcome = await generateOnce(options(modelsDir, out))
    expect(outcome.exitCode).toBe(2)
    expect(outcome.report).toMatch(/^error: cannot write the generated files under .*: a symbolic link loops back on itself \(.*prisma\)\. Nothing else was changed\.\n$/)
    expect(existsSync(join(out, '.pika-generate.lock'))).toBe(false)
  })
})
