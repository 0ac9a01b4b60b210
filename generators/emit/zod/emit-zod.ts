import { IndentationText, Project, QuoteKind, type CodeBlockWriter, type SourceFile } from 'ts-morph'
import type { IrEnum, Ir } from '../../ir/types.ts'
import { apiDomain, type ApiObject } from '../api/api-schema.ts'
import { generatedNotice, type EmittedFile, type Emitter } from '../emitter.ts'
import { needsGetter, tsString, writeZodObject, type RefPolicy } from './zod-expression.ts'
import { formatsModuleBody } from './zod-formats.ts'

const OUT_DIR = 'generated/zod'

/**
 * zod v4 schemas, one module per model file plus `formats.ts` and an `index.ts`, written through
 * ts-morph as structures (imports, exported consts, type aliases) so the printer owns syntax and
 * layout. References to enums and shapes of other modules, and to shapes at all, are read through
 * getters: modules may import each other in a cycle, and a getter defers the read until parse time.
 */
export const zodEmitter: Emitter = {
  name: 'zod',
  owns: [`${OUT_DIR}/`],
  emit(ir) {
    const project = new Project({
      useInMemoryFileSystem: true,
      manipulationSettings: { indentationText: IndentationText.TwoSpaces, quoteKind: QuoteKind.Single, useTrailingCommas: true },
    })
    const files: EmittedFile[] = ir.domains.map((domain) => ({ path: `${OUT_DIR}/${domain.name}.ts`, content: domainModule(project, ir, domain.name) }))
    const notice = `// ${generatedNotice(ir, ir.domains.map((d) => d.name))}\n\n`
    files.push({ path: `${OUT_DIR}/formats.ts`, content: notice + formatsModuleBody() })
    const exports = ir.domains.map((d) => `export * from './${d.name}.ts'`).join('\n')
    files.push({ path: `${OUT_DIR}/index.ts`, content: `${notice}export * from './formats.ts'\n${exports}\n` })
    return files
  },
}

function domainModule(project: Project, ir: Ir, domain: string): string {
  const api = apiDomain(ir, domain)
  // Only schemas this module has already declared are read directly; all others through getters.
  const declared = new Set(api.enums.map((e) => e.name))
  const refs: RefPolicy = { isLocal: (name) => declared.has(name) }
  const objects: ApiObject[] = [...api.shapes, ...api.models.flatMap(([, objects]) => objects)]
  const file = project.createSourceFile(`${domain}.ts`, '', { overwrite: true })
  addImports(file, ir, domain, objects)
  for (const e of api.enums) addEnum(file, e)
  for (const object of objects) {
    addObject(file, object, refs)
    declared.add(object.name)
  }
  // Statements written through writers bring their own separating blank line; keep exactly one.
  // Safe for user text: it only ever appears inside single-line string literals and ` * ` doc lines.
  return `// ${generatedNotice(ir, [domain])}\n\n${file.getFullText().replace(/\n{3,}/g, '\n\n')}`
}

function addImports(file: SourceFile, ir: Ir, domain: string, objects: readonly ApiObject[]): void {
  file.addImportDeclaration({ moduleSpecifier: 'zod', namedImports: ['z'] })
  const referenced = new Set<string>()
  const visit = (type: ApiObject['properties'][number]['type']): void => {
    if (type.kind === 'array') visit(type.items)
    if (type.kind === 'ref') referenced.add(type.name)
    if (type.kind === 'string' && type.format) referenced.add('#formats')
  }
  for (const object of objects) for (const p of object.properties) visit(p.type)
  if (referenced.has('#formats')) file.addImportDeclaration({ moduleSpecifier: './formats.ts', namedImports: ['formats'] })
  const byDomain = new Map<string, string[]>()
  for (const decl of [...ir.enums, ...ir.shapes]) {
    if (decl.domain === domain || !referenced.has(decl.name)) continue
    byDomain.set(decl.domain, [...(byDomain.get(decl.domain) ?? []), `${decl.name}Schema`])
  }
  for (const [other, names] of [...byDomain].sort(([a], [b]) => (a < b ? -1 : 1))) {
    file.addImportDeclaration({ moduleSpecifier: `./${other}.ts`, namedImports: names.sort() })
  }
}

function addEnum(file: SourceFile, e: IrEnum): void {
  const values = e.values.map((v) => tsString(v.name)).join(', ')
  const describe = e.description ? `.describe(${tsString(e.description)})` : ''
  addConst(file, e.description, `${e.name}Schema`, (w) => w.write(`z.enum([${values}])${describe}`))
  addConst(file, e.description, e.name, (w) => w.inlineBlock(() => e.values.forEach((v) => w.writeLine(`${v.name}: ${tsString(v.name)},`))).write(' as const'))
  file.addTypeAlias({ isExported: true, name: e.name, type: `z.infer<typeof ${e.name}Schema>` })
}

function addObject(file: SourceFile, object: ApiObject, refs: RefPolicy): void {
  const recursive = object.properties.some((p) => needsGetter(p.type, refs) && p.type.kind === 'ref' && p.type.name === object.name)
  addConst(file, object.description, `${object.name}Schema${recursive ? ': z.ZodType' : ''}`, (w) => writeZodObject(w, object, refs))
  file.addTypeAlias({ isExported: true, name: object.name, type: `z.infer<typeof ${object.name}Schema>` })
}

/**
 * `export const name = …;` written as one statement, so the writer's block indentation applies
 * (ts-morph's variable-declaration structure hangs multi-line initializers by an extra level).
 */
function addConst(file: SourceFile, description: string | undefined, name: string, initializer: (writer: CodeBlockWriter) => void): void {
  file.addStatements((w) => {
    w.blankLineIfLastNot()
    for (const line of jsDoc(description)) w.writeLine(line)
    w.write(`export const ${name} = `)
    initializer(w)
    w.write(';')
  })
}

/** A JSDoc block from a description; `*\/` is broken up so a description cannot end the comment. */
function jsDoc(description: string | undefined): string[] {
  if (!description) return []
  const lines = description.trim().replaceAll('*/', '*\\/').split(/\r?\n/)
  return lines.length === 1 ? [`/** ${lines[0]} */`] : ['/**', ...lines.map((l) => ` *${l ? ` ${l}` : ''}`), ' */']
}
