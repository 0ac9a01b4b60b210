import type { Ir, IrEnum, IrModel, IrShape } from './types.ts'

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
 * Declarations by name and by model file, built once per IR and shared by every emitter. Emitters
 * look names up per field and per relation; a linear search of the IR each time grows with the
 * square of the model count. The IR is frozen, so an index keyed on it can never go stale.
 */
const lookups = new WeakMap<Ir, IrLookup>()

function lookup(ir: Ir): IrLookup {
  let found = lookups.get(ir)
  if (!found) lookups.set(ir, (found = buildLookup(ir)))
  return found
}

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
