'use strict'
// The hash of the generator's own sources (every file under generators/ and schema/, by path and
// content). The launcher (generate.cjs) names its bundle by it and compiles it in; the output cache
// (generators/output-cache.ts) keys on it, and computes it here when it runs without the launcher
// (under tsx). One definition, so the two can never hash differently. Plain CommonJS: the launcher
// runs before any TypeScript is compiled.
const { createHash } = require('node:crypto')
const { readdirSync, readFileSync } = require('node:fs')
const { join, relative, sep } = require('node:path')

/** @param {string} root the package root @returns {string} a hex SHA-256 */
function sourceDigest(root) {
  const hash = createHash('sha256')
  for (const dir of ['generators', 'schema']) {
    const files = readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name))
      .sort()
    for (const file of files) hash.update(`${relative(root, file).split(sep).join('/')}\0`).update(readFileSync(file)).update('\0')
  }
  return hash.digest('hex')
}

module.exports = { sourceDigest }
