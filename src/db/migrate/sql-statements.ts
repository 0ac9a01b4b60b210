// Where each statement of a migration script starts, read the way PostgreSQL's own scanner reads it:
// a `;` inside a string ('…', E'…'), a quoted identifier, a `--` or (nested) `/* */` comment or a
// `$tag$…$tag$` body ends nothing. Migrations are still SENT whole; this map only serves to name the
// line of a failing statement, and to run a no-transaction migration statement by statement.

export interface SqlStatement {
  /** The statement's text, without the `;` that ends it. */
  readonly sql: string
  /** 1-based line of migration.sql on which the statement starts (its first non-blank, non-comment character). */
  readonly line: number
  /** Offset of the statement's first character in the script. */
  readonly offset: number
}

/** The statements of `script`, in order; comment-only and empty stretches are left out. */
export function splitSqlStatements(script: string): SqlStatement[] {
  const statements: SqlStatement[] = []
  let start = -1 // offset of the current statement's first significant character
  let i = 0
  // Lines are counted as the scan goes (statements start in order): counting from the top for
  // each statement made a long script quadratic (~0.8 s for the platform's migrations per db:migrate).
  let counted = 0
  let line = 1
  const lineOf = (offset: number) => {
    for (; counted < offset; counted++) if (script.charCodeAt(counted) === 10) line++
    return line
  }
  const end = (at: number) => {
    if (start >= 0) statements.push({ sql: script.slice(start, at), line: lineOf(start), offset: start })
    start = -1
  }
  while (i < script.length) {
    const c = script[i]!
    const next = script[i + 1]
    if (c === '-' && next === '-') { i = skipTo(script, '\n', i); continue }
    if (c === '/' && next === '*') { i = skipBlockComment(script, i); continue }
    if (c === ';') { end(i); i++; continue }
    if (isSpace(c)) { i++; continue }
    if (start < 0) start = i
    if (c === "'") i = skipQuoted(script, i, "'", isEscapeString(script, i))
    else if (c === '"') i = skipQuoted(script, i, '"', false)
    else if (c === '$') i = skipDollarQuoted(script, i)
    else i++
  }
  end(script.length)
  return statements
}

/** JavaScript's `\s`, without a regular expression for the ASCII characters that are most of a script. */
function isSpace(c: string): boolean {
  const code = c.charCodeAt(0)
  return code === 32 || (code >= 9 && code <= 13) || (code > 127 && /\s/.test(c))
}

/** 1-based line of character `offset` in `text`. */
export function lineAt(text: string, offset: number): number {
  let line = 1
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++
  return line
}

const skipTo = (s: string, what: string, from: number) => {
  const at = s.indexOf(what, from)
  return at < 0 ? s.length : at + what.length
}

// PostgreSQL's block comments nest.
function skipBlockComment(s: string, from: number): number {
  let depth = 0
  let i = from
  while (i < s.length) {
    if (s.startsWith('/*', i)) { depth++; i += 2 } else if (s.startsWith('*/', i)) { depth--; i += 2; if (depth === 0) return i } else i++
  }
  return i
}

// E'…' (and e'…') strings take backslash escapes; others double the quote only.
const isEscapeString = (s: string, quoteAt: number) => /[eE]/.test(s[quoteAt - 1] ?? '') && !/[\w$]/.test(s[quoteAt - 2] ?? '')

function skipQuoted(s: string, from: number, quote: string, backslashes: boolean): number {
  let i = from + 1
  while (i < s.length) {
    const c = s[i]!
    if (backslashes && c === '\\') { i += 2; continue }
    if (c === quote) { if (s[i + 1] === quote) { i += 2; continue } return i + 1 }
    i++
  }
  return i
}

// `$tag$ … $tag$` (tag possibly empty); a `$` not starting such a tag ($1 parameters) is an ordinary character.
function skipDollarQuoted(s: string, from: number): number {
  const tag = /^\$([A-Za-z_\u0080-\uffff][\w\u0080-\uffff]*)?\$/.exec(s.slice(from, from + 64))?.[0]
  if (!tag || /[\w$]/.test(s[from - 1] ?? '')) return from + 1
  return skipTo(s, tag, from + tag.length)
}
