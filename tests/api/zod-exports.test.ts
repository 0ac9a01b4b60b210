import { join } from 'node:path'
import { Project } from 'ts-morph'
import { describe, expect, it } from 'vitest'
import { apiDomain, domainObjects } from '../../generators/emit/api/api-schema.ts'
import { compileModels } from '../../generators/pipeline.ts'

/**
 * The zod modules are printed as text (generators/emit/zod/emit-zod.ts); here ts-morph reads them
 * back as TypeScript and checks the surface the platform imports from `@pika/db/zod`: every enum,
 * shape and model variant of the models has its schema and its type, nothing else is exported,
 * and every cross-module import names something its module exports.
 */
const root = join(import.meta.dirname, '..', '..')
const { ir } = compileModels(join(root, 'models'), root)
const project = new Project({ skipAddingFilesFromTsConfig: true, compilerOptions: { allowImportingTsExtensions: true, noEmit: true } })
const zodDir = join(root, 'generated', 'zod')
const module = (name: string) => project.addSourceFileAtPath(join(zodDir, `${name}.ts`))

const exportedNames = (name: string) => {
  const file = module(name)
  return {
    values: file.getVariableStatements().filter((s) => s.isExported()).flatMap((s) => s.getDeclarations().map((d) => d.getName())).sort(),
    types: file.getTypeAliases().filter((t) => t.isExported()).map((t) => t.getName()).sort(),
  }
}

describe('the generated zod modules, read back with ts-morph', () => {
  it.each(ir!.domains.map((d) => d.name))('%s exports a schema and a type for each of its enums, shapes and model variants, and nothing else', (domain) => {
    const api = apiDomain(ir!, domain)
    const objects = domainObjects(api).map((o) => o.name)
    const reads = domainObjects(api).filter((o) => o.variant === 'read').map((o) => `${o.name}Json`) // the JSON form of a read schema
    const enums = api.enums.map((e) => e.name)
    expect(exportedNames(domain)).toEqual({
      values: [...enums.flatMap((e) => [e, `${e}Schema`]), ...objects.map((o) => `${o}Schema`)].sort(),
      types: [...enums, ...objects, ...reads].sort(),
    })
  })

  it('imports from sibling modules only names those modules export', () => {
    for (const domain of ir!.domains.map((d) => d.name)) {
      for (const declaration of module(domain).getImportDeclarations()) {
        const specifier = declaration.getModuleSpecifierValue()
        if (!specifier.startsWith('./')) continue
        const target = exportedNames(specifier.slice(2, -3)).values
        for (const named of declaration.getNamedImports()) expect(target, `${domain} imports ${named.getName()} from ${specifier}`).toContain(named.getName())
      }
    }
  })

  it('index.ts re-exports the formats, the codecs and every domain module', () => {
    const reexports = module('index').getExportDeclarations().map((d) => d.getModuleSpecifierValue())
    expect(reexports).toEqual(['./formats.ts', './codecs.ts', ...ir!.domains.map((d) => `./${d.name}.ts`)])
  })
})
