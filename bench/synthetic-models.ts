import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * Deterministic synthetic model sets for the benchmarks, shaped like the platform's own models:
 * one file per domain of up to 10 models, a shared `common.yaml` (CuidId, Timestamps mixins and the
 * Address shape), per-domain enums and a Json shape, 1:n relations inside a domain (a small tree),
 * one 1:1 profile per domain, optional cross-domain foreign keys, indexes on foreign keys, compound
 * uniques, Decimal(10,2) money, lists, Json with and without shapes, and validation keys.
 * The same count always yields the same bytes.
 */
export interface SyntheticFile {
  /** File name inside the models folder, e.g. `billing-3.yaml`. */
  readonly name: string
  readonly content: string
}

export const MODELS_PER_DOMAIN = 10

const DOMAINS = ['Billing', 'Catalog', 'Booking', 'Loyalty', 'Stock', 'Staff', 'Campaign', 'Nutrition', 'Coaching', 'Facility', 'Retail', 'Event', 'Reward', 'Wellness', 'Insight', 'Partner', 'Content', 'Helpdesk', 'Outreach', 'Audit']
/** Model nouns by position in a domain: 0 is the root, 9 the 1:1 profile of the root, 8 append-only. */
const NOUNS = ['Account', 'Plan', 'Order', 'Invoice', 'Ticket', 'Entry', 'Slot', 'Note', 'Log', 'Profile']
const STATUS_VALUES = ['DRAFT', 'ACTIVE', 'PAUSED', 'ARCHIVED', 'CANCELLED', 'EXPIRED']
const KIND_VALUES = ['STANDARD', 'PREMIUM', 'TRIAL', 'INTERNAL', 'PARTNER']

/** Writes the set into `dir` (emptied first) and returns its files. */
export function writeSyntheticModels(dir: string, modelCount: number): SyntheticFile[] {
  const files = syntheticModelFiles(modelCount)
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  for (const file of files) writeFileSync(join(dir, file.name), file.content)
  return files
}

export function syntheticModelFiles(modelCount: number): SyntheticFile[] {
  if (!Number.isInteger(modelCount) || modelCount < 1) throw new Error(`model count must be a positive integer, not ${modelCount}`)
  const domains = Math.ceil(modelCount / MODELS_PER_DOMAIN)
  const files: SyntheticFile[] = [{ name: 'common.yaml', content: COMMON }]
  for (let d = 0; d < domains; d++) {
    files.push({ name: `${fileStem(d)}.yaml`, content: domainFile(d, modelCount) })
  }
  return files
}

const HEADER = '# yaml-language-server: $schema=../schema/pika-model.schema.json\n'

const COMMON = `${HEADER}description: Shared building blocks of the synthetic benchmark models.

types:
  Address:
    description: A postal address.
    fields:
      line1:    { type: String, minLength: 1, maxLength: 200, example: 1 Main St }
      line2:    { type: String, optional: true, maxLength: 200 }
      city:     { type: String, minLength: 1, maxLength: 100, example: Leeds }
      postcode: { type: String, pattern: "^[A-Z0-9 -]{3,10}$", example: LS1 1AA }
      country:  { type: String, length: 2, pattern: "^[A-Z]{2}$", example: GB }

mixins:
  CuidId:
    fields:
      id: { type: String, id: true, default: cuid(), format: cuid, readOnly: true, description: Unique identifier (cuid). }
  CreatedAt:
    fields:
      createdAt: { type: DateTime, default: now(), readOnly: true, description: When the record was created. }
  Timestamps:
    mixins: [CreatedAt]
    fields:
      updatedAt: { type: DateTime, updatedAt: true, readOnly: true, description: When the record was last changed. }
`

/** Unique per index: Billing, Catalog, …, then Billing1, Catalog1, … */
const domainName = (d: number) => `${DOMAINS[d % DOMAINS.length]}${Math.floor(d / DOMAINS.length) || ''}`
const fileStem = (d: number) => kebab(domainName(d))
const modelName = (d: number, k: number) => `${domainName(d)}${NOUNS[k]}`
const tableName = (d: number, k: number) => snake(pluralize(modelName(d, k)))
const pluralize = (s: string) => (/(s|x|ch|sh)$/.test(s) ? `${s}es` : /[^aeiou]y$/.test(s) ? `${s.slice(0, -1)}ies` : `${s}s`)
const article = (word: string) => (/^[aeiou]/i.test(word) ? 'An' : 'A')
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1)
const kebab = (s: string) => s.replace(/([a-z])([A-Z0-9])/g, '$1-$2').toLowerCase()
const snake = (s: string) => s.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase()
const q = (s: string) => JSON.stringify(s)

/** In-domain parent of model k (a binary tree under the root); undefined for the root and the profile. */
const parentOf = (k: number) => (k >= 1 && k <= 8 ? Math.floor((k - 1) / 2) : undefined)
/** Models 1 and 5 of every domain but the first point at the previous domain's root. */
const hasCrossLink = (d: number, k: number) => d > 0 && (k === 1 || k === 5)

/** Models in domain d; only the last domain may be partial. */
const domainSize = (d: number, modelCount: number) => Math.max(0, Math.min(MODELS_PER_DOMAIN, modelCount - d * MODELS_PER_DOMAIN))

function domainFile(d: number, modelCount: number): string {
  const D = domainName(d)
  const lines = [HEADER + `description: ${q(`Synthetic domain ${D}: accounts, plans, orders and what hangs off them.`)}`, '', 'enums:']
  lines.push(`  ${D}Status:`, `    description: Lifecycle of a ${D} record.`, '    values:')
  for (const v of STATUS_VALUES.slice(0, 3 + (d % 4))) lines.push(`      - { name: ${v}, description: ${q(`The record is ${v.toLowerCase()}.`)} }`)
  lines.push(`  ${D}Kind:`, `    values: [${KIND_VALUES.slice(0, 3 + (d % 3)).join(', ')}]`, '')
  lines.push('types:', `  ${D}Settings:`, `    description: Per-record settings of ${D}.`, '    fields:')
  lines.push('      theme:   { type: String, optional: true, maxLength: 40, example: dark }')
  lines.push('      limit:   { type: Int, min: 0, max: 1000, example: 10 }')
  lines.push('      flags:   { type: String, list: true, optional: true, maxLength: 30 }')
  lines.push('      enabled: { type: Boolean }', '')
  lines.push('models:')
  for (let k = 0; k < domainSize(d, modelCount); k++) lines.push(...model(d, k, modelCount), '')
  return `${lines.join('\n').trimEnd()}\n`
}

function model(d: number, k: number, modelCount: number): string[] {
  const size = domainSize(d, modelCount)
  const D = domainName(d)
  const name = modelName(d, k)
  const out = [`  ${name}:`, `    table: ${tableName(d, k)}`, `    description: ${q(`${article(NOUNS[k]!)} ${NOUNS[k]!.toLowerCase()} of the ${D} domain.`)}`]
  out.push(`    mixins: [CuidId, ${k === 8 ? 'CreatedAt' : 'Timestamps'}]`, '    fields:')
  const f = (text: string) => out.push(`      ${text}`)
  const indexes: string[][] = []
  const uniques: string[][] = []
  f(`name:        { type: String, minLength: 2, maxLength: 120, description: Display name., example: ${q(`${D} ${NOUNS[k]}`)} }`)
  if (k === 0 || k === 2) f('code:        { type: String, unique: true, pattern: "^[A-Z]{3}-[0-9]{4}$", description: Human-readable reference., example: ABC-1234 }')
  f('description: { type: String, optional: true, maxLength: 2000 }')
  f(`status:      { type: ${D}Status, default: ${STATUS_VALUES[0]}, example: ${STATUS_VALUES[0]} }`)
  if (k % 3 !== 2) f(`kind:        { type: ${D}Kind, description: What sort of record this is. }`)
  if (k % 2 === 0) f('amount:      { type: Decimal, db: "Decimal(10,2)", min: 0, max: 99999999, description: Money amount in the account currency., example: 49.99 }')
  if (k % 2 === 0) f('currency:    { type: String, length: 3, pattern: "^[A-Z]{3}$", default: GBP }')
  f('quantity:    { type: Int, default: 1, min: 0, max: 10000 }')
  if (k % 3 === 0) f('score:       { type: Float, optional: true, min: 0, max: 1 }')
  f('isActive:    { type: Boolean, default: true }')
  f('tags:        { type: String, list: true, default: [], example: [new, featured] }')
  f(`settings:    { type: Json, shape: ${D}Settings }`)
  if (k % 4 === 1) f('metadata:    { type: Json, optional: true, description: Free-form data from integrations. }')
  if (k === 0 || k === 9) f('address:     { type: Json, shape: Address, optional: true }')
  if (k % 2 === 1) f('startsAt:    { type: DateTime, optional: true, example: "2026-03-03T07:00:00Z" }')
  if (k === 0 || k === 9) f('email:       { type: String, optional: true, format: email, maxLength: 254, db: "VarChar(254)", example: team@example.com }')
  if (k === 0) f('website:     { type: String, optional: true, format: url, maxLength: 2048 }')
  if (k === 9) f('phone:       { type: String, optional: true, format: e164, example: "+441130000000" }')
  if (k === 4) f('externalId:  { type: String, optional: true, format: uuid, readOnly: true }')
  if (k === 0) f('secretHash:  { type: String, private: true, maxLength: 255, optional: true }')

  const parent = parentOf(k)
  if (parent !== undefined) {
    const fk = `${lowerFirst(NOUNS[parent]!)}Id`
    f(`${lowerFirst(NOUNS[parent]!)}: { type: ${modelName(d, parent)}, relation: { fields: [${fk}], references: [id], onDelete: Cascade } }`)
    f(`${fk}: { type: String, format: cuid }`)
    indexes.push([fk, 'createdAt'])
    uniques.push([fk, 'name'])
  }
  if (k === 9) {
    f(`account: { type: ${modelName(d, 0)}, relation: { fields: [accountId], references: [id], onDelete: Cascade } }`)
    f('accountId: { type: String, unique: true, format: cuid, description: The account this profile belongs to (one-to-one). }')
  }
  if (hasCrossLink(d, k)) {
    f(`partner: { type: ${modelName(d - 1, 0)}, optional: true, relation: { fields: [partnerId], references: [id], onDelete: SetNull } }`)
    f('partnerId: { type: String, optional: true, format: cuid }')
    indexes.push(['partnerId'])
  }
  // Back sides: in-domain children, the profile, and the next domain's cross links.
  for (let child = k + 1; child < size; child++) {
    if (parentOf(child) === k) f(`${lowerFirst(pluralize(NOUNS[child]!))}: { type: ${modelName(d, child)}, list: true }`)
  }
  if (k === 0 && size > 9) f(`profile: { type: ${modelName(d, 9)}, optional: true }`)
  if (k === 0) {
    for (const linked of [1, 5]) {
      if (linked < domainSize(d + 1, modelCount)) f(`${lowerFirst(pluralize(modelName(d + 1, linked)))}: { type: ${modelName(d + 1, linked)}, list: true }`)
    }
  }
  indexes.push(['status', 'createdAt'])
  out.push('    indexes:', ...indexes.map((i) => `      - fields: [${i.join(', ')}]`))
  if (uniques.length) out.push('    uniques:', ...uniques.map((u) => `      - fields: [${u.join(', ')}]`))
  out.push('    seed:', `      generate: ${k === 0 ? 5 : 3}`)
  return out
}
