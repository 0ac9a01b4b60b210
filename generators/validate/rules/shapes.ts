import type { RuleContext } from './context.ts'
import { findCycle } from '../../ir/lookup.ts'

/**
 * A shape that requires itself, directly or through other shapes (required, non-list fields only),
 * has no finite value: no payload could satisfy it and no fixture could be generated for it.
 */
export function checkShapeCycles({ symbols, diagnostics }: RuleContext): void {
  const requiredShapes = (name: string): string[] =>
    Object.values(symbols.shapes.get(name)?.def.fields ?? {})
      .filter((f) => f.type === 'Json' && f.shape !== undefined && !f.optional && !f.list)
      .map((f) => f.shape!)
  for (const [name, decl] of symbols.shapes) {
    const path = findCycle(name, requiredShapes)
    if (!path) continue
    const [first] = Object.entries(decl.def.fields).filter(([, f]) => f.shape === path[1] && !f.optional && !f.list)
    diagnostics.push(decl.source.diagnostic('PIKA308', 'shapeRequiresItself', { type: name, cycle: path.join(' → ') }, [...decl.path, 'fields', first![0], 'shape']))
  }
}
