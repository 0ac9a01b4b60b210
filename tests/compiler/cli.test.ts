import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readTree } from '../helpers/golden.ts'

const root = join(import.meta.dirname, '..', '..')
const caseModels = join(root, 'tests', 'cases', 'gym-basics', 'models')

function generate(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'generators', 'cli.ts'), ...args], { cwd: root, encoding: 'utf8' })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

/**
 * A temp folder with the case's models. The tests of one run share a cache folder
 * (tests/helpers/temp-cache-folder.ts), so a comment naming the folder makes these models (and
 * every edit a test makes to them) new to it: a test that expects a miss would otherwise hit an
 * entry another test left.
 */
function workspace() {
  const dir = mkdtempSync(join(tmpdir(), 'pika-cli-'))
  cpSync(caseModels, join(dir, 'models'), { recursive: true })
  const gym = join(dir, 'models', 'gym.yaml')
  writeFileSync(gym, `${readFileSync(gym, 'utf8')}\n# ${dir}\n`)
  return dir
}

describe('npm run generate', () => {
  it('explains itself with --help', () => {
    const { code, stdout } = generate('--help')
    expect(code).toBe(0)
    for (const option of ['--models', '--out', '--check', 'Exit codes']) expect(stdout).toContain(option)
  })

  it('exits 2 on an unknown option or a missing models folder', () => {
    expect(generate('--frobnicate').code).toBe(2)
    const missing = generate('--models', '/nonexistent/models')
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('does not exist')
  })

  it('writes the outputs, then --check finds them fresh', () => {
    const dir = workspace()
    const out = join(dir, 'out')
    expect(generate('--models', join(dir, 'models'), '--out', out).code).toBe(0)
    const check = generate('--models', join(dir, 'models'), '--out', out, '--check')
    expect(check.code).toBe(0)
    expect(check.stdout).toContain('up to date')
  })

  it('--check lists stale and missing files, exits 1 and writes nothing', () => {
    const dir = workspace()
    const out = join(dir, 'out')
    generate('--models', join(dir, 'models'), '--out', out)
    writeFileSync(join(out, 'prisma', 'schema.prisma'), 'edited by hand\n')
    const before = readTree(out)
    const check = generate('--models', join(dir, 'models'), '--out', out, '--check')
    expect(check.code).toBe(1)
    expect(check.stderr).toMatch(/stale\s+prisma\/schema\.prisma/)
    expect(readTree(out)).toEqual(before)
    const fresh = generate('--models', join(dir, 'models'), '--out', join(dir, 'empty'), '--check')
    expect(fresh.stderr).toMatch(/missing\s+prisma\/schema\.prisma/)
  })

  it('reports invalid models as file:line:col diagnostics with a code frame, exit 1, no stack trace, nothing written', () => {
    const dir = workspace()
    const out = join(dir, 'out')
    generate('--models', join(dir, 'models'), '--out', out)
    const before = readTree(out)
    const gym = join(dir, 'models', 'gym.yaml')
    writeFileSync(gym, readFileSync(gym, 'utf8').replace('quantity: { type: Int', 'quantity: { type: Innt'))
    const { code, stderr } = generate('--models', join(dir, 'models'), '--out', out)
    expect(code).toBe(1)
    expect(stderr).toMatch(/gym\.yaml:\d+:\d+ error PIKA301 unknown type `Innt`/)
    expect(stderr).toContain('hint: Did you mean `Int`?')
    expect(stderr).toMatch(/\|\s+\^+/)
    expect(stderr).not.toMatch(/\n\s+at /)
    expect(readTree(out)).toEqual(before)
  })
})

describe('npm run generate (the bundled launcher) and its output cache', () => {
  function launch(...args: string[]) {
    const result = spawnSync(process.execPath, [join(root, 'generators', 'bin', 'generate.cjs'), ...args], { cwd: root, encoding: 'utf8' })
    return { code: result.status, stdout: result.stdout, stderr: result.stderr }
  }

  it('gives the same bytes from the cache, without it, and through tsx', () => {
    const dir = workspace()
    const models = join(dir, 'models')
    const first = launch('--models', models, '--out', join(dir, 'a'))
    expect(first.code, first.stderr).toBe(0)
    const again = launch('--models', models, '--out', join(dir, 'a'))
    expect(again.stdout).toContain('from the cache')
    // The bundle carries the hash of the sources it was built from; tsx hashes them itself. Same key.
    expect(generate('--models', models, '--out', join(dir, 'a')).stdout).toContain('from the cache')
    expect(launch('--models', models, '--out', join(dir, 'b'), '--no-cache').stdout).not.toContain('from the cache')
    expect(generate('--models', models, '--out', join(dir, 'c'), '--no-cache').code).toBe(0)
    expect(readTree(join(dir, 'b'))).toEqual(readTree(join(dir, 'a')))
    expect(readTree(join(dir, 'c'))).toEqual(readTree(join(dir, 'a')))
  })

  it('keeps every cache in the folder --cache-dir or PIKA_GENERATE_CACHE_DIR names, even outside the package', () => {
    const dir = workspace()
    const models = join(dir, 'models')
    const folder = join(dir, 'caches')
    const first = launch('--models', models, '--out', join(dir, 'a'), '--cache-dir', folder)
    expect(first.code, first.stderr).toBe(0)
    const kept = readdirSync(folder).map((name) => name.replace(/-[0-9a-f]{32}(\.cjs)?$/, '-<key>$1')).sort()
    expect(kept).toEqual(['build-<key>', 'model-schema-<key>.cjs', 'outputs', 'prisma-check-worker-<key>.cjs', 'template-models-md-hbs-<key>.cjs', 'template-schema-prisma-hbs-<key>.cjs'])
    expect(readdirSync(join(folder, 'outputs'))).toHaveLength(1)
    const viaVariable = spawnSync(process.execPath, [join(root, 'generators', 'bin', 'generate.cjs'), '--models', models, '--out', join(dir, 'b')], { cwd: root, encoding: 'utf8', env: { ...process.env, PIKA_GENERATE_CACHE_DIR: folder } })
    expect(viaVariable.stdout).toContain('from the cache')
    expect(readTree(join(dir, 'b'))).toEqual(readTree(join(dir, 'a')))
  })

  it('misses the cache when a model changes, and still reports invalid models', () => {
    const dir = workspace()
    const models = join(dir, 'models')
    launch('--models', models, '--out', join(dir, 'out'))
    const gym = join(models, 'gym.yaml')
    writeFileSync(gym, readFileSync(gym, 'utf8').replace('quantity: { type: Int, default: 1', 'quantity: { type: Int, default: 3'))
    const changed = launch('--models', models, '--out', join(dir, 'out'))
    expect(changed.stdout).not.toContain('from the cache')
    expect(readFileSync(join(dir, 'out', 'prisma', 'schema.prisma'), 'utf8')).toContain('@default(3)')
    writeFileSync(gym, readFileSync(gym, 'utf8').replace('type: Gym,', 'type: Gymm,'))
    const broken = launch('--models', models, '--out', join(dir, 'out'))
    expect(broken.code).toBe(1)
    expect(broken.stderr).toContain('PIKA301')
  })
})
