import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { emitters } from '../../generators/emit/registry.ts'
import { buildIr } from '../../generators/ir/build-ir.ts'
import { loadModels } from '../../generators/load/load-models.ts'
import { compileModels, emitFiles } from '../../generators/pipeline.ts'
import { validateModels } from '../../generators/validate/validate-models.ts'
import { applyPlan, planOutputs, recoverInterruptedWrite, stagePlan } from '../../generators/write/write-files.ts'
import { readTree } from '../helpers/golden.ts'

const modelsDir = join(import.meta.dirname, '..', 'cases', 'gym-basics', 'models')
const owns = emitters.flatMap((e) => e.owns)
const tempDir = () => mkdtempSync(join(tmpdir(), 'pika-pipeline-'))

function generateInto(outRoot: string, models = modelsDir) {
  const { ir } = compileModels(models, outRoot)
  const files = emitFiles(ir!, emitters)
  applyPlan(outRoot, planOutputs(outRoot, files, owns))
  return files
}

describe('the IR', () => {
  it('is plain data: a structured clone emits the same files, and its locations resolve to the declaration', () => {
    const result = compileModels(modelsDir, '.')
    const ir = result.ir!
    expect(emitFiles(structuredClone(ir), emitters)).toEqual(emitFiles(ir, emitters))
    const gym = structuredClone(ir).models.find((m) => m.name === 'Gym')!
    const source = result.sources.find((s) => s.file === gym.location.file)!
    const { line, column } = source.locate(gym.location.path, gym.location.part)
    expect(source.text.split('\n')[line - 1]!.slice(column - 1)).toMatch(/^Gym:/)
  })
})

describe('determinism', () => {
  it('gives the same bytes when run twice', () => {
    const first = emitFiles(compileModels(modelsDir, '.').ir!, emitters)
    const second = emitFiles(compileModels(modelsDir, '.').ir!, emitters)
    expect(second).toEqual(first)
  })

  it('gives the same IR whatever order the model files are read in', () => {
    const loaded = loadModels(modelsDir)
    const forward = buildIr(validateModels(loaded.files), 'models')
    const backward = buildIr(validateModels([...loaded.files].reverse()), 'models')
    expect(JSON.stringify(backward)).toBe(JSON.stringify(forward))
    expect(emitFiles(backward, emitters)).toEqual(emitFiles(forward, emitters))
  })

  it('freezes the IR so emitters cannot change what other emitters see', () => {
    const { ir } = compileModels(modelsDir, '.')
    expect(Object.isFrozen(ir!.models[0]!.fields[0])).toBe(true)
  })
})

describe('writing', () => {
  it('leaves unchanged files untouched on a second run', () => {
    const out = tempDir()
    generateInto(out)
    const plan = planOutputs(out, emitFiles(compileModels(modelsDir, out).ir!, emitters), owns)
    expect(plan.changed).toEqual([])
    expect(plan.removed).toEqual([])
  })

  it('changes nothing under the output root when the models are invalid', () => {
    const out = tempDir()
    generateInto(out)
    const before = readTree(out)
    const broken = tempDir()
    cpSync(modelsDir, broken, { recursive: true })
    writeFileSync(join(broken, 'gym.yaml'), readFileSync(join(modelsDir, 'gym.yaml'), 'utf8').replace('type: Gym,', 'type: Gymm,'))
    const result = compileModels(broken, out)
    expect(result.ir).toBeUndefined()
    expect(result.diagnostics.map((d) => d.code)).toContain('PIKA301')
    expect(readTree(out)).toEqual(before)
  })

  it('removes files it generated earlier but no longer produces, only in folders it owns', () => {
    const out = tempDir()
    generateInto(out)
    const ownedFolder = owns.find((o) => o.endsWith('/'))
    if (!ownedFolder) return // no emitter owns a folder yet
    writeFileSync(join(out, ownedFolder, 'stale.txt'), 'old')
    writeFileSync(join(out, 'unrelated.txt'), 'mine')
    generateInto(out)
    expect(existsSync(join(out, ownedFolder, 'stale.txt'))).toBe(false)
    expect(readFileSync(join(out, 'unrelated.txt'), 'utf8')).toBe('mine')
  })

  it('never leaves a mix of generations: a staged batch is invisible until committed, and the next run completes it', () => {
    const out = tempDir()
    generateInto(out)
    const before = readTree(out)
    const next = [...before.keys()].map((path) => ({ path, content: `${before.get(path)}\n// next generation\n` }))
    stagePlan(out, planOutputs(out, next, owns)) // the process "dies" here, before committing
    expect(readTree(out).get(next[0]!.path)).toBe(before.get(next[0]!.path))
    recoverInterruptedWrite(out)
    for (const file of next) expect(readFileSync(join(out, file.path), 'utf8')).toBe(file.content)
    expect(existsSync(join(out, '.pika-generate'))).toBe(false)
  })

  it('discards a staging folder whose journal was never written', () => {
    const out = tempDir()
    generateInto(out)
    const before = readTree(out)
    cpSync(join(out, 'prisma'), join(out, '.pika-generate'), { recursive: true })
    recoverInterruptedWrite(out)
    expect(readTree(out)).toEqual(before)
  })
})

describe('output cache key', () => {
  it('changes when the generator code or a model changes, and only then', async () => {
    const { generatorFingerprint, outputKey } = await import('../../generators/cache/output-cache.ts')
    const root = tempDir()
    const { SOURCE_FOLDERS } = await import('../../generators/cache/cache-home.cjs')
    for (const path of SOURCE_FOLDERS) cpSync(join(import.meta.dirname, '..', '..', path), join(root, path), { recursive: true })
    const folder = tempDir()
    const models = tempDir()
    cpSync(modelsDir, models, { recursive: true })
    const code = generatorFingerprint(folder, root)!
    expect(code).toMatch(/^[0-9a-f]{32}$/)
    const key = outputKey(models, 'models', code)
    expect(generatorFingerprint(folder, root)).toBe(code)
    expect(outputKey(models, 'models', code)).toBe(key)
    writeFileSync(join(root, 'generators', 'emit', 'prisma', 'schema.prisma.hbs'), '// changed template\n')
    expect(generatorFingerprint(folder, root)).not.toBe(code)
    writeFileSync(join(models, 'gym.yaml'), `${readFileSync(join(models, 'gym.yaml'), 'utf8')}\n# edited\n`)
    expect(outputKey(models, 'models', code)).not.toBe(key)
    expect(outputKey(models, 'elsewhere/models', code)).not.toBe(outputKey(models, 'models', code))
  })

  it('is keyed by every source file the bundle is built from (no module outside the digested folders)', async () => {
    const { SOURCE_FOLDERS } = await import('../../generators/cache/cache-home.cjs')
    const { buildSync } = await import('esbuild')
    const root = join(import.meta.dirname, '..', '..')
    const { metafile } = buildSync({ entryPoints: [join(root, 'generators', 'cli.ts')], absWorkingDir: root, bundle: true, platform: 'node', packages: 'external', metafile: true, write: false, logLevel: 'silent' })
    const outside = Object.keys(metafile.inputs).filter((input) => !SOURCE_FOLDERS.some((folder) => input.startsWith(`${folder}/`)))
    expect(outside).toEqual([])
  })

  it('leaves another live process its bundle build in progress, and clears superseded and dead ones', async () => {
    const { ensureBundle } = await import('../../generators/cache/cache-home.cjs')
    const { PACKAGE_ROOT } = await import('../../generators/package-files.ts')
    const folder = tempDir()
    const stale = (name: string) => {
      mkdirSync(join(folder, name))
      writeFileSync(join(folder, name, 'libraries.json'), '[]\n')
      return join(folder, name)
    }
    const inProgress = stale(`build-${'a'.repeat(32)}.${process.pid}.tmp`) // this test's process: alive
    const dead = stale(`build-${'b'.repeat(32)}.2147483646.tmp`)
    const superseded = stale(`build-${'c'.repeat(32)}`)
    const { dir } = ensureBundle(PACKAGE_ROOT, folder)
    expect(existsSync(join(dir, 'libraries.json'))).toBe(true)
    expect([existsSync(inProgress), existsSync(dead), existsSync(superseded)]).toEqual([true, false, false])
  })

  it('is keyed by every library the generator loads, as esbuild found them, including those it loads lazily', async () => {
    const { ensureBundle } = await import('../../generators/cache/cache-home.cjs')
    const { PACKAGE_ROOT } = await import('../../generators/package-files.ts')
    const { libraries } = ensureBundle(PACKAGE_ROOT, tempDir())
    // The printing libraries (once a hand-kept list), ajv (required only to compile the validator)
    // and Prisma's validator (resolved only for the worker).
    for (const name of ['handlebars', 'js-yaml', 'yaml', 'ajv', 'randexp', '@prisma/prisma-schema-wasm']) expect(libraries).toContain(name)
    for (const name of libraries) expect(name).toMatch(/^(@[\w.-]+\/)?[\w.-]+$/) // package names: no built-ins, no paths inside a package
  })
})

describe('output cache entries', () => {
  it('give back the files written, and a damaged entry is a miss', async () => {
    const { readCachedOutput, writeCachedOutput } = await import('../../generators/cache/output-cache.ts')
    const folder = tempDir()
    const key = 'a-key'
    const entry = join(folder, 'outputs', `${key}.entry`)
    // Multi-byte text and an empty file: the header counts UTF-8 bytes, not characters.
    const output = { files: [{ path: 'a/ü.md', content: 'Grüße, 🏋️\nline two\n' }, { path: 'b/empty.txt', content: '' }, { path: 'c.json', content: '{"k": "v"}\n' }], owns: ['a/', 'c.json'] }
    writeCachedOutput(folder, key, output)
    expect(readCachedOutput(folder, key)).toEqual(output)
    const bytes = readFileSync(entry)
    writeFileSync(entry, bytes.subarray(0, bytes.length - 1))
    expect(readCachedOutput(folder, key)).toBeUndefined()
    writeFileSync(entry, Buffer.concat([bytes, Buffer.from('x')]))
    expect(readCachedOutput(folder, key)).toBeUndefined()
    writeFileSync(entry, 'not an entry')
    expect(readCachedOutput(folder, key)).toBeUndefined()
  })
})
