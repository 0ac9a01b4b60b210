import { Script } from 'node:vm'

/**
 * Runs user patterns (a field's `pattern`, applied to its examples, defaults and seed values) with a
 * time budget. JavaScript's backtracking engine can take exponential time (`^(a+)+$` on 40 `a`s and
 * a `b`), which would hang the compiler and freeze `--watch`. A pattern whose worst case is provably
 * small for the value at hand runs directly; any other runs in a `vm` script with a timeout (0.3 ms
 * a call, too slow for every value), and a pattern that exceeds it once is not run again.
 */
export const PATTERN_BUDGET_MS = 1000
/**
 * A first, shorter try: most patterns sent to the budget (such as `^[a-z]+(-[a-z]+)*$`) finish in
 * microseconds. The timeout is wall-clock time, so on a loaded machine a stalled thread could time
 * out a harmless match: one that runs out of the first try is tried again with the full budget
 * before it is called too slow.
 */
const FIRST_TRY_MS = 250

/** Above this estimate of backtracking steps a match runs under the time budget. */
const DIRECT_STEPS = 100_000_000

export type PatternVerdict = boolean | 'too slow'

export class PatternRunner {
  readonly #compiled = new Map<string, RegExp | undefined>()
  readonly #tooSlow = new Set<string>()
  readonly #script = new Script('globalThis.__pikaPattern.test(globalThis.__pikaValue)')

  /** Whether `value` matches `pattern` (an ECMAScript pattern with the `u` flag); false if invalid. */
  test(pattern: string, value: string): PatternVerdict {
    if (this.#tooSlow.has(pattern)) return 'too slow'
    const regex = this.#regex(pattern)
    if (!regex) return false
    if (worstCaseSteps(pattern, value.length) <= DIRECT_STEPS) return regex.test(value)
    const scope = globalThis as { __pikaPattern?: RegExp; __pikaValue?: string }
    scope.__pikaPattern = regex
    scope.__pikaValue = value
    try {
      for (const timeout of [FIRST_TRY_MS, PATTERN_BUDGET_MS]) {
        try {
          return this.#script.runInThisContext({ timeout }) as boolean
        } catch {
          // Timed out: try once more with the full budget, then give up on the pattern.
        }
      }
      this.#tooSlow.add(pattern)
      return 'too slow'
    } finally {
      delete scope.__pikaPattern
      delete scope.__pikaValue
    }
  }

  #regex(pattern: string): RegExp | undefined {
    if (!this.#compiled.has(pattern)) this.#compiled.set(pattern, safeRegExp(pattern))
    return this.#compiled.get(pattern)
  }
}

/** Patterns are ECMAScript regular expressions with the `u` flag, as in JSON Schema. */
export function safeRegExp(pattern: string): RegExp | undefined {
  try {
    return new RegExp(pattern, 'u')
  } catch {
    return undefined
  }
}

/**
 * An upper estimate of a backtracking match's steps, or Infinity when none is easy to give. A pattern
 * without backreferences, lookarounds or a repeated group that itself repeats or branches (star
 * height one) backtracks at most over every combination of its quantifiers' counts from every start
 * position: the product of (count choices) × (start positions) × (pattern length). Anything else is
 * Infinity, and so runs under the budget.
 */
export function worstCaseSteps(pattern: string, length: number): number {
  const choices = (min: number, max: number) => Math.max(1, Math.min(max, length) - Math.min(min, length) + 1)
  let steps = (length + 1) * (pattern.length + 1)
  const groups: { complex: boolean }[] = [{ complex: false }]
  let lastAtomComplex = false
  let hasAtom = false
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]!
    if (char === '\\') {
      const next = pattern[i + 1] ?? ''
      if (/[1-9k]/.test(next)) return Infinity // backreference
      if (/[pPu]/.test(next) && pattern[i + 2] === '{') i = pattern.indexOf('}', i)
      else if (next === 'x') i += 3
      else if (next === 'u') i += 5
      else if (next === 'c') i += 2
      else i += 1
      if (i < 0) return Infinity
      ;[lastAtomComplex, hasAtom] = [false, true]
    } else if (char === '[') {
      for (i++; i < pattern.length && pattern[i] !== ']'; i++) if (pattern[i] === '\\') i++
      ;[lastAtomComplex, hasAtom] = [false, true]
    } else if (char === '(') {
      if (/^\(\?<?[=!]/.test(pattern.slice(i, i + 4))) return Infinity // lookaround
      groups.push({ complex: false })
      hasAtom = false
    } else if (char === ')') {
      const group = groups.pop()
      if (!group || groups.length === 0) return Infinity
      if (group.complex) groups[groups.length - 1]!.complex = true
      ;[lastAtomComplex, hasAtom] = [group.complex, true]
    } else if (char === '|') {
      groups[groups.length - 1]!.complex = true
      steps *= 2
      hasAtom = false
    } else if (char === '*' || char === '+' || char === '?' || (char === '{' && /^\{\d+(,\d*)?\}/.test(pattern.slice(i)))) {
      if (!hasAtom) return Infinity
      let [min, max] = char === '*' ? [0, Infinity] : char === '+' ? [1, Infinity] : [0, 1]
      if (char === '{') {
        const [, low, comma, high] = /^\{(\d+)(,?)(\d*)\}/.exec(pattern.slice(i))!
        min = Number(low)
        max = comma ? (high ? Number(high) : Infinity) : min
        i = pattern.indexOf('}', i)
      }
      if (pattern[i + 1] === '?') i++ // lazy: the same choices, tried in another order
      if (lastAtomComplex && max > 1) return Infinity // a repeated group that repeats or branches
      if (max !== min) groups[groups.length - 1]!.complex = true
      steps *= choices(min, max)
      hasAtom = false
    } else {
      ;[lastAtomComplex, hasAtom] = [false, true]
    }
    if (!Number.isFinite(steps)) return Infinity
  }
  return groups.length === 1 ? steps : Infinity
}
