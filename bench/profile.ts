import { readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { timeOnce, lastLines } from './measure-process.ts'
import { summarizeProfile, type ProfileSummary } from './profile-summary.ts'
import { noCacheFlag } from './ours.ts'

/**
 * One uncached generate run under `node --cpu-prof`, summarised; the .cpuprofile stays in
 * `profileDir`. Each thread writes its own profile (the Prisma schema check runs in a worker);
 * Node names them CPU.<date>.<time>.<pid>.<thread id>.<seq>.cpuprofile, and the main thread is 0.
 */
export async function profileGenerate(root: string, modelsDir: string, outDir: string, profileDir: string): Promise<ProfileSummary & { readonly file: string; readonly wallMs: number }> {
  rmSync(outDir, { recursive: true, force: true })
  const run = await timeOnce({
    command: process.execPath,
    args: ['--cpu-prof', '--cpu-prof-dir', profileDir, '--import', 'tsx', join(root, 'generators', 'cli.ts'), '--models', modelsDir, '--out', outDir, ...noCacheFlag(root)],
    cwd: root,
  })
  if (run.exitCode !== 0) throw new Error(`profiled generate failed: ${lastLines(run.stderr)}`)
  const file = readdirSync(profileDir).find((f) => /^CPU\.\d+\.\d+\.\d+\.0\.\d+\.cpuprofile$/.test(f))
  if (!file) throw new Error(`no .cpuprofile in ${profileDir}`)
  return { ...summarizeProfile(join(profileDir, file)), file: join(profileDir, file), wallMs: run.ms }
}
