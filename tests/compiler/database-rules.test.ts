// What the database can enforce of the models' rules: patterns translated to PostgreSQL only where
// they mean the same (checked here against PostgreSQL itself), native limits flowing into the API,
// and the warning for a pattern that stays API-only.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import RandExpModule from 'randexp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { modelObjects } from '../../generators/emit/api/api-schema.ts'
import { emitters } from '../../generators/emit/registry.ts'
import { patternCondition } from '../../generators/emit/sql/field-checks.ts'
import { managedSchema } from '../../generators/emit/sql/managed-objects.ts'
import { compileModels, emitFiles } from '../../generators/pipeline.ts'
import { FORMAT_PATTERNS } from '../../generators/language/language.ts'
import { toPostgresPattern, toPostgresRegex } from '../../generators/language/pg-regex.ts'
import { runPrismaOrThrow, sqlOnlyConfig } from '../../src/db/prisma-cli.ts'

const RandExp = RandExpModule as unknown as typeof RandExpModule.default
const root = join(import.meta.dirname, '..', '..')

function compile(yaml: string) {
  const dir = mkdtempSync(join(tmpdir(), 'pika-db-rules-'))
  mkdirSync(join(dir, 'models'))
  writeFileSync(join(dir, 'models', 'gym.yaml'), yaml)
  return compileModels(join(dir, 'models'), dir)
}

let db: PGlite
beforeAll(async () => {
  db = await PGlite.create()
})
afterAll(() => db?.close())

/** Strings near a pattern: samples it accepts, each with one character dropped, doubled or replaced. */
function samplesNear(source: string, count = 40): string[] {
  const generator = new RandExp(new RegExp(source, 'u'))
  generator.randInt = ((seed) => (a: number, b: number) => a + ((seed = (seed * 1103515245 + 12345) % 2147483648) % (b - a + 1)))(7)
  generator.max = 6
  const odd = ['😀', 'é', '\n', '\u2028', '٣', 'A', 'z', '-', ' ', '\u00a0', '_', '.']
  const out = new Set<string>(['', ...odd])
  for (let i = 0; i < count; i++) {
    const s = generator.gen()
    const at = i % Math.max(1, s.length)
    out.add(s)
    out.add(s.slice(0, at) + s.slice(at + 1))
    out.add(s.slice(0, at) + s[at] + s.slice(at))
    out.add(s.slice(0, at) + odd[i % odd.length] + s.slice(at + 1))
    out.add(`${s}\n`)
  }
  return [...out]
}

describe('patterns in PostgreSQL', () => {
  const platform = compileModels(join(root, 'models'), root).ir!
  const platformPatterns = platform.models.flatMap((m) => m.fields.flatMap((f) => (f.kind === 'stored' && f.constraints.pattern ? [f.constraints.pattern] : [])))
  const patterns = [...new Set([...platformPatterns, ...Object.values(FORMAT_PATTERNS).map((r) => r.source), 'a.b', '^\\w+\\s\\d$', '[^\\s]+', '^(ab|a)(c|bcd)$', '^[\\u0041-\\u005a]{2}$', 'x|^$', '^\\u{1F600}+$', '^x[^a]{2,4}é$', '^[a-c]{3,}-$', '^(a){2}$', '^a{2}b{3}$'])]

  it.each(patterns)('%s matches exactly the same strings as in JavaScript', async (source) => {
    const translated = toPostgresRegex(source)
    expect(translated, 'translatable').toBeDefined()
    const samples = samplesNear(source)
    const js = samples.map((s) => new RegExp(source, 'u').test(s))
    const { rows } = await db.query<{ m: boolean }>('SELECT s ~ $2 AS m FROM unnest($1::text[]) WITH ORDINALITY AS t(s, n) ORDER BY n', [samples, translated])
    expect(rows.map((r) => r.m)).toEqual(js)
    expect(js.filter(Boolean).length, 'the samples include matches').toBeGreaterThan(0)
    expect(js.filter((m) => !m).length, 'the samples include misses').toBeGreaterThan(0)
  })

  // The CHECK form, as the generator writes it into prisma/managed.sql: a counted repetition
  // becomes `*` plus a length test on the whole value; literals between runs of one negated class
  // become LIKE tests (`likeForm`). The edge cases are where a LIKE form could go wrong: the
  // empty string, the literals alone, a class run left empty, a literal or excluded character one
  // time too many, characters just outside the class (one byte, several bytes, above U+FFFF),
  // case, and LIKE's own wildcard and escape characters.
  const likePatterns = ['^[^%_\\\\]+%_[^%_\\\\]*\\\\$', '^[^a]a[^a]*é$', '^.*x$', '^[^\\s,]+,[^\\s,]*$']
  const likeEdges = ['', '@', '@.', 'a@', 'a@b', 'a@.b', 'a@b.', 'a@b.c', 'a@@b.c', 'a@b@c.d', 'a b@c.d', 'a@b.c\n', '\ta@b.c', 'a\u00a0@b.c', 'a@b.c\u3000', 'a@b.\ufeffc', 'A@B.C', 'é@ü.😀', 'a@b..c', '%@_.\\', 'x', 'é', 'aé', 'baé', 'bacé', 'baaé', 'ba😀é', 'bAé', 'x\n', '\u2028x', 'abx', '%_\\', 'a%_\\', 'a%_b\\', 'a%%_\\', 'a%__\\', 'a,', ',a', 'a,b', 'a,b,', 'a ,b', 'a\u2000,b']
  it.each([...patterns, ...likePatterns])('%s as a CHECK condition matches exactly the same strings as in JavaScript', async (source) => {
    const pattern = toPostgresPattern(source)!
    const samples = [...new Set([...samplesNear(source), ...likeEdges])]
    const js = samples.map((s) => new RegExp(source, 'u').test(s))
    const { rows } = await db.query<{ m: boolean }>(`SELECT ${patternCondition('s', pattern)} AS m FROM unnest($1::text[]) WITH ORDINALITY AS t(s, n) ORDER BY n`, [samples])
    expect(rows.map((r) => r.m)).toEqual(js)
  })

  it('writes literals between runs of one negated class as LIKE tests, and only those', () => {
    expect(toPostgresPattern(FORMAT_PATTERNS.email.source)!.like).toEqual({
      like: '_%@_%._%',
      notLike: ['%@%@%'],
      absent: '[\\u0009\\u000a\\u000b\\u000c\\u000d\\u0020\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]',
    })
    expect(toPostgresPattern('^[^%_\\\\]+%_[^%_\\\\]*\\\\$')!.like).toEqual({ like: '_%\\%\\_%\\\\', notLike: ['%\\%%\\%%', '%\\_%\\_%', '%\\\\%\\\\%'] })
    // Two different classes, a positive class, a counted or optional run, a group, no literal, no anchor.
    for (const source of ['^[^a]+@[^b]+$', '^[a-z]+@[a-z]+$', '^[^@]{2}@[^@]+$', '^[^@]?@[^@]+$', '^(?:[^@])+@x$', '^\\S+$', '[^@]+@[^@]+']) {
      expect(toPostgresPattern(source)!.like, source).toBeUndefined()
    }
  })

  it('writes a counted repetition as a length test where the rest of the pattern is one character per atom', () => {
    expect(toPostgresPattern('^c[a-z0-9]{24}$')).toEqual({ regex: '^c[a-z0-9]*$', length: { min: 25, max: 25 } })
    expect(toPostgresPattern('^\\+[1-9][0-9]{1,14}$')).toEqual({ regex: '^\\+[1-9][0-9]*$', length: { min: 3, max: 16 } })
    expect(toPostgresPattern('^[a-c]{3,}-$')).toEqual({ regex: '^[a-c]*\\-$', length: { min: 4 } })
    // Groups, two counted atoms and unanchored patterns keep the repetition.
    for (const source of ['^(a){2}$', '^a{2}b{3}$', 'c[a-z]{3}$', '^a{2}|b$']) expect(toPostgresPattern(source)!.length, source).toBeUndefined()
  })

  it.each(['(?=a)b', '(?<=a)b', '(a)\\1', '\\bword', 'a+?', 'a{256}', '\\p{L}', '[\\S]', '(?<name>a)'])('%s stays API-only', (source) => {
    expect(toPostgresRegex(source)).toBeUndefined()
  })

  it('warns (PIKA408) when a model pattern stays API-only, and lists it in prisma/managed.sql', () => {
    const result = compile(`models:\n  Gym:\n    fields:\n      id: { type: String, id: true, default: cuid() }\n      code: { type: String, pattern: "^(?!x)[a-z]+$" }\n`)
    expect(result.diagnostics.map((d) => `${d.severity} ${d.code} ${d.location.line}:${d.location.column}`)).toEqual(['warning PIKA408 5:38'])
    expect(result.ir).toBeDefined()
    const managed = emitFiles(result.ir!, emitters).find((f) => f.path === 'prisma/managed.sql')!.content
    expect(managed).toContain('-- API only: Gym.code pattern:')
    expect(managed).not.toContain('ck_Gym_code_pattern')
  })
})

describe('native type limits', () => {
  const result = compile(`models:
  Gym:
    fields:
      id: { type: String, id: true, default: uuid(), db: Uuid }
      code: { type: String, db: VarChar(10) }
      seats: { type: Int, db: SmallInt }
      price: { type: Decimal, db: "Decimal(10,2)", min: 0 }
      tags: { type: String, list: true, minItems: 1, maxItems: 5 }
      rooms: { type: Room, list: true }
  Room:
    fields:
      id: { type: String, id: true, default: cuid() }
      gym: { type: Gym, relation: { fields: [gymId], references: [id] } }
      gymId: { type: String }
`)

  it('become API rules where the model states none', () => {
    expect(result.diagnostics).toEqual([])
    const gym = modelObjects(result.ir!.models.find((m) => m.name === 'Gym')!)[1]!
    const type = (name: string) => gym.properties.find((p) => p.name === name)!.type
    expect(type('code')).toMatchObject({ kind: 'string', maxLength: 10 })
    expect(type('seats')).toMatchObject({ kind: 'integer', minimum: -32768, maximum: 32767 })
    expect(type('price')).toMatchObject({ kind: 'number', minimum: 0, maximum: 99999999.99, multipleOf: 0.01 })
    expect(type('tags')).toMatchObject({ kind: 'array', minItems: 1, maxItems: 5 })
  })

  it('reject a decimal with more places than the scale instead of letting the column round it', async () => {
    const files = emitFiles(result.ir!, emitters)
    const zodSource = files.find((f) => f.path === 'generated/zod/gym.ts')!.content
    expect(zodSource).toContain('price: decimal(z.number().min(0).max(99999999.99).multipleOf(0.01))')
    const { z } = await import('zod')
    const price = z.number().min(0).max(99999999.99).multipleOf(0.01)
    expect([65.13, 65.129, 1e8, 0.07].map((v) => price.safeParse(v).success)).toEqual([true, false, false, true])
  })

  it('give a foreign key the native type and format of the key it references', () => {
    const room = result.ir!.models.find((m) => m.name === 'Room')!
    const gymId = room.fields.find((f) => f.name === 'gymId')!
    expect(gymId).toMatchObject({ nativeType: { name: 'Uuid', args: [] } })
    const schema = emitFiles(result.ir!, emitters).find((f) => f.path === 'prisma/schema.prisma')!.content
    expect(schema).toMatch(/gymId\s+String\s+@db\.Uuid/)
  })

  it('hold lists to their item counts in the database, and add no check the column type already makes', () => {
    const checks = managedSchema(result.ir!).objects.filter((o) => o.kind === 'check').map((o) => (o.kind === 'check' ? `${o.name}: ${o.expression}` : ''))
    expect(checks).toEqual(['ck_Gym_price_min: "price" >= 0', 'ck_Gym_tags_not_null: "tags" IS NOT NULL', 'ck_Gym_tags_min_items: cardinality("tags") >= 1', 'ck_Gym_tags_max_items: cardinality("tags") <= 5'])
  })
})

describe('list columns', () => {
  const result = compile(`enums:
  Colour:
    values: [RED, GREEN]
models:
  Gym:
    fields:
      id: { type: String, id: true }
      tags: { type: String, list: true }
      colours: { type: Colour, list: true }
      notes: { type: Json, list: true }
      floors: { type: Int, list: true, optional: true }
`)

  it('are arrays wherever the read schema says array: a required list starts empty and the database refuses NULL; an optional one may be NULL', async () => {
    expect(result.diagnostics).toEqual([])
    const files = new Map(emitFiles(result.ir!, emitters).map((f) => [f.path, f.content]))
    const schema = files.get('prisma/schema.prisma')!
    expect(schema).toMatch(/tags +String\[\] +@default\(\[\]\)/)
    expect(schema).toMatch(/floors +Int\[\]\n/)
    expect(files.get('generated/zod/gym.ts')).toMatch(/GymSchema = readSchema\(z\.object\(\{[^}]*tags: z\.array\(z\.string\(\)\),[^}]*floors: z\.array\(z\.int32\(\)\)\.nullable\(\),/)

    // The tables as Prisma's own migration creates them, plus the managed checks.
    const dir = mkdtempSync(join(tmpdir(), 'pika-lists-'))
    writeFileSync(join(dir, 'schema.prisma'), schema)
    const sql = await runPrismaOrThrow(['migrate', 'diff', '--from-empty', '--to-schema-datamodel', join(dir, 'schema.prisma'), '--script'], sqlOnlyConfig())
    const lists = await PGlite.create()
    try {
      await lists.exec(sql + files.get('prisma/managed.sql')!)
      await lists.query(`INSERT INTO "Gym" (id) VALUES ('left-out')`)
      expect((await lists.query(`SELECT tags, colours::text[] AS colours, notes, floors FROM "Gym"`)).rows).toEqual([{ tags: [], colours: [], notes: [], floors: null }])
      for (const column of ['tags', 'colours', 'notes']) {
        await expect(lists.query(`INSERT INTO "Gym" (id, ${column}) VALUES ('null-${column}', NULL)`)).rejects.toThrow(`violates check constraint "ck_Gym_${column}_not_null"`)
      }
    } finally {
      await lists.close()
    }
  }, 60_000)
})
