// `npm run build` (also run by `npm pack` / `npm publish` through `prepack`): the installable
// package in dist/ — ESM JavaScript and .d.ts for every entry point, the Prisma client generated and
// compiled into it, and the OpenAPI document as JSON beside the committed YAML.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { PACKAGE_ROOT, readDatabaseConfig } from '../src/db/config.ts'
import { runScript } from '../src/db/errors.ts'
import { generatePrismaClient } from '../src/db/prisma-cli.ts'
import { SCHEMA_FILE } from '../src/db/schema-sql.ts'
import { annotateNullTypes } from '../src/db/upstream/annotate-null-types.ts'
import { openapiJsonText } from './build/openapi-json.ts'

const DIST = join(PACKAGE_ROOT, 'dist')
const PRISMA_NAMESPACE = join(PACKAGE_ROOT, 'src', 'generated', 'prisma', 'internal', 'prismaNamespace.ts')

async function build(): Promise<void> {
  // The client is generated from the committed schema (no database is touched) unless it is newer
  // than the schema: tests running beside `npm pack` read it, and Prisma empties the folder first.
  if (!existsSync(PRISMA_NAMESPACE) || statSync(PRISMA_NAMESPACE).mtimeMs < statSync(SCHEMA_FILE).mtimeMs) {
    await generatePrismaClient(readDatabaseConfig({}))
  }
  const namespace = readFileSync(PRISMA_NAMESPACE, 'utf8')
  const annotated = annotateNullTypes(namespace)
  if (annotated !== namespace) writeFileSync(PRISMA_NAMESPACE, annotated)
  rmSync(DIST, { recursive: true, force: true })
  const compiled = spawnSync(join(PACKAGE_ROOT, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.build.json'], { cwd: PACKAGE_ROOT, stdio: 'inherit' })
  if (compiled.status !== 0) throw new Error(`tsc -p tsconfig.build.json failed (exit code ${compiled.status})`)
  mkdirSync(DIST, { recursive: true })
  writeFileSync(join(DIST, 'openapi.json'), openapiJsonText(readFileSync(join(PACKAGE_ROOT, 'generated', 'openapi', 'openapi.yaml'), 'utf8')))
}

await runScript('build', build)
