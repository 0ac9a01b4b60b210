import { execFileSync, spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '..', '..')
const caseModels = join(root, 'tests', 'cases', 'gym-basics', 'models')

interface Reported {
  kind: string
  subject: string
  message: string
  database: string
  api: string
  request: string
  response: string
  apiWhy: string
  hint?: string
  where: string
}

/** A throwaway git repository whose first commit holds the golden case's models. */
function repository() {
  const dir = mkdtempSync(join(tmpdir(), 'pika-diff-'))
  cpSync(caseModels, join(dir, 'models'), { recursive: true })
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' })
  git('init', '-q')
  git('-c', 'user.email=t@example.com', '-c', 'user.name=t', 'add', '.')
  git('-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-qm', 'base')
  const edit = (file: string, from: string, to: string) => {
    const path = join(dir, 'models', file)
    const text = readFileSync(path, 'utf8')
    if (!text.includes(from)) throw new Error(`${file} does not contain ${from}`)
    writeFileSync(path, text.replace(from, to))
  }
  return { dir, edit }
}

function diff(dir: string, ...args: string[]) {
  // The repository lives in a temporary folder, where a bare `--import tsx` would not resolve.
  const result = spawnSync(process.execPath, ['--import', import.meta.resolve('tsx'), join(root, 'generators', 'diff-cli.ts'), '--base', 'HEAD', ...args], { cwd: dir, encoding: 'utf8' })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

function changes(dir: string): Reported[] {
  const { stdout } = diff(dir, '--json', '--allow-breaking')
  return (JSON.parse(stdout) as { changes: Reported[] }).changes
}

const find = (list: Reported[], kind: string, subject: string) => list.find((c) => c.kind === kind && c.subject === subject)

describe('npm run diff', () => {
  it('reports no change and exits 0 on an unchanged tree', () => {
    const { dir } = repository()
    const result = diff(dir)
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('No changes to the models.')
  })

  it('classifies breaking changes for the database and the API separately, with file and line', () => {
    const { dir, edit } = repository()
    edit('gym.yaml', '      description: { type: String, optional: true }\n', '') // field removed
    edit('gym.yaml', 'values: [AVAILABLE, IN_USE, MAINTENANCE, RETIRED]', 'values: [AVAILABLE, IN_USE, MAINTENANCE]') // enum value removed
    edit('gym.yaml', 'name:        { type: String, minLength: 2, maxLength: 120', 'name:        { type: String, minLength: 2, maxLength: 100') // bound tightened
    edit('member.yaml', 'bio:      { type: String, optional: true, maxLength: 500, deprecated: true }', 'bio:      { type: String, maxLength: 500, deprecated: true }') // optional → required
    edit('member.yaml', 'weightKg:     { type: Float, optional: true, min: 20, max: 400 }', 'weightKg:     { type: Int, optional: true, min: 20, max: 400 }') // narrowed type
    edit('member.yaml', '    table: bookings', '    table: member_bookings') // table renamed, columns kept: the rename migration keeps it
    const list = changes(dir)
    expect(find(list, 'field-removed', 'Gym.description')).toMatchObject({ database: 'breaking', api: 'breaking', where: 'HEAD:models/gym.yaml:31' })
    expect(find(list, 'enum-value-removed', 'EquipmentStatus.RETIRED')).toMatchObject({ database: 'breaking', api: 'breaking' })
    expect(find(list, 'constraint-tightened', 'Gym.name')).toMatchObject({ database: 'none', api: 'breaking', where: 'models/gym.yaml:30' })
    expect(find(list, 'became-required', 'MemberProfile.bio')).toMatchObject({ database: 'breaking', api: 'breaking' })
    expect(find(list, 'type-changed', 'Member.weightKg')).toMatchObject({ database: 'breaking', api: 'breaking' })
    expect(find(list, 'table-renamed', 'Booking')).toMatchObject({ database: 'safe', api: 'none', message: expect.stringMatching(/kept, with its rows, by the rename migration/) })
    const result = diff(dir)
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(/## Database[\s\S]*\*\*breaking\*\* \| field `description` removed from `Gym`/)
    expect(diff(dir, '--allow-breaking').code).toBe(0)
  })

  it('calls a table: change breaking when the columns change with it (a new table: the rename migration keeps none)', () => {
    const { dir, edit } = repository()
    edit('member.yaml', '    table: bookings', '    table: member_bookings')
    edit('member.yaml', '      startsAt:  { type: DateTime }\n', '      startsAt:  { type: DateTime }\n      note:      { type: String, optional: true }\n')
    expect(find(changes(dir), 'table-renamed', 'Booking')).toMatchObject({ database: 'breaking', message: expect.stringMatching(/Prisma drops and recreates it; change `table:` in a migration of its own/) })
  })

  it('judges additions and widenings per direction: harmless to send, breaking to read when responses can hold something new', () => {
    const { dir, edit } = repository()
    edit('gym.yaml', '      amenities:', '      website:     { type: String, optional: true, format: url }\n      amenities:') // optional field added
    edit('gym.yaml', 'values: [AVAILABLE, IN_USE, MAINTENANCE, RETIRED]', 'values: [AVAILABLE, IN_USE, MAINTENANCE, RETIRED, LOST]') // enum value added
    edit('gym.yaml', 'name:        { type: String, minLength: 2, maxLength: 120', 'name:        { type: String, minLength: 1, maxLength: 200') // bounds widened
    edit('member.yaml', 'credits:      { type: BigInt, default: 0 }', 'credits:      { type: BigInt, default: 0 }\n      nickname:     { type: String, default: "" }') // required with default
    writeFileSync(join(dir, 'models', 'class.yaml'), 'models:\n  Studio:\n    fields:\n      id: { type: String, id: true, default: cuid() }\n') // model added
    const list = changes(dir)
    for (const c of list) expect(c, `${c.kind} ${c.subject}`).toMatchObject({ database: expect.not.stringMatching('breaking'), request: expect.not.stringMatching('breaking') })
    expect(find(list, 'field-added', 'Gym.website')).toMatchObject({ request: 'safe', response: 'safe' })
    expect(find(list, 'enum-value-added', 'EquipmentStatus.LOST')).toMatchObject({ request: 'safe', response: 'breaking', apiWhy: expect.stringContaining('responses may carry a value') })
    const widened = list.filter((c) => c.kind === 'constraint-widened' && c.subject === 'Gym.name')
    expect(widened).toHaveLength(2)
    for (const c of widened) expect(c).toMatchObject({ request: 'safe', response: 'breaking' })
    expect(find(list, 'field-added', 'Member.nickname')).toMatchObject({ request: 'safe', response: 'safe' })
    expect(find(list, 'model-added', 'Studio')).toMatchObject({ database: 'safe', api: 'safe' })
    expect(diff(dir).code).toBe(1) // responses changed under clients' feet
    edit('gym.yaml', 'MAINTENANCE, RETIRED, LOST]', 'MAINTENANCE, RETIRED]')
    edit('gym.yaml', 'minLength: 1, maxLength: 200', 'minLength: 2, maxLength: 120')
    expect(diff(dir).code).toBe(0) // only additions nobody reads yet
  })

  it('puts the JSON form into type verdicts and judges new unique keys for requests', () => {
    const { dir, edit } = repository()
    edit('gym.yaml', 'quantity: { type: Int, default: 1, min: 0 }', 'quantity: { type: BigInt, default: 1, min: 0 }')
    edit('gym.yaml', 'name:        { type: String, minLength: 2, maxLength: 120', 'name:        { type: String, unique: true, minLength: 2, maxLength: 120')
    const list = changes(dir)
    expect(find(list, 'type-changed', 'GymEquipment.quantity')).toMatchObject({ database: 'safe', request: 'safe', response: 'breaking', apiWhy: expect.stringMatching(/integer \(int32\) → integer \(int64.*`bigint`.*JSON\.stringify/) })
    expect(find(list, 'unique-added', 'Gym.name')).toMatchObject({ database: 'breaking', request: 'breaking', response: 'none', apiWhy: expect.stringContaining('P2002') })
    const markdown = diff(dir, '--allow-breaking').stdout
    expect(markdown).toMatch(/\| requests \| responses \| change \| why \| where \|/)
    expect(markdown).toMatch(/\| safe \| \*\*breaking\*\* \| type of `GymEquipment.quantity` changed from Int to BigInt/)
  })

  it('reports partial and expression uniques by what they cover: a new condition is a new unique', () => {
    const { dir, edit } = repository()
    edit('member.yaml', '{ fields: [memberId, startsAt], where: coachId IS NOT NULL }', '{ fields: [memberId, startsAt], where: price > 0 }')
    const list = changes(dir)
    expect(find(list, 'unique-added', 'Booking(memberId, startsAt where price > 0)')).toMatchObject({ database: 'breaking', request: 'breaking', apiWhy: expect.stringContaining('P2002') })
    expect(find(list, 'unique-removed', 'Booking(memberId, startsAt where coachId IS NOT NULL)')).toMatchObject({ database: 'safe' })
  })

  it('does not call a field breaking when its enum was renamed with renamedFrom', () => {
    const { dir, edit } = repository()
    edit('gym.yaml', '  EquipmentStatus:\n', '  EquipmentState:\n    renamedFrom: EquipmentStatus\n')
    edit('gym.yaml', 'type: EquipmentStatus,', 'type: EquipmentState,')
    const list = changes(dir)
    expect(find(list, 'enum-renamed', 'EquipmentState')).toMatchObject({ database: 'safe' })
    expect(list.filter((c) => c.kind === 'type-changed')).toEqual([])
    expect(list.filter((c) => c.database === 'breaking')).toEqual([])
  })

  it('tells a declared rename from a drop and add: safe for the database, breaking for the API', () => {
    const { dir, edit } = repository()
    edit('member.yaml', 'displayName:  { type: String, minLength: 1, maxLength: 80, map: display_name }', 'nickname:     { type: String, minLength: 1, maxLength: 80, map: display_name, renamedFrom: displayName }')
    edit('member.yaml', 'displayName: Ada', 'nickname: Ada')
    edit('gym.yaml', '  GymEquipment:\n    table: gym_equipment', '  Equipment:\n    renamedFrom: GymEquipment\n    table: gym_equipment')
    edit('gym.yaml', '{ type: GymEquipment, list: true }', '{ type: Equipment, list: true }')
    const renamed = changes(dir)
    expect(find(renamed, 'field-renamed', 'Member.nickname')).toMatchObject({ database: 'safe', api: 'breaking' })
    expect(find(renamed, 'model-renamed', 'Equipment')).toMatchObject({ database: 'safe', api: 'breaking' })
    expect(renamed.find((c) => c.kind === 'field-removed' || c.kind === 'model-removed')).toBeUndefined()

    edit('member.yaml', ', renamedFrom: displayName', '')
    const dropped = changes(dir)
    expect(find(dropped, 'field-removed', 'Member.displayName')).toMatchObject({ database: 'breaking' })
    expect(find(dropped, 'field-added', 'Member.nickname')).toMatchObject({ database: 'breaking', hint: expect.stringContaining('did you mean `renamedFrom`?') })
    expect(find(dropped, 'field-removed', 'Member.displayName')).toMatchObject({ hint: expect.stringContaining('`nickname: { …, renamedFrom: displayName }`') })
    expect(diff(dir, '--allow-breaking').stdout).toContain('did you mean `renamedFrom`?')

    edit('gym.yaml', 'MAINTENANCE, RETIRED]', 'MAINTENANCE, DECOMMISSIONED]')
    const values = changes(dir)
    expect(find(values, 'enum-value-removed', 'EquipmentStatus.RETIRED')).toMatchObject({ hint: expect.stringContaining('`{ name: DECOMMISSIONED, renamedFrom: RETIRED }`') })
  })

  it('exits 2 on an unknown revision and 1 when the working tree does not compile', () => {
    const { dir, edit } = repository()
    expect(diff(dir, '--base', 'no-such-branch').code).toBe(2)
    edit('gym.yaml', 'type: Gym,', 'type: Gymm,')
    const broken = diff(dir)
    expect(broken.code).toBe(1)
    expect(broken.stderr).toContain('PIKA301')
  })
})
