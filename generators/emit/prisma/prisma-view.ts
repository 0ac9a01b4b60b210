import { LINE_BREAK } from '../../inert-text.ts'
import { isStoredField, isRelationField, type IrDefault, type IrEnum, type IrField, type IrIndex, type IrModel, type Ir } from '../../ir/types.ts'

/** What the Prisma template prints: every line already rendered; the template only loops. */
export interface PrismaView {
  readonly notice: string
  readonly generatorLines: readonly string[]
  readonly datasourceLines: readonly string[]
  readonly enums: readonly { readonly name: string; readonly docLines: readonly string[]; readonly values: readonly { readonly name: string; readonly docLines: readonly string[] }[] }[]
  readonly models: readonly { readonly name: string; readonly docLines: readonly string[]; readonly fields: readonly { readonly docLines: readonly string[]; readonly line: string }[]; readonly blockAttributes: readonly string[] }[]
}

export function buildPrismaView(ir: Ir, notice: string): PrismaView {
  return {
    notice,
    ...settingLines(ir.extensions),
    enums: databaseEnums(ir).map((e) => ({ name: e.name, docLines: docLines(e.description, e.deprecated), values: enumValues(e) })),
    models: ir.models.map((m) => ({ name: m.name, docLines: docLines(m.description, m.deprecated), fields: fieldLines(m), blockAttributes: blockAttributes(m) })),
  }
}

/**
 * The generator and datasource settings, `=` aligned as `prisma format` does. Extensions need
 * Prisma's postgresqlExtensions preview feature; migrations then create them.
 */
function settingLines(extensions: readonly string[]): Pick<PrismaView, 'generatorLines' | 'datasourceLines'> {
  const aligned = (settings: [string, string][]) => {
    const width = Math.max(...settings.map(([key]) => key.length))
    return settings.map(([key, value]) => `${key.padEnd(width)} = ${value}`)
  }
  const generator: [string, string][] = [['provider', '"prisma-client"'], ['output', '"../src/generated/prisma"'], ['engineType', '"client"']]
  const datasource: [string, string][] = [['provider', '"postgresql"'], ['url', 'env("DATABASE_URL")']]
  if (extensions.length > 0) {
    generator.push(['previewFeatures', '["postgresqlExtensions"]'])
    datasource.push(['extensions', `[${extensions.join(', ')}]`])
  }
  return { generatorLines: aligned(generator), datasourceLines: aligned(datasource) }
}

/**
 * Enums except those used only inside Json shapes: such an enum is checked by zod inside the Json
 * value and never stored as itself, so it would become a database type no column uses. (An enum
 * used nowhere yet stays: it is declared for the database.)
 */
function databaseEnums(ir: Ir): IrEnum[] {
  const inColumns = new Set(ir.models.flatMap((m) => m.fields.flatMap((f) => (isStoredField(f) && f.type.kind === 'enum' ? [f.type.enum] : []))))
  const inShapes = new Set(ir.shapes.flatMap((s) => s.fields.flatMap((f) => (f.type.kind === 'enum' ? [f.type.enum] : []))))
  return ir.enums.filter((e) => inColumns.has(e.name) || !inShapes.has(e.name))
}

const enumValues = (e: IrEnum) => e.values.map((v) => ({ name: v.name, docLines: docLines(v.description, false) }))

/**
 * `///` doc comments: one per line of the description, so no text can end the comment early. Split
 * at every line terminator: Prisma's grammar ends a line at a lone CR too. Prisma copies them into
 * `/** … *\/` blocks of the client it generates, where a `*\/` in the text would end the block and
 * break the client's TypeScript, so it is written `*\\/` as in the zod files.
 */
function docLines(description: string | undefined, deprecated: boolean | undefined): string[] {
  const lines = description === undefined ? [] : description.trimEnd().replaceAll('*/', '*\\/').split(LINE_BREAK).map((l) => l.trimEnd())
  return deprecated ? [...lines, '@deprecated'] : lines
}

/** Columns aligned the way `prisma format` aligns them: name, type, then attributes. */
function fieldLines(model: IrModel): { docLines: string[]; line: string }[] {
  const rows = model.fields.map((field) => ({ field, name: field.name, type: fieldType(field), attributes: fieldAttributes(field, model).join(' ') }))
  const nameWidth = Math.max(...rows.map((r) => r.name.length))
  const typeWidth = Math.max(...rows.map((r) => r.type.length))
  return rows.map(({ field, name, type, attributes }) => ({
    docLines: docLines(field.description, field.deprecated),
    line: attributes ? `${name.padEnd(nameWidth)} ${type.padEnd(typeWidth)} ${attributes}` : `${name.padEnd(nameWidth)} ${type}`,
  }))
}

function fieldType(field: IrField): string {
  const base = isRelationField(field) ? field.target : field.type.kind === 'enum' ? field.type.enum : field.type.scalar
  return `${base}${field.list ? '[]' : field.optional ? '?' : ''}`
}

function fieldAttributes(field: IrField, model: IrModel): string[] {
  if (isRelationField(field)) {
    const args = [
      ...(field.relationName ? [JSON.stringify(field.relationName)] : []),
      ...(field.side === 'owner'
        ? [
            `fields: [${field.fields.join(', ')}]`,
            `references: [${field.references.join(', ')}]`,
            ...(field.onDelete ? [`onDelete: ${field.onDelete}`] : []),
            ...(field.onUpdate ? [`onUpdate: ${field.onUpdate}`] : []),
          ]
        : []),
    ]
    return args.length ? [`@relation(${args.join(', ')})`] : []
  }
  const attributes: string[] = []
  // In the order `prisma format` writes them: @id, @unique, @default, @updatedAt, @map, @db.
  if (field.id && !model.primaryKey.compound) attributes.push('@id')
  if (field.unique) attributes.push('@unique')
  if (field.default) attributes.push(`@default(${defaultValue(field.default, field.type.kind === 'enum' ? 'enum' : field.type.scalar, field.list)})`)
  if (field.updatedAt) attributes.push('@updatedAt')
  if (field.column !== field.name) attributes.push(`@map(${JSON.stringify(field.column)})`)
  if (field.nativeType) attributes.push(`@db.${field.nativeType.name}${field.nativeType.args.length ? `(${field.nativeType.args.join(', ')})` : ''}`)
  return attributes
}

/**
 * A default as Prisma writes it: enum values bare, BigInt digits bare even when the model gives
 * them as a string (a YAML number would lose digits past 2^53, Prisma wants a number), a Json value
 * as a string of JSON, and a Json list as a list of such strings (`@default([])`).
 */
function defaultValue(value: IrDefault, type: string, list: boolean): string {
  if (value.kind === 'function') return `${value.function}()`
  const literal = (v: unknown): string =>
    type === 'enum' || (type === 'BigInt' && typeof v === 'string') ? String(v) : type === 'Json' ? JSON.stringify(JSON.stringify(v)) : typeof v === 'string' ? JSON.stringify(v) : String(v)
  return list && Array.isArray(value.value) ? `[${value.value.map(literal).join(', ')}]` : literal(value.value)
}

function blockAttributes(model: IrModel): string[] {
  const list = (index: IrIndex) => `[${index.fields.join(', ')}]`
  const named = (index: IrIndex) => (index.name ? `, map: ${JSON.stringify(index.name)}` : '')
  return [
    ...(model.primaryKey.compound ? [`@@id(${list(model.primaryKey)}${named(model.primaryKey)})`] : []),
    ...model.uniques.map((u) => `@@unique(${list(u)}${named(u)})`),
    ...model.indexes.map((i) => `@@index(${list(i)}${named(i)})`),
    ...(model.table !== model.name ? [`@@map(${JSON.stringify(model.table)})`] : []),
  ]
}
