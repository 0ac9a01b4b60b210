import type { Ir } from '../../ir/types.ts'
import { formatPattern, modelObjects, shapeObject, statedIntegerBounds, type ApiObject, type ApiProperty, type WireType } from '../api/api-schema.ts'
import { allDomains, generatedNotice, type Emitter } from '../emitter.ts'
import { derivedFromIr } from '../../ir/lookup.ts'
import { toYaml } from './to-yaml.ts'

export const OPENAPI_PATH = 'generated/openapi/openapi.yaml'

/** A JSON Schema object as OpenAPI 3.1 uses it; keys are written in the order built. */
type SchemaObject = { readonly [key: string]: unknown }

/** OpenAPI's names for the language's formats, where they differ. */
const OPENAPI_FORMATS: Readonly<Record<string, string>> = { url: 'uri' }

/**
 * An OpenAPI 3.1 document whose `components.schemas` holds, for every model, the read, create and
 * update schemas, plus every enum and shape. YAML, so the first line can say it is generated.
 */
export const openApiEmitter: Emitter = {
  name: 'openapi',
  owns: ['generated/openapi/'],
  emit: (ir) => [{ path: OPENAPI_PATH, content: `# ${generatedNotice(ir, allDomains(ir))}\n${toYaml(buildDocument(ir))}` }],
}

export function buildDocument(ir: Ir): SchemaObject {
  const schemas: [string, SchemaObject][] = [
    ...ir.enums.map((e): [string, SchemaObject] => [e.name, { type: 'string', enum: e.values.map((v) => v.name), ...described(e.description), ...(e.deprecated ? { deprecated: true } : {}) }]),
    ...ir.shapes.map((s): [string, SchemaObject] => [s.name, objectSchema(shapeObject(s))]),
    ...ir.models.flatMap((m) => modelObjects(m).map((o): [string, SchemaObject] => [o.name, objectSchema(o)])),
  ]
  schemas.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return {
    openapi: '3.1.0',
    info: { title: ir.settings.openapi.title, version: ir.settings.openapi.version, description: ir.settings.openapi.description },
    components: { schemas: Object.fromEntries(schemas) },
  }
}

function objectSchema(object: ApiObject): SchemaObject {
  const required = object.properties.filter((p) => p.required).map((p) => p.name)
  return {
    type: 'object',
    ...described(object.description),
    ...(object.deprecated ? { deprecated: true } : {}),
    properties: Object.fromEntries(object.properties.map((p) => [p.name, propertySchema(p)])),
    ...(required.length ? { required } : {}),
    ...(object.strict ? { additionalProperties: false } : {}),
    // JSON Schema cannot compare two properties: the model's checks travel as an extension.
    ...(object.checks ? { 'x-pika-checks': object.checks.map((c) => ({ name: c.name, rule: c.rule, ...described(c.description) })) } : {}),
  }
}

function propertySchema(p: ApiProperty): SchemaObject {
  const type = nullable(wireSchemaOf(p.type), p.nullable)
  return {
    ...type,
    ...described(p.description),
    ...(p.deprecated ? { deprecated: true } : {}),
    ...(p.default !== undefined ? { default: p.default } : {}),
    ...(p.example !== undefined ? { examples: [p.example] } : {}),
    ...(p.readOnly ? { readOnly: true } : {}),
    ...(p.writeOnly ? { writeOnly: true } : {}),
  }
}

/** One schema object per wire type (shared by a field's variants; the document is only printed). */
const wireSchemaOf = derivedFromIr(wireSchema)

function wireSchema(type: WireType): SchemaObject {
  switch (type.kind) {
    case 'string': {
      const lengths = { ...(type.minLength !== undefined ? { minLength: type.minLength } : {}), ...(type.maxLength !== undefined ? { maxLength: type.maxLength } : {}) }
      // A format's pattern and the field's own pattern must both hold; JSON Schema has one `pattern` key.
      const patterns = [...(type.format ? [formatPattern(type.format)] : []), ...(type.pattern !== undefined ? [type.pattern] : [])]
      return {
        type: 'string',
        ...(type.format ? { format: OPENAPI_FORMATS[type.format] ?? type.format } : {}),
        ...(type.encoding ? { contentEncoding: type.encoding } : {}),
        ...lengths,
        ...(patterns.length === 1 ? { pattern: patterns[0] } : {}),
        ...(patterns.length > 1 ? { allOf: patterns.map((pattern) => ({ pattern })) } : {}),
      }
    }
    case 'integer':
      return {
        type: 'integer',
        format: type.bits === 32 ? 'int32' : 'int64',
        ...statedIntegerBounds(type),
      }
    case 'number':
      return {
        type: 'number',
        ...(type.minimum !== undefined ? { minimum: type.minimum } : {}),
        ...(type.maximum !== undefined ? { maximum: type.maximum } : {}),
        ...(type.multipleOf !== undefined ? { multipleOf: type.multipleOf } : {}),
      }
    case 'boolean':
      return { type: 'boolean' }
    case 'json':
      return {}
    case 'ref':
      return { $ref: `#/components/schemas/${type.name}` }
    case 'array':
      return { type: 'array', items: wireSchema(type.items), ...(type.minItems !== undefined ? { minItems: type.minItems } : {}), ...(type.maxItems !== undefined ? { maxItems: type.maxItems } : {}) }
  }
}

/** `null` joins the type list, or an `anyOf` for references; any-JSON already admits null. */
function nullable(schema: SchemaObject, isNullable: boolean): SchemaObject {
  if (!isNullable || Object.keys(schema).length === 0) return schema
  if ('$ref' in schema) return { anyOf: [schema, { type: 'null' }] }
  return { ...schema, type: [schema.type, 'null'] }
}

const described = (description: string | undefined) => (description ? { description } : {})
