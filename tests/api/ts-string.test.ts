import { describe, expect, it } from 'vitest'
import { tsString } from '../../generators/emit/zod/zod-expression.ts'

/** Every description, pattern and name in the zod modules is printed through tsString. */
describe('tsString', () => {
  const texts = [
    '',
    'plain words, with: punctuation (and) more!',
    "it's",
    'say "hi"',
    'back\\slash',
    'line\nbreak\ttab\r',
    '\u0000\u001f\u007f',
    '${injection}`',
    '*/ end of comment',
    'ümlaut 日本 🐇',
    '\ud800 lone surrogate',
    '\u2028\u2029',
    "'); process.exit(1); ('",
  ]

  it.each(texts)('prints %j as a single-quoted literal that reads back as the same text', (text) => {
    const literal = tsString(text)
    expect(literal.startsWith("'") && literal.endsWith("'")).toBe(true)
    expect(literal).not.toMatch(/[\n\r]/)
    // eslint-disable-next-line no-new-func
    expect(new Function(`return ${literal}`)()).toBe(text)
  })
})
