import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { renderCatalog, section, tableByHeader } from './catalog-text.ts'

const caseModels = join(import.meta.dirname, '..', 'cases', 'gym-basics', 'models')

describe('the model catalog of gym-basics', () => {
  const { ir, catalog } = renderCatalog(caseModels)

  it('starts with the generated notice, as an HTML comment', () => {
    expect(catalog.split('\n', 1)[0]).toBe('<!-- Generated from models/gym.yaml, models/member.yaml by `npm run generate`. Do not edit: change the models and regenerate. -->')
  })

  it('lists every domain with its description, linked to its section', () => {
    expect(catalog).toContain('\n- [gym](#domain-gym): Gyms and their equipment.\n- [member](#domain-member): Members, their profiles and bookings.\n')
    expect(section(catalog, '## Domain: gym')).toContain('Source: `models/gym.yaml` · Models: [Gym](#model-gym), [GymEquipment](#model-gymequipment) · Enums: [EquipmentStatus](#enum-equipmentstatus) · Shapes: [Address](#shape-address)')
  })

  it.each(ir.models.map((m) => m.name))('gives %s its section: table, every field, every relation, keys', (name) => {
    const model = ir.models.find((m) => m.name === name)!
    const text = section(catalog, `### Model: ${name}`)
    expect(text).toContain(`\nTable \`${model.table}\`\n`)
    const fields = tableByHeader(text, 'Field').map((row) => row.Field)
    expect(fields).toEqual(model.fields.filter((f) => f.kind === 'stored').map((f) => `\`${f.name}\``))
    const relations = model.fields.filter((f) => f.kind === 'relation')
    if (relations.length) expect(tableByHeader(text.slice(text.indexOf('**Relations**')), 'Field').map((row) => row.Field)).toEqual(relations.map((f) => `\`${f.name}\``))
    else expect(text).not.toContain('**Relations**')
    expect(tableByHeader(text, 'Kind')[0]).toEqual({ Kind: 'primary key', Fields: model.primaryKey.fields.map((f) => `\`${f}\``).join(', '), Name: '' })
  })

  it('describes each field: type, constraints, default, attributes', () => {
    const member = tableByHeader(section(catalog, '### Model: Member'), 'Field')
    expect(member.find((r) => r.Field === '`email`')).toEqual({ Field: '`email`', Type: 'String', Constraints: 'maxLength 254, format email', Default: '', Attributes: 'unique', Description: '' })
    expect(member.find((r) => r.Field === '`displayName`')!.Attributes).toBe('column `display_name`')
    expect(member.find((r) => r.Field === '`role`')).toMatchObject({ Type: '[Role](#enum-role)', Default: '`USER`' })
    expect(member.find((r) => r.Field === '`weightKg`')).toMatchObject({ Type: 'Float?', Constraints: 'min 20, max 400' })
    expect(member.find((r) => r.Field === '`tags`')).toMatchObject({ Type: 'String[]', Default: '`[]`' })
    expect(member.find((r) => r.Field === '`passwordHash`')!.Attributes).toBe('private')
    expect(member.find((r) => r.Field === '`createdAt`')).toMatchObject({ Default: '`now()`', Attributes: 'readOnly, from `Audited`' })
    const gym = tableByHeader(section(catalog, '### Model: Gym'), 'Field')
    expect(gym.find((r) => r.Field === '`address`')!.Type).toBe('Json ([Address](#shape-address))')
    const profile = tableByHeader(section(catalog, '### Model: MemberProfile'), 'Field')
    expect(profile.find((r) => r.Field === '`code`')!.Constraints).toBe('length 6, pattern `^[A-Z]{3}[0-9]{3}$`')
    expect(profile.find((r) => r.Field === '`bio`')!.Description).toBe('**Deprecated.**')
  })

  it('gives each relation its target, other end, cardinality from its side, foreign key and onDelete', () => {
    const relations = (model: string) => tableByHeader(section(catalog, `### Model: ${model}`).split('**Relations**')[1]!, 'Field')
    expect(relations('GymEquipment')).toEqual([
      { Field: '`gym`', Target: '[Gym](#model-gym)', 'Other end': '`equipment`', Cardinality: 'many-to-one, required', 'Foreign key': '`GymEquipment.gymId` → `Gym.id`', 'On delete': 'Cascade', Description: '' },
    ])
    expect(relations('Gym')[0]).toMatchObject({ Field: '`equipment`', Cardinality: 'one-to-many', 'Foreign key': '`GymEquipment.gymId` → `Gym.id`', 'On delete': 'Cascade' })
    expect(relations('Booking')[1]).toMatchObject({ Field: '`coach`', 'Other end': '`coached` (relation `BookingCoach`)', Cardinality: 'many-to-one, optional', 'On delete': 'SetNull' })
    expect(relations('Member')[0]).toMatchObject({ Field: '`profile`', Target: '[MemberProfile](#model-memberprofile)', Cardinality: 'one-to-one, optional' })
    expect(relations('MemberProfile')[0]).toMatchObject({ Field: '`member`', Cardinality: 'one-to-one, required' })
  })

  it('lists compound keys, uniques and indexes, partial and expression ones with the rows they cover', () => {
    expect(tableByHeader(section(catalog, '### Model: FavouriteGym'), 'Kind')).toEqual([{ Kind: 'primary key', Fields: '`memberId`, `gymName`', Name: '' }])
    expect(tableByHeader(section(catalog, '### Model: Booking'), 'Kind').slice(1)).toEqual([
      { Kind: 'index', Fields: '`memberId`', Name: '' },
      { Kind: 'index', Fields: '`coachId`', Name: '' },
      { Kind: 'index', Fields: '`startsAt`', Name: '`bookings_starts_at_idx`' },
      { Kind: 'unique', Fields: '`memberId`, `startsAt` — only rows where `coachId IS NOT NULL`', Name: '`bookings_memberId_startsAt_partial_key`' },
      { Kind: 'index', Fields: '`coachId`, `startsAt` — only rows where `price > 0 AND coachId IS NOT NULL`', Name: '`bookings_coachId_startsAt_partial_idx`' },
    ])
    expect(tableByHeader(section(catalog, '### Model: Member'), 'Kind').slice(1)).toEqual([{ Kind: 'unique', Fields: '`lower(email)`', Name: '`members_lower_email_key`' }])
    expect(tableByHeader(section(catalog, '### Model: GymEquipment'), 'Kind').map((r) => `${r.Kind} ${r.Fields}`)).toEqual(['primary key `id`', 'unique `gymId`, `name`', 'index `gymId`, `status`'])
  })

  it('lists enums with their values and shapes with their fields', () => {
    expect(tableByHeader(section(catalog, '### Enum: Role'), 'Value')).toEqual([
      { Value: '`USER`', Description: '' },
      { Value: '`TRAINER`', Description: 'Leads sessions.' },
      { Value: '`ADMIN`', Description: '' },
    ])
    expect(section(catalog, '### Enum: EquipmentStatus')).toContain('Availability of a piece of equipment.')
    const address = tableByHeader(section(catalog, '### Shape: Address'), 'Field')
    expect(address.map((r) => r.Field)).toEqual(['`line1`', '`line2`', '`city`', '`postcode`', '`country`'])
    expect(address[1]!.Type).toBe('String?')
    expect(address[4]).toMatchObject({ Constraints: 'length 2', Description: 'ISO 3166-1 alpha-2 code' })
  })

  it('links only to headings that exist', () => {
    const anchors = new Set(catalog.split('\n').filter((l) => /^#+ /.test(l)).map((l) => l.replace(/^#+ /, '').toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-')))
    const targets = [...catalog.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]!)
    expect(targets.length).toBeGreaterThan(10)
    for (const target of targets) expect(anchors, target).toContain(target)
  })

  it('is the same text on every run', () => {
    expect(renderCatalog(caseModels).catalog).toBe(catalog)
  })
})
