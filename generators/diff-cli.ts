import { relative, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { isBreaking, type Change } from './diff/changes.ts'
import { compareIr } from './diff/compare-ir.ts'
import { checkoutModels } from './diff/load-base.ts'
import { renderJson, renderMarkdown } from './diff/report.ts'
import { printDiagnostics } from './diagnostics/print.ts'
import { isDirectory } from './package-files.ts'
import { compileModels } from './pipeline.ts'

const HELP = `Usage: npm run diff -- --base <git-ref> [options]

Compares the models at a git revision with the working tree and reports every change,
classified for the database (data and migrations) and for the API (clients).

Options:
  --base <ref>        the revision to compare against (a branch, tag or commit)   required
  --models <dir>      folder of model files                                      default: models
  --json              print JSON instead of Markdown
  --allow-breaking    exit 0 even when a change is breaking
  --help              show this help

Exit codes: 0 no breaking change (or --allow-breaking); 1 breaking changes or invalid models;
2 usage error or an unknown revision.`

function run(argv: string[]): 0 | 1 | 2 {
  let values
  try {
    values = parseArgs({ args: argv, options: { base: { type: 'string' }, models: { type: 'string', default: 'models' }, json: { type: 'boolean', default: false }, 'allow-breaking': { type: 'boolean', default: false }, help: { type: 'boolean', default: false } }, strict: true }).values
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${HELP}\n`)
    return 2
  }
  if (values.help) {
    process.stdout.write(`${HELP}\n`)
    return 0
  }
  if (!values.base) {
    process.stderr.write(`--base <git-ref> is required.\n\n${HELP}\n`)
    return 2
  }
  if (!isDirectory(values.models)) {
    process.stderr.write(`error: the models folder \`${values.models}\` does not exist\n`)
    return 2
  }
  let base
  try {
    base = checkoutModels(values.base, values.models)
  } catch {
    process.stderr.write(`error: \`${values.base}\` is not a revision of this repository (or git is unavailable)\n`)
    return 2
  }
  try {
    const before = compileModels(base.dir, '.')
    const after = compileModels(values.models, '.')
    for (const [label, result, dir] of [[`models at ${values.base}`, before, base.dir], ['models in the working tree', after, values.models]] as const) {
      if (result.ir) continue
      const sources = new Map(result.sources.map((s) => [s.file, s.text]))
      process.stderr.write(`The ${label} do not compile:\n${printDiagnostics(result.diagnostics, { sources, displayPath: (f) => relative(process.cwd(), resolve(dir, f)) })}`)
      return 1
    }
    const changes = compareIr(before.ir!, after.ir!)
    const modelsPath = relative(process.cwd(), resolve(values.models)) || '.'
    const where = (c: Change) => `${c.side === 'base' ? `${values.base}:` : ''}${modelsPath}/${c.location.file}:${c.location.line}`
    process.stdout.write(values.json ? renderJson(changes, values.base, where) : renderMarkdown(changes, values.base, where))
    return changes.some(isBreaking) && !values['allow-breaking'] ? 1 : 0
  } finally {
    base.dispose()
  }
}

try {
  process.exitCode = run(process.argv.slice(2))
} catch (error) {
  process.stderr.write(`internal error: ${(error as Error).message}\nThis is a bug in the diff tool; please report it with the trace below.\n${(error as Error).stack ?? ''}\n`)
  process.exitCode = 2
}
