import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { load } from 'js-yaml'
import { afterAll, describe, expect, it } from 'vitest'
import { openapiJsonText } from '../../scripts/build/openapi-json.ts'
import { readTree } from '../helpers/golden.ts'

const root = join(import.meta.dirname, '..', '..')
const caseModels = join(root, 'tests', 'cases', 'gym-basics', 'models')
const folders: string[] = []
afterAll(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })))

function generate(models: string, out: string) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'generators', 'cli.ts'), '--models', models, '--out', out], { cwd: root, encoding: 'utf8' })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

/** A temp folder with the case's models and, when given, a settings file (models/pika.settings.yaml). */
function workspace(settings?: string) {
  const dir = mkdtempSync(join(tmpdir(), 'pika-settings-'))
  folders.push(dir)
  cpSync(caseModels, join(dir, 'models'), { recursive: true })
  if (settings !== undefined) writeFileSync(join(dir, 'models', 'pika.settings.yaml'), settings)
  return { models: join(dir, 'models'), out: join(dir, 'out') }
}

const openapiYaml = (out: string) => readFileSync(join(out, 'generated', 'openapi', 'openapi.yaml'), 'utf8')
const info = (out: string) => (load(openapiYaml(out)) as { info: Record<string, string> }).info

describe('the settings file (models/pika.settings.yaml)', () => {
  it('without one, the OpenAPI info keeps its defaults', () => {
    const { models, out } = workspace()
    expect(generate(models, out).code).toBe(0)
    expect(info(out)).toEqual({ title: 'Pika data model', version: '1.0.0', description: 'Schemas generated from the Pika YAML models: for each model its read, create and update shapes.' })
  })

  it('sets the info of openapi.yaml and of the openapi.json the build derives from it; it is not read as a model file', () => {
    const { models, out } = workspace('# yaml-language-server: $schema=../schema/pika-settings.schema.json\nopenapi:\n  title: Gym API\n  version: "2.1.0"\n  description: Members, classes and bookings.\n')
    const run = generate(models, out)
    expect(run.code).toBe(0)
    expect(run.stderr).not.toContain('PIKA') // no kebab-case or model-schema complaint about the settings file
    const expected = { title: 'Gym API', version: '2.1.0', description: 'Members, classes and bookings.' }
    expect(info(out)).toEqual(expected)
    expect((JSON.parse(openapiJsonText(openapiYaml(out))) as { info: unknown }).info).toEqual(expected)
    expect(existsSync(join(out, 'generated', 'zod', 'pika.settings.ts'))).toBe(false)
  })

  it('a key it leaves out keeps its default, and an edit reaches the output (the output cache keys on it)', () => {
    const { models, out } = workspace('openapi:\n  title: Gym API\n')
    expect(generate(models, out).code).toBe(0)
    expect(info(out)).toMatchObject({ title: 'Gym API', version: '1.0.0' })
    writeFileSync(join(models, 'pika.settings.yaml'), 'openapi:\n  title: Gym API\n  version: "3.0.0"\n')
    expect(generate(models, out).code).toBe(0)
    expect(info(out)).toMatchObject({ title: 'Gym API', version: '3.0.0' })
  })

  it('a broken one is a positioned diagnostic with a hint, exit 1, and nothing written', () => {
    const { models, out } = workspace('openapi:\n  title: Gym API\n')
    expect(generate(models, out).code).toBe(0)
    const before = readTree(out)
    writeFileSync(join(models, 'pika.settings.yaml'), 'openapi:\n  titel: Gym API\n  version: 2.0\n')
    const run = generate(models, out)
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('models/pika.settings.yaml:2:3 error PIKA101 unknown key `titel` in `openapi`')
    expect(run.stderr).toContain('hint: Did you mean `title`?')
    expect(run.stderr).toContain('models/pika.settings.yaml:3:12 error PIKA102 `openapi.version` must be a string, not a number')
    expect(run.stderr).not.toMatch(/\n\s+at /) // no stack trace
    expect(readTree(out)).toEqual(before)
  })
})
