import type { IrEnum, Ir } from '../../ir/types.ts'
import { derivedFromIr, findCycle } from '../../ir/lookup.ts'
import { LINE_BREAK } from '../../inert-text.ts'
import { apiDomain, domainObjects, type ApiDomain, type ApiObject, type WireType } from '../api/api-schema.ts'
import { allDomains, generatedNotice, type EmittedFile, type Emitter } from '../emitter.ts'
import { tsString, zodObjectLines, type RefPolicy } from './zod-expression.ts'
import { CLIENT_OMIT_MODULE, clientOmitModuleBody } from './client-omit.ts'
import { codecNames, codecsModuleBody, CODECS_MODULE, READ_SCHEMA } from './zod-codecs.ts'
import { formatsModuleBody, zodFormatSchemas } from './zod-formats.ts'

const OUT_DIR = 'generated/zod'

/**
 * zod v4 schemas, one module per model file plus `formats.ts` and an `index.ts`. The modules are
 * printed as lines of text: the layout is fixed and simple (two-space indents, one property per
 * line), and printing needs no syntax tree. ts-morph, which the first version printed through,
 * loads the TypeScript compiler (0.25 s of every run) and its code writer scans every character it
 * writes (0.3 s of a 1,000-model run); tests/api/zod-exports.test.ts reads the modules back with
 * ts-morph. References to enums and shapes of other modules, and to shapes declared later, are
 * read through getters: modules may import each other in a cycle, and a getter defers the read
 * until parse time.
 */
export const zodEmitter: Emitter = {
  name: 'zod',
  owns: [`${OUT_DIR}/`],
  emit(ir) {
    const files: EmittedFile[] = ir.domains.map((domain) => ({
      path: `${OUT_DIR}/${domain.name}.ts`,
      content: `// ${generatedNotice(ir, [domain.name])}\n\n${domainModule(ir, domain.name, apiDomain(ir, domain.name))}`,
    }))
    const notice = `// ${generatedNotice(ir, allDomains(ir))}\n\n`
    files.push({ path: `${OUT_DIR}/formats.ts`, content: notice + formatsModuleBody() })
    files.push({ path: `${OUT_DIR}/${CODECS_MODULE}.ts`, content: notice + codecsModuleBody() })
    files.push({ path: `${OUT_DIR}/${CLIENT_OMIT_MODULE}.ts`, content: notice + clientOmitModuleBody(ir) })
    const exports = ir.domains.map((d) => `export * from './${d.name}.ts'`).join('\n')
    files.push({ path: `${OUT_DIR}/index.ts`, content: `${notice}export * from './formats.ts'\nexport * from './${CODECS_MODULE}.ts'\n${exports}\n` })
    return files
  },
}

/** The module text after the notice line. */
function domainModule(ir: Ir, domain: string, api: ApiDomain): string {
  // Only schemas this module has already declared are read directly; all others through getters.
  const declared = new Set(api.enums.map((e) => e.name))
  const refs: RefPolicy = { isLocal: (name) => declared.has(name) }
  const lines: string[] = []
  for (const e of api.enums) lines.push(...enumDeclarations(e), ...typeAlias(e.name, false, e.deprecated))
  const recursive = recursiveShapes(ir)
  for (const object of domainObjects(api)) {
    if (object.variant === 'shape' && recursive.has(object.name)) {
      // TypeScript cannot infer a type that refers to itself: the interface states it, and the
      // schema is checked against it (a schema that drifts from its interface fails to compile).
      lines.push(...constDeclaration(object.description, `${object.name}Schema: z.ZodType<${object.name}, ${object.name}>`, zodObjectLines(object, refs), object.deprecated), ...shapeInterface(object))
    } else {
      lines.push(...constDeclaration(object.description, `${object.name}Schema`, fastWhenRead(object, zodObjectLines(object, refs)), object.deprecated), ...typeAlias(object.name, object.variant === 'read', object.deprecated))
    }
    declared.add(object.name)
  }
  const codecs = codecNames(lines)
  const importLines = [...imports(ir, domain, api), ...(codecs.length ? [{ moduleSpecifier: `./${CODECS_MODULE}.ts`, namedImports: codecs }] : [])]
    .map(({ moduleSpecifier, namedImports }) => `import { ${namedImports.join(', ')} } from ${tsString(moduleSpecifier)};`)
  return `${[...importLines, ...lines].join('\n')}\n`
}

/** A read schema's lines wrapped in `readSchema(…)` (zod-codecs.ts); shapes stay zod's plain walk. */
function fastWhenRead(object: ApiObject, lines: string[]): string[] {
  if (object.variant !== 'read') return lines
  return [`${READ_SCHEMA}(${lines[0]}`, ...lines.slice(1, -1), `${lines.at(-1)})`]
}

/**
 * Kept one blank line apart from the schema it infers, as a person would write it. `X` is the
 * client's form (what `parse`/`decode` give); a read schema's JSON form is `XJson` (what `encode` gives).
 */
function typeAlias(name: string, withJson = false, deprecated?: boolean): string[] {
  const mark = deprecated ? ['/** @deprecated */'] : []
  return ['', ...mark, `export type ${name} = z.infer<typeof ${name}Schema>;`, ...(withJson ? [...mark, `export type ${name}Json = z.input<typeof ${name}Schema>;`] : [])]
}

/**
 * Shapes that contain themselves, directly or through other shapes. Their zod schemas read each
 * other through getters at parse time; their types are written out as interfaces.
 */
const recursiveShapes = derivedFromIr((ir: Ir): ReadonlySet<string> => {
  const nested = new Map(ir.shapes.map((s) => [s.name, s.fields.flatMap((f) => (f.type.kind === 'scalar' && f.type.shape ? [f.type.shape] : []))]))
  return new Set([...nested.keys()].filter((name) => findCycle(name, (n) => nested.get(n) ?? [])))
})

/** `export interface Name { … }`: a shape's type as its zod schema parses it (shapes hold JSON values, no codecs). */
function shapeInterface(object: ApiObject): string[] {
  const properties = object.properties.map((p) => {
    const key = /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(p.name) ? p.name : tsString(p.name)
    return `  ${key}${p.required ? '' : '?'}: ${tsType(p.type)}${p.nullable ? ' | null' : ''};`
  })
  return ['', ...jsDoc(object.description, object.deprecated), `export interface ${object.name} {`, ...properties, '}']
}

function tsType(type: WireType): string {
  switch (type.kind) {
    case 'string':
      return 'string'
    case 'integer':
    case 'number':
      return 'number'
    case 'boolean':
      return 'boolean'
    case 'json':
      return 'z.output<ReturnType<typeof anyJson>>'
    case 'ref':
      return `z.output<typeof ${type.name}Schema>`
    case 'array':
      return `Array<${tsType(type.items)}>`
  }
}

interface ImportSpec {
  readonly moduleSpecifier: string
  readonly namedImports: readonly string[]
}

/** What a domain module imports: zod, the shared formats, and schemas of other model files. */
function imports(ir: Ir, domain: string, api: ApiDomain): ImportSpec[] {
  const objects = domainObjects(api)
  const declarations: ImportSpec[] = [{ moduleSpecifier: 'zod', namedImports: ['z'] }]
  const referenced = new Set<string>()
  const visit = (type: ApiObject['properties'][number]['type']): void => {
    if (type.kind === 'array') visit(type.items)
    if (type.kind === 'ref') referenced.add(type.name)
    if (type.kind === 'string' && type.format && !zodFormatSchemas[type.format]) referenced.add('#formats')
  }
  for (const object of objects) for (const p of object.properties) visit(p.type)
  if (referenced.has('#formats')) declarations.push({ moduleSpecifier: './formats.ts', namedImports: ['formats'] })
  const byDomain = new Map<string, string[]>()
  for (const decl of [...ir.enums, ...ir.shapes]) {
    if (decl.domain === domain || !referenced.has(decl.name)) continue
    byDomain.set(decl.domain, [...(byDomain.get(decl.domain) ?? []), `${decl.name}Schema`])
  }
  for (const [other, names] of [...byDomain].sort(([a], [b]) => (a < b ? -1 : 1))) declarations.push({ moduleSpecifier: `./${other}.ts`, namedImports: names.sort() })
  return declarations
}

function enumDeclarations(e: IrEnum): string[] {
  const values = e.values.map((v) => tsString(v.name)).join(', ')
  const describe = e.description ? `.describe(${tsString(e.description)})` : ''
  return [
    ...constDeclaration(e.description, `${e.name}Schema`, [`z.enum([${values}])${describe}`], e.deprecated),
    ...constDeclaration(e.description, e.name, ['{', ...e.values.map((v) => `  ${v.name}: ${tsString(v.name)},`), '} as const'], e.deprecated),
  ]
}

/** `export const name = …;` after a blank line, with the description as JSDoc. */
function constDeclaration(description: string | undefined, name: string, initializer: readonly string[], deprecated?: boolean): string[] {
  const lines = ['', ...jsDoc(description, deprecated), `export const ${name} = ${initializer[0]}`, ...initializer.slice(1)]
  lines[lines.length - 1] += ';'
  return lines
}

/**
 * A JSDoc block from a description; `*\/` is broken up so a description cannot end the comment.
 * `@deprecated` last, so editors strike the name through.
 */
function jsDoc(description: string | undefined, deprecated?: boolean): string[] {
  if (!description && !deprecated) return []
  const lines = [...(description ? description.trim().replaceAll('*/', '*\\/').split(LINE_BREAK) : []), ...(deprecated ? ['@deprecated'] : [])]
  return lines.length === 1 ? [`/** ${lines[0]} */`] : ['/**', ...lines.map((l) => ` *${l ? ` ${l}` : ''}`), ' */']
}
