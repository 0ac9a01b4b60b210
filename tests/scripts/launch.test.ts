// scripts/launch.mjs runs the npm scripts' TypeScript as a cached bundle: a change to any file the
// bundle holds must be picked up on the next run, and each module must still see its own location.
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { PACKAGE_ROOT } from '../../src/db/config.ts'

const scratch = mkdtempSync(join(tmpdir(), 'pika-launch-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

function project(): string {
  const root = join(scratch, `p${readdirSync(scratch).length}`)
  mkdirSync(join(root, 'scripts'), { recursive: true })
  mkdirSync(join(root, 'src', 'deep'), { recursive: true })
  writeFileSync(join(root, 'package.json'), '{ "type": "module" }\n')
  copyFileSync(join(PACKAGE_ROOT, 'scripts', 'launch.mjs'), join(root, 'scripts', 'launch.mjs'))
  mkdirSync(join(root, 'node_modules'))
  symlinkSync(join(PACKAGE_ROOT, 'node_modules', 'esbuild'), join(root, 'node_modules', 'esbuild')) // the cache goes beside it, in the scratch folder
  writeFileSync(join(root, 'scripts', 'hello.ts'), [
    "import { fileURLToPath } from 'node:url'",
    "import { greeting, where } from '../src/deep/lib.ts'",
    'const mine: string = fileURLToPath(import.meta.url)',
    'console.log(JSON.stringify({ greeting, where, mine, args: process.argv.slice(2), script: process.argv[1] }))',
  ].join('\n'))
  writeFileSync(join(root, 'src', 'deep', 'lib.ts'), "import { fileURLToPath } from 'node:url'\nexport const greeting: string = 'one'\nexport const where = fileURLToPath(import.meta.url)\n")
  return root
}

const launch = (root: string, ...args: string[]) => spawnSync(process.execPath, [join(root, 'scripts', 'launch.mjs'), ...args], { cwd: root, encoding: 'utf8' })

describe('scripts/launch.mjs', () => {
  it("runs a script with its arguments, each module seeing its own file, and rebuilds when a file it holds changes", () => {
    const root = project()
    const first = launch(root, 'hello', 'a', '--b')
    expect(first.stderr).toBe('')
    expect(JSON.parse(first.stdout)).toEqual({
      greeting: 'one', where: join(root, 'src', 'deep', 'lib.ts'), mine: join(root, 'scripts', 'hello.ts'), args: ['a', '--b'], script: join(root, 'scripts', 'hello.ts'),
    })
    writeFileSync(join(root, 'src', 'deep', 'lib.ts'), "import { fileURLToPath } from 'node:url'\nexport const greeting: string = 'two'\nexport const where = fileURLToPath(import.meta.url)\n")
    expect(JSON.parse(launch(root, 'hello').stdout).greeting).toBe('two')
  })

  it('builds a script whose generated TypeScript (the Prisma client) does not exist yet, and loads it once it does', () => {
    // npm start on a fresh clone: the bundle is built before `prisma generate` writes src/generated/.
    const root = project()
    writeFileSync(join(root, 'scripts', 'later.ts'), [
      "if (process.argv[2] === 'load') {",
      "  const { made }: { made: string } = await import('../src/generated/client.ts')",
      '  console.log(made)',
      "} else console.log('not loaded')",
    ].join('\n'))
    symlinkSync(join(PACKAGE_ROOT, 'node_modules', 'tsx'), join(root, 'node_modules', 'tsx'))
    const before = launch(root, 'later')
    expect(before.stderr).toBe('')
    expect(before.stdout.trim()).toBe('not loaded')
    mkdirSync(join(root, 'src', 'generated'))
    writeFileSync(join(root, 'src', 'generated', 'client.ts'), "export const made: string = 'generated since'\n")
    expect(launch(root, 'later', 'load').stdout.trim()).toBe('generated since')
  })

  it('says what is wrong, in one line, for an unknown script or one that does not compile', () => {
    const root = project()
    const unknown = launch(root, 'nope')
    expect(unknown.status).toBe(2)
    expect(unknown.stderr).toMatch(/^launch: no script "nope" in scripts\//)
    writeFileSync(join(root, 'src', 'deep', 'lib.ts'), 'export const greeting: string = (\n')
    const broken = launch(root, 'hello')
    expect(broken.status).toBe(2)
    expect(broken.stderr).toMatch(/^launch: cannot build scripts\/hello\.ts into node_modules\/\.cache\/pika-scripts: .*lib\.ts:\d+:\d+: /)
    expect(broken.stderr.trim().split('\n')).toHaveLength(1)
  })
})
