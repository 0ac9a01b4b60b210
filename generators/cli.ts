import { existsSync } from 'node:fs'
import { relative, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { printDiagnostics } from './diagnostics/print.ts'
import { emitters } from './emit/registry.ts'
import { compileModels, emitFiles, isDirectory } from './pipeline.ts'
import { applyPlan, planOutputs } from './write/write-files.ts'

const HELP = `Usage: npm run generate -- [options]

Compiles the YAML models into the Prisma schema, zod schemas, OpenAPI components,
seed fixtures and the model catalog.

Options:
  --models <dir>  folder of model files (*.yaml)                  default: models
  --out <dir>     root under which prisma/, generated/, docs/ go   default: .
  --check         write nothing; list stale or missing files and exit 1 if any
  --help          show this help

Exit codes: 0 success; 1 invalid models or stale output; 2 usage or internal error.
On invalid models nothing is written: every output file stays as it was.`

type Exit = 0 | 1 | 2

function run(argv: string[]): Exit {
  let options
  try {
    options = parseArgs({
      args: argv,
      options: {
        models: { type: 'string', default: 'models' },
        out: { type: 'string', default: '.' },
        check: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    }).values
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${HELP}\n`)
    return 2
  }
  if (options.help) {
    process.stdout.write(`${HELP}\n`)
    return 0
  }
  const modelsDir = options.models
  const outRoot = options.out
  if (!isDirectory(modelsDir)) {
    process.stderr.write(`error: the models folder \`${modelsDir}\` does not exist\n`)
    return 2
  }
  const started = performance.now()
  const result = compileModels(modelsDir, outRoot)
  if (result.diagnostics.length) {
    const sources = new Map(result.sources.map((s) => [s.file, s.text]))
    const displayPath = (file: string) => relative(process.cwd(), resolve(modelsDir, file)) || file
    process.stderr.write(printDiagnostics(result.diagnostics, { sources, displayPath, color: Boolean(process.stderr.isTTY) }))
  }
  if (!result.ir) {
    process.stderr.write('Nothing was written.\n')
    return 1
  }
  const files = emitFiles(result.ir, emitters)
  const plan = planOutputs(outRoot, files, emitters.flatMap((e) => e.owns))
  if (options.check) {
    const stale = [...plan.changed.map((f) => `  ${existsLabel(outRoot, f.path)} ${f.path}`), ...plan.removed.map((p) => `  extra   ${p}`)]
    if (stale.length === 0) {
      process.stdout.write(`Generated files are up to date (${files.length} files).\n`)
      return 0
    }
    process.stderr.write(`Generated files are stale; run \`npm run generate\`:\n${stale.join('\n')}\n`)
    return 1
  }
  applyPlan(outRoot, plan)
  const ms = Math.round(performance.now() - started)
  process.stdout.write(`Generated ${files.length} files (${plan.changed.length} changed, ${plan.removed.length} removed) from ${result.sources.length} model files in ${ms} ms.\n`)
  return 0
}

const existsLabel = (outRoot: string, path: string) => (existsSync(resolve(outRoot, path)) ? 'stale  ' : 'missing')

try {
  process.exitCode = run(process.argv.slice(2))
} catch (error) {
  // A bug in the generator, not in the models: say so plainly and keep the trace for the report.
  process.stderr.write(`internal error: ${(error as Error).message}\nThis is a bug in the generator; please report it with the trace below.\n${(error as Error).stack ?? ''}\n`)
  process.exitCode = 2
}
