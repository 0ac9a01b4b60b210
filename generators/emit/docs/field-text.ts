import type { IrConstraints, IrDefault, IrModel, IrStoredField, IrValueType } from '../../ir/types.ts'
import { code, link } from './markdown-text.ts'

/** Headings of the catalog, in one place so links and headings agree. */
export const heading = {
  domain: (name: string) => `Domain: ${name}`,
  model: (name: string) => `Model: ${name}`,
  enum: (name: string) => `Enum: ${name}`,
  shape: (name: string) => `Shape: ${name}`,
}

/** `String`, `String[]`, `String?`; enums and shapes link to their sections. */
export function typeText(type: IrValueType, list: boolean, optional: boolean): string {
  const base = type.kind === 'enum' ? link(type.enum, heading.enum(type.enum)) : type.shape ? `${type.scalar} (${link(type.shape, heading.shape(type.shape))})` : type.scalar
  return `${base}${list ? '[]' : optional ? '?' : ''}`
}

/** The constraints with the keywords of the model language, so a reviewer can find them in the YAML. */
export function constraintsText(c: IrConstraints): string {
  const parts = [
    c.min !== undefined && `min ${c.min}`,
    c.max !== undefined && `max ${c.max}`,
    c.length !== undefined && `length ${c.length}`,
    c.minLength !== undefined && `minLength ${c.minLength}`,
    c.maxLength !== undefined && `maxLength ${c.maxLength}`,
    c.format !== undefined && `format ${c.format}`,
    c.pattern !== undefined && `pattern ${code(c.pattern)}`,
  ]
  return parts.filter((p): p is string => typeof p === 'string').join(', ')
}

/** Functions as `now()`, enum values bare, other values as JSON (so a string default shows its quotes). */
export function defaultText(value: IrDefault | undefined, isEnum: boolean): string {
  if (value === undefined) return ''
  if (value.kind === 'function') return code(`${value.function}()`)
  if (isEnum) return code(Array.isArray(value.value) ? `[${value.value.join(', ')}]` : String(value.value))
  return code(JSON.stringify(value.value))
}

/** What else is true of a column: keys, who sets it, where it is stored, where it came from. */
export function attributesText(field: IrStoredField, model: IrModel): string {
  const parts = [
    (field.id || (model.primaryKey.compound && model.primaryKey.fields.includes(field.name))) && 'id',
    field.unique && 'unique',
    field.foreignKey && 'foreign key',
    field.updatedAt && 'updatedAt',
    field.readOnly && 'readOnly',
    field.writeOnly && 'writeOnly',
    field.private && 'private',
    field.column !== field.name && `column ${code(field.column)}`,
    field.nativeType && `db ${code(nativeTypeText(field.nativeType))}`,
    field.mixin && `from ${code(field.mixin)}`,
    field.renamedFrom && `renamed from ${code(field.renamedFrom)}`,
  ]
  return parts.filter((p): p is string => typeof p === 'string').join(', ')
}

const nativeTypeText = (t: { readonly name: string; readonly args: readonly number[] }) => (t.args.length ? `${t.name}(${t.args.join(', ')})` : t.name)
