import type { Document, Node, Pair, YAMLError } from 'yaml'
import { diagnostic, type Diagnostic, type SourceLocation } from '../diagnostics/diagnostic.ts'
import type { SourceFile } from './source-file.ts'
import { FORBIDDEN_KEYS, MAX_DEPTH, MAX_EXPANDED_SIZE, yamlLibrary } from './yaml-parsers.ts'

/**
 * Checks the parsed YAML tree before it becomes plain data: nesting depth, keys that are not plain
 * names, keys that could alter object prototypes, aliases without an anchor. Iterative, so a deeply
 * nested file cannot overflow the stack here.
 */
export function checkYamlTree(document: Document.Parsed, source: SourceFile): Diagnostic[] {
  const { isAlias, isMap, isPair, isScalar, isSeq } = yamlLibrary()
  const found: Diagnostic[] = []
  const anchors = new Set<string>()
  const at = (node: Node | null | undefined) => source.rangeToLocation(node?.range ? [node.range[0], node.range[1]] : [0, 0])
  const stack: { node: unknown; depth: number }[] = [{ node: document.contents, depth: 0 }]
  let tooDeep = false
  while (stack.length) {
    const { node, depth } = stack.pop()!
    if (isAlias(node)) {
      if (!anchors.has(node.source)) {
        found.push(diagnostic('PIKA001', 'aliasWithoutAnchor', { alias: node.source }, at(node)))
      }
      continue
    }
    if (!isMap(node) && !isSeq(node) && !isScalar(node)) continue
    if (node.anchor) anchors.add(node.anchor)
    if (isScalar(node)) continue
    if (depth >= MAX_DEPTH) {
      if (!tooDeep) found.push(diagnostic('PIKA011', 'nestedTooDeep', { maxDepth: MAX_DEPTH }, at(node)))
      tooDeep = true
      continue
    }
    const children: unknown[] = []
    for (const item of node.items as unknown[]) {
      if (isPair(item)) {
        const problem = keyProblem(item)
        if (problem) found.push(diagnostic('PIKA006', problem.id, problem.params, at(item.key as Node)))
        children.push(item.key, item.value)
      } else {
        children.push(item)
      }
    }
    // Pushed in reverse so nodes are visited in document order: anchors come before their aliases.
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], depth: depth + 1 })
  }
  return found
}

function keyProblem(pair: Pair): { id: 'prototypeKey'; params: { key: string } } | { id: 'emptyKey' | 'complexKey'; params: Record<string, never> } | undefined {
  const { isScalar } = yamlLibrary()
  const key = pair.key
  if (isScalar(key) && key.value !== null && typeof key.value !== 'object') {
    const name = String(key.value)
    if (FORBIDDEN_KEYS.has(name)) return { id: 'prototypeKey', params: { key: name } }
    return undefined
  }
  if (isScalar(key) || key === null) return { id: 'emptyKey', params: {} }
  return { id: 'complexKey', params: {} }
}

/** Turns the YAML library's parse errors into diagnostics with messages written for model authors. */
export function syntaxDiagnostics(document: Document.Parsed, source: SourceFile): Diagnostic[] {
  return document.errors.map((error) => {
    const location = source.rangeToLocation(error.pos)
    if (error.code === 'DUPLICATE_KEY') return duplicateKey(document, source, error) ?? diagnostic('PIKA009', 'duplicateKeyUnplaced', {}, location)
    return syntaxDiagnostic(error, location)
  })
}

/** The YAML library's error, in words for model authors where we have better ones, else its own first line. */
function syntaxDiagnostic(error: YAMLError, location: SourceLocation): Diagnostic {
  if (error.code === 'MULTIPLE_DOCS') return diagnostic('PIKA001', 'severalDocuments', {}, location)
  if (/call stack/i.test(error.message)) return diagnostic('PIKA001', 'callStack', { maxDepth: MAX_DEPTH }, location)
  if (/^Flow (map|sequence) in block collection/.test(error.message)) {
    const [open, close] = error.message.startsWith('Flow map') ? ['{', '}'] : ['[', ']']
    return diagnostic('PIKA001', 'unclosedFlow', { open, close }, location)
  }
  const parserMessage = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')
  if (error.code === 'TAB_AS_INDENT') return diagnostic('PIKA001', 'tabIndentation', { parserMessage }, location)
  if (error.code === 'BLOCK_AS_IMPLICIT_KEY') return diagnostic('PIKA001', 'implicitKeyBlock', { parserMessage }, location)
  return diagnostic('PIKA001', 'parser', { parserMessage }, location)
}

/** Names the repeated key and points at where it first appears. */
function duplicateKey(document: Document.Parsed, source: SourceFile, error: YAMLError): Diagnostic | undefined {
  const { isMap, isPair, isScalar, isSeq } = yamlLibrary()
  const stack: unknown[] = [document.contents]
  while (stack.length) {
    const node = stack.pop()
    if (!isMap(node) && !isSeq(node)) continue
    for (const [index, item] of (node.items as unknown[]).entries()) {
      if (!isPair(item)) {
        stack.push(item)
        continue
      }
      stack.push(item.value)
      const key = item.key as Node | null
      if (!isScalar(key) || key.range?.[0] !== error.pos[0]) continue
      const name = String(key.value)
      const first = (node.items as Pair[]).slice(0, index).find((p) => isScalar(p.key) && String(p.key.value) === name)
      const related = first && isScalar(first.key) && first.key.range ? source.rangeToLocation([first.key.range[0], first.key.range[1]]) : undefined
      return diagnostic('PIKA009', 'duplicateKey', { key: name }, source.rangeToLocation([key.range[0], key.range[1]]), related)
    }
  }
  return undefined
}

/**
 * Refuses a file whose aliases expand too far. What matters is how big the data gets once every
 * alias stands for a copy of its anchor (every output copies it), not how many aliases there are:
 * nine aliases of nine aliases of … grow exponentially, and 90 aliases of a 4 KB mapping copy it
 * 90 times. The size counts one per node and one per character of scalar text; an anchor's size
 * is computed once. Runs after checkYamlTree, so the recursion is at most MAX_DEPTH deep.
 */
export function expansionDiagnostic(document: Document.Parsed, source: SourceFile): Diagnostic | undefined {
  const { isAlias, isMap, isPair, isScalar, isSeq } = yamlLibrary()
  const sizes = new Map<unknown, number>()
  // Reported at the alias whose copy first takes the file past the limit.
  let lastAlias: Node | undefined
  let firstOverflow: Node | undefined
  const sizeOf = (node: unknown): number => {
    if (node === null || node === undefined) return 1
    const known = sizes.get(node)
    if (known !== undefined) return known
    let size = 1
    if (isAlias(node)) {
      const target = node.resolve(document)
      // An alias inside its own anchor would expand without end.
      size = target === undefined ? 1 : sizes.has(target) || !isInside(target, node) ? sizeOf(target) : Infinity
      lastAlias = node
      if (size > MAX_EXPANDED_SIZE) firstOverflow ??= node
    } else if (isScalar(node)) {
      size += String(node.value ?? '').length
    } else if (isMap(node) || isSeq(node)) {
      for (const item of node.items as unknown[]) {
        size += isPair(item) ? sizeOf(item.key) + sizeOf(item.value) : sizeOf(item)
        if (size > MAX_EXPANDED_SIZE) {
          firstOverflow ??= lastAlias
          break
        }
      }
    }
    sizes.set(node, size)
    return size
  }
  const total = sizeOf(document.contents)
  if (total <= MAX_EXPANDED_SIZE) return undefined
  const at = firstOverflow?.range ?? [0, 0]
  return diagnostic('PIKA005', 'aliasesExpandTooFar', { limit: MAX_EXPANDED_SIZE.toLocaleString('en') }, source.rangeToLocation([at[0], at[1]]))
}

/** Whether `alias` sits inside the node it refers to (the node is still being sized). */
function isInside(target: Node, alias: Node): boolean {
  const [start, end] = [target.range?.[0] ?? -1, target.range?.[2] ?? -1]
  return alias.range !== undefined && alias.range !== null && alias.range[0] >= start && alias.range[0] < end
}
