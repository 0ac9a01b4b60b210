import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { RESERVED_NAMES } from '../../generators/validate/rules/names.ts'

/**
 * A model, enum or shape becomes a top-level name of a generated zod module, so it must not be any
 * global the generated code itself uses. Read from the committed output: whatever global an emitter
 * starts to use must join the reserved list, or this fails.
 */
const zodDir = join(import.meta.dirname, '..', '..', 'generated', 'zod')

function globalsUsed(code: string): Set<string> {
  const withoutText = code
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/\/\/.*$/gm, ' ')
    .replace(/'(?:[^'\\\n]|\\.)*'/g, "''")
  const used = new Set<string>()
  for (const [, name] of withoutText.matchAll(/(?<![.\w$])([A-Za-z_$][\w$]*)/g)) if (name! in globalThis) used.add(name!)
  return used
}

describe('names generated code relies on', () => {
  it('are all reserved for declarations', () => {
    const used = new Set<string>()
    for (const file of readdirSync(zodDir)) for (const name of globalsUsed(readFileSync(join(zodDir, file), 'utf8'))) used.add(name)
    expect([...used].length).toBeGreaterThan(0)
    expect([...used].filter((name) => !RESERVED_NAMES.has(name))).toEqual([])
  })
})
