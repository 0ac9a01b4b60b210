import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { CACHE_DIR_VARIABLE } from './cache/cache-home.cjs'
import { generateOnce, type GenerateOptions } from './generate.ts'
import { isDirectory } from './package-files.ts'

const HELP = `Usage: npm run generate -- [options]

Compiles the YAML models into the Prisma schema, zod schemas, OpenAPI components,
seed fixtures and the model catalog.

Options:
  --models <dir>     folder of model files (*.yaml)                  default: models
  --out <dir>        root under which prisma/, generated/, docs/ go   default: .
  --check            write nothing; list stale or missing files and exit 1 if any
  --watch            regenerate on every change to the models until stopped
  --build-budget <s> with --watch: stop a build that runs longer, keep watching  default: 60
  --no-cache         compile and emit even if the models and the generator are unchanged
  --cache-dir <dir>  folder for the generator's caches (or PIKA_GENERATE_CACHE_DIR)
                     default: node_modules/.cache/pika-generate
  --help             show this help

Exit codes: 0 success; 1 invalid models or stale output; 2 usage error, an output folder
that cannot be written, or an internal error.
On invalid models nothing is written: every output file stays as it was.`

/** Returns an exit code, or undefined when the process should keep running (watch mode). */
async function run(argv: string[]): Promise<0 | 1 | 2 | undefined> {
  let values
  try {
    values = parseArgs({
      args: argv,
      options: {
        models: { type: 'string', default: 'models' },
        out: { type: 'string', default: '.' },
        check: { type: 'boolean', default: false },
        watch: { type: 'boolean', default: false },
        'build-budget': { type: 'string', default: '60' },
        'no-cache': { type: 'boolean', default: false },
        'cache-dir': { type: 'string' },
        help: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    }).values
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${HELP}\n`)
    return 2
  }
  if (values.help) {
    process.stdout.write(`${HELP}\n`)
    return 0
  }
  if (values.check && values.watch) {
    process.stderr.write('--check and --watch cannot be combined.\n')
    return 2
  }
  if (!isDirectory(values.models)) {
    process.stderr.write(`error: the models folder \`${values.models}\` does not exist\n`)
    return 2
  }
  // Set for the whole process, as the variable would be: the bundle, the compiled templates and
  // validator, the Prisma worker and the outputs all use one folder (see cache/cache-home.cjs).
  if (values['cache-dir']) process.env[CACHE_DIR_VARIABLE] = resolve(values['cache-dir'])
  const onWait = (message: string) => process.stderr.write(`${message}\n`)
  const options: GenerateOptions = { modelsDir: values.models, outRoot: values.out, check: values.check, color: Boolean(process.stderr.isTTY), cache: !values['no-cache'], onWait }
  if (values.watch) {
    const budget = Number(values['build-budget'])
    if (!(budget > 0)) {
      process.stderr.write(`--build-budget takes a number of seconds above 0, not \`${values['build-budget']}\`.\n`)
      return 2
    }
    const { superviseWatch, WATCH_CHILD_VARIABLE, RESTART_EXIT_CODE } = await import('./watch-supervisor.ts')
    const mode = process.env[WATCH_CHILD_VARIABLE]
    const log = (line: string) => process.stdout.write(`${line}\n`)
    if (mode === undefined) {
      superviseWatch(budget, log)
      return undefined
    }
    // The watching child (see watch-supervisor.ts): an error nothing else caught is one line, then
    // the supervisor starts a fresh child; the child ends with its supervisor.
    const restart = (error: unknown) => {
      process.stderr.write(`internal error: ${(error as Error)?.message ?? String(error)} (the watcher restarts; run once without --watch for the trace)\n`)
      process.exit(RESTART_EXIT_CODE)
    }
    process.on('uncaughtException', restart)
    process.on('unhandledRejection', restart)
    process.on('disconnect', () => process.exit())
    const [{ watchModels }, { emitters }] = await Promise.all([import('./watch.ts'), import('./emit/registry.ts')])
    watchModels({ ...options, emitters }, log, (text) => process.stderr.write(text), mode === 'first' ? true : Number(mode))
    return undefined
  }
  const started = performance.now()
  const outcome = await generateOnce(options)
  if (outcome.report) process.stderr.write(outcome.report)
  if (outcome.summary) process.stdout.write(values.check ? `${outcome.summary}\n` : `Generated ${outcome.summary} in ${Math.round(performance.now() - started)} ms.\n`)
  return outcome.exitCode
}

// No top-level await: the launcher's bundle is CommonJS (see generators/bin/generate.cjs).
run(process.argv.slice(2)).then(
  (code) => {
    if (code !== undefined) process.exitCode = code
  },
  (error: unknown) => {
    // A bug in the generator, not in the models: say so plainly and keep the trace for the report.
    process.stderr.write(`internal error: ${(error as Error).message}\nThis is a bug in the generator; please report it with the trace below.\n${(error as Error).stack ?? ''}\n`)
    process.exitCode = 2
  },
)
