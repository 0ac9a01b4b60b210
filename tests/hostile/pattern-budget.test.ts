import { describe, expect, it } from 'vitest'
import { PatternRunner, worstCaseSteps } from '../../generators/validate/pattern-budget.ts'

/** The time budget on user patterns (generators/validate/pattern-budget.ts). */
describe('user patterns under a time budget', () => {
  it('runs the patterns of the platform and benchmark models directly: a small worst case', () => {
    for (const pattern of ['^[0-9a-f]{64}$', '^[A-Z0-9 -]{3,10}$', '^[A-Z][A-Za-z0-9]*$', '^[A-Z]{3}-[0-9]{4}$', '^\\+[1-9]\\d{1,14}$', '^\\p{Lu}[\\p{L} ]*$']) {
      expect(worstCaseSteps(pattern, 100), pattern).toBeLessThan(1e8)
    }
  })

  it('sends every pattern it cannot bound to the budget: nested or branching repeats, backreferences, lookarounds', () => {
    for (const pattern of ['^(a+)+$', '^(a|a)*$', '^(\\w+\\s?)*$', '(x+x+)+y', '^(a|b)+c$', '^(a)\\1$', '^(?<q>a)\\k<q>$', '(?<=a)b', '^(?!x)a+$', '^a{1,100}a{1,100}a{1,100}a{1,100}$']) {
      expect(worstCaseSteps(pattern, 60), pattern).toBeGreaterThan(1e8)
    }
  })

  it('gives the same verdicts as the pattern itself, directly or under the budget', () => {
    const runner = new PatternRunner()
    const cases: [string, string][] = [
      ['^[a-z0-9]+(-[a-z0-9]+)*$', 'north-leeds-2'],
      ['^[a-z0-9]+(-[a-z0-9]+)*$', 'North Leeds'],
      ['^[A-Z]{3}-[0-9]{4}$', 'ABC-1234'],
      ['^[A-Z]{3}-[0-9]{4}$', 'ABC-12345'],
      ['(?<=€)\\d+', 'costs €12'],
      ['^\\p{Lu}', 'élan'],
    ]
    for (const [pattern, value] of cases) expect(runner.test(pattern, value), `${pattern} on ${value}`).toBe(new RegExp(pattern, 'u').test(value))
    expect(runner.test('[', 'x')).toBe(false)
  })

  it('stops a catastrophic match and reports the pattern as too slow from then on', () => {
    const runner = new PatternRunner()
    expect(runner.test('^(a+)+$', `${'a'.repeat(40)}b`)).toBe('too slow')
    expect(runner.test('^(a+)+$', 'aaa')).toBe('too slow')
    expect(new PatternRunner().test('^(a+)+$', 'aaa')).toBe(true)
  })
})
