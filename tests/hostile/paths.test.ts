import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { generateOnce } from '../../generators/generate.ts'

/** Outputs and diagnostics name model files from the models folder, whatever the folder layout. */
const scratch = mkdtempSync(join(tmpdir(), 'pika-paths-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))
const caseModels = join(import.meta.dirname, '..', 'cases', 'gym-basics', 'models')

describe('model file names in outputs and diagnostics', () => {
  it('are the same from any working folder and output root', async () => {
    const deep = join(scratch, 'a', 'b', 'c', 'models')
    mkdirSync(deep, { recursive: true })
    cpSync(caseModels, deep, { recursive: true })
    const outs = [join(scratch, 'out-near'), join(scratch, 'x', 'y', 'out-far')]
    for (const out of outs) expect((await generateOnce({ modelsDir: deep, outRoot: out, check: false, color: false, cache: false })).exitCode).toBe(0)
    const headers = outs.map((out) => readFileSync(join(out, 'prisma', 'schema.prisma'), 'utf8').split('\n')[0])
    expect(headers[0]).toBe('// Generated from models/gym.yaml, models/member.yaml by `npm run generate`. Do not edit: change the models and regenerate.')
    expect(headers[1]).toBe(headers[0])
    // The committed golden, generated from tests/cases/gym-basics, has the same header.
    expect(readFileSync(join(import.meta.dirname, '..', 'cases', 'gym-basics', 'expected', 'prisma', 'schema.prisma'), 'utf8').split('\n')[0]).toBe(headers[0])

    writeFileSync(join(deep, 'gym.yaml'), readFileSync(join(deep, 'gym.yaml'), 'utf8').replace('type: Gym,', 'type: Gymm,'))
    const broken = await generateOnce({ modelsDir: deep, outRoot: outs[1]!, check: false, color: false, cache: false })
    expect(broken.exitCode).toBe(1)
    expect(broken.report).toMatch(/^models\/gym\.yaml:\d+:\d+ error PIKA301/m)
    expect(broken.report).not.toContain('..')
  })
})
