import { createRequire } from 'node:module'
import type { CodeBlockWriter, Project } from 'ts-morph'
import type { IrEnum, Ir } from '../../ir/types.ts'
import { apiDomain, domainObjects, type ApiDomain, type ApiObject } from '../api/api-schema.ts'
import { generatedNotice, type EmittedFile, type Emitter } from '../emitter.ts'
import { needsGetter, tsString, writeZodObject, type RefPolicy } from './zod-expression.ts'
import { formatsModuleBody } from './zod-formats.ts'

const OUT_DIR = 'generated/zod'

// ts-morph carries the whole TypeScript compiler (~0.3 s to load): load it only when zod is emitted.
const loadTsMorph = () => createRequire(import.meta.url)('ts-morph') as typeof import('ts-morph')

/**
 * zod v4 schemas, one module per model file plus `formats.ts` and an `index.ts`, written through
 * the code writer of a ts-morph project (its indentation, quote and trailing-comma settings), one
 * statement at a time. Writing text directly rather than adding structures to a source file spares
 * ts-morph a TypeScript parse of every module (2 s of a 1,000-model run). References to enums and
 * shapes of other modules, and to shapes declared later, are read through getters: modules may
 * import each other in a cycle, and a getter defers the read until parse time.
 */
export const zodEmitter: Emitter = createZodEmitter()

/**
 * An emitter that remembers each module's text by its inputs, so a watch session runs ts-morph
 * only for the model files that changed. The memo is keyed by content: it can only ever return
 * what a fresh emit would.
 */
export function createZodEmitter(): Emitter {
  const memo = new Map<string, { key: string; content: string }>()
  return {
    name: 'zod',
    owns: [`${OUT_DIR}/`],
    emit(ir) {
      let project: Project | undefined
      const files: EmittedFile[] = ir.domains.map((domain) => {
        const notice = `// ${generatedNotice(ir, [domain.name])}\n\n`
        const api = apiDomain(ir, domain.name)
        const key = JSON.stringify([notice, api, imports(ir, domain.name, api)])
        let content = memo.get(domain.name)?.key === key ? memo.get(domain.name)!.content : undefined
        if (content === undefined) {
          project ??= newProject()
          content = notice + domainModule(project, ir, domain.name, api)
          memo.set(domain.name, { key, content })
        }
        return { path: `${OUT_DIR}/${domain.name}.ts`, content }
      })
      const notice = `// ${generatedNotice(ir, ir.domains.map((d) => d.name))}\n\n`
      files.push({ path: `${OUT_DIR}/formats.ts`, content: notice + formatsModuleBody() })
      const exports = ir.domains.map((d) => `export * from './${d.name}.ts'`).join('\n')
      files.push({ path: `${OUT_DIR}/index.ts`, content: `${notice}export * from './formats.ts'\n${exports}\n` })
      return files
    },
  }
}

function newProject(): Project {
  const { Project, IndentationText, QuoteKind } = loadTsMorph()
  return new Project({
    useInMemoryFileSystem: true,
    manipulationSettings: { indentationText: IndentationText.TwoSpaces, quoteKind: QuoteKind.Single, useTrailingCommas: true },
  })
}

/** The module text after the notice line. */
function domainModule(project: Project, ir: Ir, domain: string, api: ApiDomain): string {
  // Only schemas this module has already declared are read directly; all others through getters.
  const declared = new Set(api.enums.map((e) => e.name))
  const refs: RefPolicy = { isLocal: (name) => declared.has(name) }
  const w = project.createWriter()
  for (const { moduleSpecifier, namedImports } of imports(ir, domain, api)) w.writeLine(`import { ${namedImports.join(', ')} } from ${tsString(moduleSpecifier)};`)
  for (const e of api.enums) {
    writeEnum(w, e)
    writeTypeAlias(w, e.name)
  }
  for (const object of domainObjects(api)) {
    const recursive = object.properties.some((p) => needsGetter(p.type, refs) && p.type.kind === 'ref' && p.type.name === object.name)
    writeConst(w, object.description, `${object.name}Schema${recursive ? ': z.ZodType' : ''}`, () => writeZodObject(w, object, refs))
    writeTypeAlias(w, object.name)
    declared.add(object.name)
  }
  return w.toString()
}

/** Kept one blank line apart from the schema it infers, as a person would write it. */
function writeTypeAlias(w: CodeBlockWriter, name: string): void {
  w.blankLine().writeLine(`export type ${name} = z.infer<typeof ${name}Schema>;`)
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
    if (type.kind === 'string' && type.format) referenced.add('#formats')
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

function writeEnum(w: CodeBlockWriter, e: IrEnum): void {
  const values = e.values.map((v) => tsString(v.name)).join(', ')
  const describe = e.description ? `.describe(${tsString(e.description)})` : ''
  writeConst(w, e.description, `${e.name}Schema`, () => w.write(`z.enum([${values}])${describe}`))
  writeConst(w, e.description, e.name, () => w.inlineBlock(() => e.values.forEach((v) => w.writeLine(`${v.name}: ${tsString(v.name)},`))).write(' as const'))
}

/** `export const name = …;` after a blank line, with the description as JSDoc. */
function writeConst(w: CodeBlockWriter, description: string | undefined, name: string, initializer: () => void): void {
  w.blankLine()
  for (const line of jsDoc(description)) w.writeLine(line)
  w.write(`export const ${name} = `)
  initializer()
  w.write(';').newLine()
}

/** A JSDoc block from a description; `*\/` is broken up so a description cannot end the comment. */
function jsDoc(description: string | undefined): string[] {
  if (!description) return []
  const lines = description.trim().replaceAll('*/', '*\\/').split(/\r?\n/)
  return lines.length === 1 ? [`/** ${lines[0]} */`] : ['/**', ...lines.map((l) => ` *${l ? ` ${l}` : ''}`), ' */']
}
