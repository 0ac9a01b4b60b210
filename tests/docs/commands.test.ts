// Every `npm run <script>` the README and docs/ tell people to type must exist: a command lost in a
// merge (db:migrate:rollback once was) is otherwise found by a user, not by CI.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '..', '..')
const scripts = Object.keys((JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts)
const documents = ['README.md', ...readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => join('docs', f))]

describe('the commands the documentation names', () => {
  it.each(documents)('%s names only npm scripts that exist', (document) => {
    const text = readFileSync(join(root, document), 'utf8')
    const named = [...text.matchAll(/npm run (?:-s )?([a-z][\w:.-]*[\w])(?![\w:<])/g)].map((m) => m[1]!)
    expect(named.filter((name) => !scripts.includes(name))).toEqual([])
  })
})
