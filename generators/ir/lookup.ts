import { isRelationField, isStoredField, type Ir, type IrEnum, type IrModel, type IrRelationField, type IrShape } from './types.ts'

/** The declarations of one model file, in IR order. */
export interface DomainDeclarations {
  readonly models: readonly IrModel[]
  readonly enums: readonly IrEnum[]
  readonly shapes: readonly IrShape[]
}

interface IrLookup {
  readonly models: ReadonlyMap<string, IrModel>
  readonly enums: ReadonlyMap<string, IrEnum>
  readonly shapes: ReadonlyMap<string, IrShape>
  readonly domains: ReadonlyMap<string, DomainDeclarations>
}

/**
 * Data derived from a part of the IR, computed once per part and shared by every emitter that asks.
 * The IR is frozen, so a result kept by the identity of what it was derived from can never go stale.
 */
export function derivedFromIr<K extends object, V>(derive: (key: K) => V): (key: K) => V {
  const results = new WeakMap<K, V>()
  return (key) => {
    let result = results.get(key)
    if (result === undefined) results.set(key, (result = derive(key)))
    return result
  }
}

/**
 * Declarations by name and by model file. Emitters look names up per field and per relation; a
 * linear search of the IR each time grows with the square of the model count.
 */
const lookup = derivedFromIr(buildLookup)

function buildLookup(ir: Ir): IrLookup {
  const domains = new Map(ir.domains.map((d) => [d.name, { models: [] as IrModel[], enums: [] as IrEnum[], shapes: [] as IrShape[] }]))
  for (const model of ir.models) domains.get(model.domain)?.models.push(model)
  for (const e of ir.enums) domains.get(e.domain)?.enums.push(e)
  for (const shape of ir.shapes) domains.get(shape.domain)?.shapes.push(shape)
  return {
    models: new Map(ir.models.map((m) => [m.name, m])),
    enums: new Map(ir.enums.map((e) => [e.name, e])),
    shapes: new Map(ir.shapes.map((s) => [s.name, s])),
    domains,
  }
}

export const modelNamed = (ir: Ir, name: string): IrModel | undefined => lookup(ir).models.get(name)
export const enumNamed = (ir: Ir, name: string): IrEnum | undefined => lookup(ir).enums.get(name)
export const shapeNamed = (ir: Ir, name: string): IrShape | undefined => lookup(ir).shapes.get(name)

const NOTHING: DomainDeclarations = { models: [], enums: [], shapes: [] }
export const declarationsOf = (ir: Ir, domain: string): DomainDeclarations => lookup(ir).domains.get(domain) ?? NOTHING

/** The other end of a relation: the relation field `field.opposite` of the target model. */
export const oppositeEnd = (ir: Ir, field: IrRelationField): IrRelationField | undefined =>
  modelNamed(ir, field.target)?.fields.find((f): f is IrRelationField => isRelationField(f) && f.name === field.opposite)

/**
 * Whether a table with exactly `columns` is `model`'s table under another name: same column count,
 * and every stored field's column (or the column its `renamedFrom` names) among them. The rename
 * migration keeps a table whose `table:` changed only then; otherwise Prisma drops and re-creates it.
 */
export const holdsColumnsOf = (model: IrModel, columns: ReadonlySet<string>): boolean => {
  const stored = model.fields.filter(isStoredField)
  return columns.size === stored.length && stored.every((f) => columns.has(f.column) || (f.renamedFrom !== undefined && columns.has(f.renamedFrom)))
}

/** The path from `start` back to itself along `next` (the validator: required shapes; the zod emitter: any nesting), if there is one. */
export function findCycle(start: string, next: (name: string) => string[]): string[] | undefined {
  const stack: string[][] = [[start]]
  const seen = new Set<string>()
  while (stack.length) {
    const path = stack.pop()!
    for (const child of next(path.at(-1)!)) {
      if (child === start) return [...path, child]
      if (seen.has(child)) continue
      seen.add(child)
      stack.push([...path, child])
    }
  }
  return undefined
}
