import RandExpModule from 'randexp'

// randexp is CommonJS with `module.exports = RandExp`, while its types declare a default export.
const RandExp = RandExpModule as unknown as typeof RandExpModule.default
type Generator = InstanceType<typeof RandExp>

/**
 * Strings that match a field's pattern and fit its length limits: for generated seed rows, and for
 * the rule that a pattern and its length limits must leave some value (PIKA402). randexp draws
 * candidates from a version of the pattern it can read (lookbehinds dropped, Unicode property
 * classes such as `\p{Lu}` as ASCII ranges); every candidate is then checked against the real
 * pattern and the limits, so what is returned always satisfies the field.
 */
export function matchingString(pattern: string, min: number, max: number, randInt: (a: number, b: number) => number, matches: (value: string) => boolean, attempts = 30): string | undefined {
  const generator = generatorFor(pattern, Math.min(max, 20))
  if (!generator) return undefined
  generator.randInt = randInt
  for (let attempt = 0; attempt < attempts; attempt++) {
    const value = generator.gen()
    if (value.length >= min && value.length <= max && matches(value)) return value
  }
  return undefined
}

/**
 * A string for the pattern and limits drawn the same way on every run (the seed is the pattern), or
 * undefined when none turns up: the rule that refuses such a field and the fixtures' last resort
 * for a row whose own draws all failed use this one function, so a field that passed has a value.
 */
export function sampleString(pattern: string, min: number, max: number, matches: (value: string) => boolean): string | undefined {
  let state = 0x9e3779b9
  for (const char of `${min}:${max}:${pattern}`) state = Math.imul(state ^ char.charCodeAt(0), 0x01000193) >>> 0
  const randInt = (a: number, b: number) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return a + (state % (b - a + 1))
  }
  return matchingString(pattern, min, max, randInt, matches, 200)
}

/**
 * Generators by pattern and repeat limit. Building one parses the pattern (a third of the fixtures
 * emitter's time when rebuilt per value), and each generated character rebuilt its character set
 * (another half): randexp's `_expand` is a pure function of the token, so it is memoised per
 * token. Generating keeps no other state between values, so reuse gives the same values.
 */
const generators = new Map<string, Generator | undefined>()

function generatorFor(pattern: string, repeatLimit: number): Generator | undefined {
  const key = `${repeatLimit}\0${pattern}`
  if (!generators.has(key)) generators.set(key, newGenerator(pattern, repeatLimit))
  return generators.get(key)
}

function newGenerator(pattern: string, repeatLimit: number): Generator | undefined {
  let generator: Generator
  try {
    generator = new RandExp(new RegExp(readablePattern(pattern), 'u'))
  } catch {
    return undefined
  }
  generator.max = repeatLimit
  const expand = generator._expand.bind(generator)
  const expanded = new WeakMap<Parameters<typeof expand>[0], ReturnType<typeof expand>>()
  generator._expand = (token) => {
    let set = expanded.get(token)
    if (!set) expanded.set(token, (set = expand(token)))
    return set
  }
  return generator
}

const PROPERTY_RANGES: Readonly<Record<string, string>> = { Lu: 'A-Z', Uppercase_Letter: 'A-Z', Ll: 'a-z', Lowercase_Letter: 'a-z', N: '0-9', Nd: '0-9', Number: '0-9', Decimal_Number: '0-9' }

/** The pattern with what randexp cannot read rewritten: lookbehinds dropped, `\p{…}` as ranges. */
export function readablePattern(pattern: string): string {
  let out = ''
  let inClass = false
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]!
    if (char === '\\') {
      const property = /^\\([pP])\{([^}]*)\}/.exec(pattern.slice(i))
      if (property) {
        const range = property[1] === 'p' ? (PROPERTY_RANGES[property[2]!.replace(/^(General_Category|gc)=/, '')] ?? 'A-Za-z') : '#%&'
        out += inClass ? range : `[${range}]`
        i += property[0].length - 1
      } else {
        out += pattern.slice(i, i + 2)
        i++
      }
    } else if (inClass) {
      if (char === ']') inClass = false
      out += char
    } else if (char === '[') {
      inClass = true
      out += char
    } else if (pattern.startsWith('(?<=', i) || pattern.startsWith('(?<!', i)) {
      i = closingParen(pattern, i)
    } else {
      out += char
    }
  }
  return out
}

/** The index of the `)` that closes the group opening at `start`. */
function closingParen(pattern: string, start: number): number {
  let depth = 0
  let inClass = false
  for (let i = start; i < pattern.length; i++) {
    const char = pattern[i]
    if (char === '\\') i++
    else if (inClass) inClass = char !== ']'
    else if (char === '[') inClass = true
    else if (char === '(') depth++
    else if (char === ')' && --depth === 0) return i
  }
  return pattern.length
}
