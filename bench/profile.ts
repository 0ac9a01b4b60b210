import { readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { timeOnce, lastLines } from './measure-process.ts'
import { summarizeProfile, type ProfileSummary } from './profile-summary.ts'
import { noCacheFlag } from './ours.ts'

/** One uncached generate run under `node --cpu-prof`, summarised; the .cpuprofile stays in `profileDir`. */
export async function profileGenerate(root: string, modelsDir: string, outDir: string, profileDir: string): Promise<ProfileSummary & { readonly file: string; readonly wallMs: number }> {
  rmSync(outDir, { recursive: true, force: true })
  const run = await timeOnce({
    command: process.execPath,
    args: ['--cpu-prof', '--cpu-prof-dir', profileDir, '--cpu-prof-name', 'generate.cpuprofile', '--import', 'tsx', join(root, 'generators', 'cli.ts'), '--models', modelsDir, '--out', outDir, ...noCacheFlag(root)],
    cwd: root,
  })
  if (run.exitCode !== 0) throw new Error(`profiled generate failed: ${lastLines(run.stderr)}`)
  const file = readdirSync(profileDir).find((f) => f === 'generate.cpuprofile')
  if (!file) throw new Error(`no .cpuprofile in ${profileDir}`)
  return { ...summarizeProfile(join(profileDir, file)), file: join(profileDir, file), wallMs: run.ms }
}
