import { relative, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { isBreaking, type Change } from './diff/changes.ts'
import { compareIr } from './diff/compare-ir.ts'
import { countExistingRows, planRowChecks } from './diff/existing-rows.ts'
import { lintChange } from './diff/lint-change.ts'
import { checkoutModels } from './diff/load-base.ts'
import { type DiffReport, openFindings, renderJson, renderMarkdown } from './diff/report.ts'
import { openRowCounter } from './diff/row-counter.ts'
import { printDiagnostics } from './diagnostics/print.ts'
import { isDirectory } from './package-files.ts'
import { compileModels } from './pipeline.ts'

const HELP = `Usage: npm run diff -- --base <git-ref> [options]

Compares the models at a git revision with the working tree and reports every change, classified
for the database (data and migrations) and for the API (requests and responses separately); lints
the migrations the change adds for locks and rewrites on PostgreSQL 15; and, given a database,
counts the stored rows the change would reject or lose.

Options:
  --base <ref>           the revision to compare against (a branch, tag or commit)   required
  --models <dir>         folder of model files                                       default: models
  --migrations <dir>     folder of Prisma migrations                                 default: prisma/migrations
  --format <f>           markdown or json (the CI artefact)                          default: markdown
  --json                 same as --format json
  --database-url <url>   count existing rows on this database (it should be at <ref>'s schema);
                         "configured" uses DATABASE_URL / .env (or the embedded database)
  --allow-breaking       exit 0 even when a change is breaking or a lock is unacknowledged
  --help                 show this help

Exit codes: 0 nothing breaking and every lint finding acknowledged (or --allow-breaking); 1 breaking
changes, unacknowledged lint findings or invalid models; 2 usage error or an unknown revision.`

const OPTIONS = {
  base: { type: 'string' },
  models: { type: 'string', default: 'models' },
  migrations: { type: 'string', default: 'prisma/migrations' },
  format: { type: 'string', default: 'markdown' },
  json: { type: 'boolean', default: false },
  'database-url': { type: 'string' },
  'allow-breaking': { type: 'boolean', default: false },
  help: { type: 'boolean', default: false },
} as const

async function run(argv: string[]): Promise<0 | 1 | 2> {
  let values
  try {
    values = parseArgs({ args: argv, options: OPTIONS, strict: true }).values
  } catch (error) {
    return usage((error as Error).message)
  }
  if (values.help) {
    process.stdout.write(`${HELP}\n`)
    return 0
  }
  const format = values.json ? 'json' : values.format
  if (format !== 'markdown' && format !== 'json') return usage(`--format must be markdown or json, not \`${format}\``)
  if (!values.base) return usage('--base <git-ref> is required.')
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
    const sources = { base: new Map(before.sources.map((s) => [s.file, s])), head: new Map(after.sources.map((s) => [s.file, s])) }
    const locate = (c: Change) => sources[c.side].get(c.location.file)!.locate(c.location.path, c.location.part)
    const where = (c: Change) => `${c.side === 'base' ? `${values.base}:` : ''}${modelsPath}/${c.location.file}:${locate(c).line}`
    const lint = await lintChange(values.base, resolve(values.migrations), before.ir!, changes)
    const counter = await openRowCounter(values['database-url'])
    let rows
    try {
      rows = await countExistingRows(planRowChecks(changes, before.ir!, after.ir!), counter.count, counter.whyNot)
    } finally {
      await counter.close()
    }
    const report: DiffReport = { base: values.base, changes, lint, rows, where, locate, migrationsPath: relative(process.cwd(), resolve(values.migrations)) }
    process.stdout.write(format === 'json' ? renderJson(report) : renderMarkdown(report))
    const failing = changes.some(isBreaking) || openFindings(report).length > 0
    return failing && !values['allow-breaking'] ? 1 : 0
  } finally {
    base.dispose()
  }
}

function usage(message: string): 2 {
  process.stderr.write(`${message}\n\n${HELP}\n`)
  return 2
}

try {
  process.exitCode = await run(process.argv.slice(2))
} catch (error) {
  process.stderr.write(`internal error: ${(error as Error).message}\nThis is a bug in the diff tool; please report it with the trace below.\n${(error as Error).stack ?? ''}\n`)
  process.exitCode = 2
}
