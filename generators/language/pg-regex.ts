// ECMAScript patterns (u flag, unanchored `test`) → PostgreSQL advanced regular expressions (`~`).
// Only a subset whose meaning is the same in both engines is translated; everything else returns
// undefined and the rule stays API-only (the compiler warns, PIKA408). Why each piece is equal:
// - Without backreferences or lookaround both engines decide membership in the same regular
//   language, so backtracking (JS) vs leftmost-longest (PostgreSQL) does not change whether a
//   string matches; lazy quantifiers, which only change the extent of a match, are refused anyway.
// - `^`/`$` mean start/end of the whole string in both (no m flag; `~` is not newline-sensitive).
// - Classes that differ (`.`, `\d`, `\w`, `\s` follow the locale in PostgreSQL) are written out
//   as explicit code-point sets; bracket ranges compare code points in both engines.
// - Every non-alphanumeric character is escaped (`\.` or `\uXXXX`), so no character
//   can take a meaning of PostgreSQL's syntax (`[[:`, `***`, …) that it did not have in JS.
// - Repetition bounds above 255 are refused: PostgreSQL's limit (RE_DUP_MAX).
// - PostgreSQL runs a bounded repetition (`[a-z0-9]{24}`) several times slower than `*`; for the
//   common shape of an anchored run of one-character atoms with one counted atom (ids, codes,
//   hashes), see `toPostgresPattern`.

const JS_SPACE = '\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff'
const LINE_TERMINATORS = '\n\r\u2028\u2029'
const PG_DUP_MAX = 255

/** A class written as code-point ranges, e.g. [[0x30, 0x39]]. */
type Ranges = [number, number][]

const CLASS_RANGES: Readonly<Record<string, Ranges>> = {
  d: [[0x30, 0x39]],
  w: [[0x30, 0x39], [0x41, 0x5a], [0x5f, 0x5f], [0x61, 0x7a]],
  s: rangesOf(JS_SPACE),
}

function rangesOf(text: string): Ranges {
  const out: Ranges = []
  const chars = [...text]
  for (let i = 0; i < chars.length; i++) {
    const from = chars[i]!.codePointAt(0)!
    if (chars[i + 1] === '-' && i + 2 < chars.length) {
      out.push([from, chars[i + 2]!.codePointAt(0)!])
      i += 2
    } else out.push([from, from])
  }
  return out
}

/** Letters and digits as they are; other printable ASCII backslash-escaped (always a literal in an ARE); the rest by code. */
function escapeChar(cp: number): string {
  const c = String.fromCodePoint(cp)
  if (/[A-Za-z0-9]/.test(c)) return c
  if (cp > 0x20 && cp < 0x7f) return `\\${c}`
  return cp > 0xffff ? `\\U${cp.toString(16).padStart(8, '0')}` : `\\u${cp.toString(16).padStart(4, '0')}`
}

const bracket = (ranges: Ranges, negated: boolean): string =>
  `[${negated ? '^' : ''}${ranges.map(([a, b]) => (a === b ? escapeChar(a) : `${escapeChar(a)}-${escapeChar(b)}`)).join('')}]`

const classAtom = (ranges: Ranges, negated: boolean): Atom => ({ text: bracket(ranges, negated), ...(negated && { negatedClass: ranges }) })

class Untranslatable extends Error {}

/**
 * A pattern as a database condition: the regex, and where it can stand in for a bounded
 * repetition, the length range of the whole value (in code points, PostgreSQL's char_length).
 */
export interface PostgresPattern {
  readonly regex: string
  readonly length?: { readonly min: number; readonly max?: number }
  /** The same pattern as LIKE tests and a one-class regex (see `likeForm`); cheaper than `regex`. */
  readonly like?: LikeForm
}

/**
 * A pattern as: the value is `LIKE like`, `NOT LIKE` each of `notLike` (each says: a character the
 * class excludes occurs more often than the pattern has it as a literal), and holds none of the
 * characters in `absent` (a bracket expression, or undefined when no character need be absent). PostgreSQL runs a LIKE in a plain C loop and a single-class search in about half the
 * time of the anchored regex with its separators (bench/README.md).
 */
export interface LikeForm {
  readonly like: string
  readonly notLike: readonly string[]
  readonly absent?: string
}

/**
 * `^P$` where every atom of P is a literal or one and the same negated class `[^A]` (also `.`,
 * `\S`, `\D`, `\W`), quantified by nothing, `+` or `*`, with at least one of each, as a `LikeForm`;
 * for example the e-mail format `^[^\s@]+@[^\s@]+\.[^\s@]+$`: LIKE '_%@_%._%', at most one `@`,
 * no white space. Why it matches the same strings x (LIKE's `_` and `%` count characters, not bytes):
 * - regex ⇒ LIKE form: the class runs and literals line up with `_%`, `%`, `_` and the literals of
 *   the LIKE pattern; a class run holds no character of A, so a literal in A occurs in x exactly as
 *   often as in the pattern, and the other characters of A not at all.
 * - LIKE form ⇒ regex: take the alignment the LIKE found. Its literal positions use up every
 *   occurrence of a literal in A (x holds no more than the pattern has), and the other characters
 *   of A are absent, so what `_` and `%` stand for lies outside A: in the class. `_%` takes one or
 *   more characters as `+` does, `%` any number as `*`, `_` exactly one.
 */
function likeForm(parts: readonly SequencePart[]): LikeForm | undefined {
  const classes = parts.flatMap((p) => (p.negatedClass ? [p.negatedClass] : []))
  if (classes.length === 0 || classes.length === parts.length) return undefined
  const excluded = classes[0]!
  if (classes.some((c) => JSON.stringify(c) !== JSON.stringify(excluded))) return undefined
  const inExcluded = (cp: number) => excluded.some(([a, b]) => a <= cp && cp <= b)
  let like = ''
  const counts = new Map<number, number>()
  for (const part of parts) {
    if (part.literal !== undefined) {
      if (part.quantifier !== '') return undefined
      like += likeLiteral(part.literal)
      counts.set(part.literal, (counts.get(part.literal) ?? 0) + 1)
    } else if (part.negatedClass) {
      const wildcard = { '': '_', '+': '_%', '*': '%' }[part.quantifier]
      if (wildcard === undefined) return undefined
      like += wildcard
    } else return undefined
  }
  const notLike = [...counts].filter(([cp]) => inExcluded(cp)).map(([cp, count]) => `%${`${likeLiteral(cp)}%`.repeat(count + 1)}`)
  const absent = withoutCodePoints(excluded, [...counts.keys()].filter(inExcluded))
  return { like, notLike, ...(absent.length > 0 && { absent: bracket(absent, false) }) }
}

/** A character as itself in a LIKE pattern: `%`, `_` and the escape character `\` escaped. */
function likeLiteral(cp: number): string {
  const char = String.fromCodePoint(cp)
  return '%_\\'.includes(char) ? `\\${char}` : char
}

/** `ranges` less the given code points. */
function withoutCodePoints(ranges: Ranges, codePoints: readonly number[]): Ranges {
  let out = ranges
  for (const cp of codePoints) {
    out = out.flatMap(([a, b]): Ranges => (cp < a || cp > b ? [[a, b]] : ([[a, cp - 1], [cp + 1, b]] as Ranges).filter(([x, y]) => x <= y)))
  }
  return out
}

/**
 * Like `toPostgresRegex`, but `^P X{n,m} S$`, where P and S are runs of one-character atoms
 * without quantifiers and X is one character, becomes `^P X* S$` plus a length range: P and S
 * take a fixed number of characters, so the length alone fixes how many X there are. A CHECK
 * with the length test costs about as much as one without the pattern (bench/README.md).
 * A pattern of literals and runs of one negated class gets its LIKE form (`likeForm`).
 */
export function toPostgresPattern(source: string): PostgresPattern | undefined {
  const regex = toPostgresRegex(source)
  if (regex === undefined) return undefined
  const translator = new Translator([...source])
  translator.translate()
  const parts = translator.topLevelParts
  const counted = parts?.filter((p) => p.quantifier !== '')
  if (!parts || parts.length < 3 || parts[0]!.text !== '^' || parts.at(-1)!.text !== '$') return { regex }
  const like = likeForm(parts.slice(1, -1))
  if (like) return { regex, like }
  if (counted?.length !== 1 || !counted[0]!.quantifier.startsWith('{') || !parts.slice(1, -1).every((p) => p.oneCharacter)) return { regex }
  const [, low, comma, high] = /^\{(\d+)(,?)(\d*)\}$/.exec(counted[0]!.quantifier)!
  const fixed = parts.length - 3
  const min = fixed + Number(low)
  const max = comma ? (high ? fixed + Number(high) : undefined) : min
  const text = parts.map((p) => (p === counted[0] ? `${p.text}*` : p.text + p.quantifier)).join('')
  return { regex: text, length: max === undefined ? { min } : { min, max } }
}

/** One piece of a top-level sequence: an anchor or an atom with its quantifier. */
interface SequencePart {
  readonly text: string
  readonly quantifier: string
  /** Matches exactly one character (a literal, an escape, a class or `.`), not a group. */
  readonly oneCharacter: boolean
  /** The code point, if the atom is one literal character. */
  readonly literal?: number
  /** The characters the atom excludes, if it is a negated class (`[^…]`, `.`, `\S`, `\D`, `\W`). */
  readonly negatedClass?: Ranges
}

/** An atom as PostgreSQL text, and what it matches where that is one literal or a negated class. */
interface Atom {
  readonly text: string
  readonly literal?: number
  readonly negatedClass?: Ranges
}

/** The PostgreSQL ARE meaning the same as `new RegExp(source, 'u').test(value)`, or undefined. */
export function toPostgresRegex(source: string): string | undefined {
  try {
    new RegExp(source, 'u')
  } catch {
    return undefined
  }
  try {
    return new Translator([...source]).translate()
  } catch (error) {
    if (error instanceof Untranslatable) return undefined
    throw error
  }
}

class Translator {
  private at = 0
  private depth = 0
  /** The parts of the pattern when it is one sequence (no top-level `|`); set by translate(). */
  topLevelParts: SequencePart[] | undefined
  constructor(private readonly chars: readonly string[]) {}

  translate(): string {
    const out = this.alternation()
    if (this.at < this.chars.length) throw new Untranslatable()
    return out
  }

  private peek = (offset = 0): string | undefined => this.chars[this.at + offset]

  private alternation(): string {
    const topLevel = this.depth++ === 0
    const parts: SequencePart[] = []
    const branches = [this.sequence(parts)]
    while (this.peek() === '|') {
      this.at++
      branches.push(this.sequence([]))
    }
    this.depth--
    if (topLevel) this.topLevelParts = branches.length === 1 ? parts : undefined
    return branches.join('|')
  }

  private sequence(parts: SequencePart[]): string {
    while (this.at < this.chars.length && this.peek() !== '|' && this.peek() !== ')') {
      const c = this.peek()!
      if (c === '^' || c === '$') {
        this.at++
        parts.push({ text: c, quantifier: '', oneCharacter: false })
        continue
      }
      const group = c === '('
      const atom = this.atom()
      parts.push({ ...atom, quantifier: this.quantifier(), oneCharacter: !group })
    }
    return parts.map((p) => p.text + p.quantifier).join('')
  }

  private atom(): Atom {
    const c = this.chars[this.at++]!
    switch (c) {
      case '(': {
        if (this.peek() === '?') {
          if (this.peek(1) !== ':') throw new Untranslatable() // lookaround, named group
          this.at += 2
        }
        const inner = this.alternation()
        if (this.chars[this.at++] !== ')') throw new Untranslatable()
        return { text: `(?:${inner})` }
      }
      case '[':
        return this.characterClass()
      case '.':
        return classAtom(rangesOf(LINE_TERMINATORS), true)
      case '\\':
        return this.escape(false)
      default: {
        if ('*+?{}])'.includes(c)) throw new Untranslatable()
        const cp = c.codePointAt(0)!
        return { text: escapeChar(cp), literal: cp }
      }
    }
  }

  /** After a backslash: a class (as an atom, or its ranges inside a bracket) or one character. */
  private escape(inBracket: true): Ranges
  private escape(inBracket: false): Atom
  private escape(inBracket: boolean): Atom | Ranges {
    const c = this.chars[this.at++]
    if (c === undefined) throw new Untranslatable()
    const lower = c.toLowerCase()
    if (CLASS_RANGES[lower] && 'dwsDWS'.includes(c)) {
      const negated = c !== lower
      if (inBracket) {
        if (negated) throw new Untranslatable()
        return CLASS_RANGES[lower]!
      }
      return classAtom(CLASS_RANGES[lower]!, negated)
    }
    const cp = this.escapedCodePoint(c)
    return inBracket ? [[cp, cp]] : { text: escapeChar(cp), literal: cp }
  }

  private escapedCodePoint(c: string): number {
    const simple: Record<string, number> = { n: 10, r: 13, t: 9, f: 12, v: 11 }
    if (simple[c] !== undefined) return simple[c]!
    if (c === 'u' || c === 'x') {
      const braced = c === 'u' && this.peek() === '{'
      const end = braced ? this.chars.indexOf('}', this.at) : this.at + (c === 'u' ? 4 : 2)
      const hex = this.chars.slice(braced ? this.at + 1 : this.at, end).join('')
      if (!/^[0-9a-fA-F]+$/.test(hex)) throw new Untranslatable()
      this.at = braced ? end + 1 : end
      return parseInt(hex, 16)
    }
    // With the u flag only syntax characters and `/` or `-` may be escaped; anything else
    // (\b, \B, \1, \k, \p, \c, \0) is an assertion, backreference or class we do not translate.
    if ('^$\\.*+?()[]{}|/-'.includes(c)) return c.codePointAt(0)!
    throw new Untranslatable()
  }

  private characterClass(): Atom {
    const negated = this.peek() === '^'
    if (negated) this.at++
    const ranges: Ranges = []
    while (this.peek() !== ']') {
      if (this.peek() === undefined) throw new Untranslatable()
      const from = this.classAtom()
      if (this.peek() === '-' && this.peek(1) !== ']' && this.peek(1) !== undefined) {
        this.at++
        const to = this.classAtom()
        if (from.length !== 1 || to.length !== 1 || from[0]![0] !== from[0]![1] || to[0]![0] !== to[0]![1]) throw new Untranslatable()
        ranges.push([from[0]![0], to[0]![0]])
      } else ranges.push(...from)
    }
    this.at++
    if (ranges.length === 0) throw new Untranslatable() // [] never matches, [^] always: rare, not worth a special case
    return classAtom(ranges, negated)
  }

  private classAtom(): Ranges {
    const c = this.chars[this.at++]!
    if (c === '\\') return this.escape(true)
    const cp = c.codePointAt(0)!
    return [[cp, cp]]
  }

  private quantifier(): string {
    const c = this.peek()
    let out = ''
    if (c === '*' || c === '+' || c === '?') {
      this.at++
      out = c
    } else if (c === '{') {
      const end = this.chars.indexOf('}', this.at)
      const body = this.chars.slice(this.at + 1, end).join('')
      const match = /^(\d+)(,(\d*))?$/.exec(body)
      if (end < 0 || !match) throw new Untranslatable()
      const bounds = [match[1], match[3]].filter((b) => b !== undefined && b !== '').map(Number)
      if (bounds.some((b) => b > PG_DUP_MAX)) throw new Untranslatable()
      this.at = end + 1
      out = `{${body}}`
    } else return ''
    const next = this.peek()
    if (next === '?') throw new Untranslatable() // lazy
    if (next !== undefined && '*+{'.includes(next)) throw new Untranslatable()
    return out
  }
}
