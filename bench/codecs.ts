import type { ZodType } from 'zod'
import { Decimal } from '@prisma/client/runtime/client'
import { measureOps, type OpsOptions } from './measure-ops.ts'
import type { Summary } from './stats.ts'

/** A credit pack as the Prisma client returns it: Dates and a Decimal among plain values. */
const ROW = {
  id: 'cpack00000000000000000001', createdAt: new Date('2026-01-31T09:00:00.000Z'), updatedAt: new Date('2026-02-01T10:30:00.250Z'),
  name: 'Ten sessions', description: 'Ten classes of your choice', credits: 10, price: new Decimal('99.50'), currency: 'USD',
  validityDays: 180, isActive: true, stripePriceId: null,
}
type Row = typeof ROW
type Json = Omit<Row, 'createdAt' | 'updatedAt' | 'price'> & { createdAt: string; updatedAt: string; price: number }

/** What an endpoint writes by hand without the codecs: the same conversions, field by field. */
const handEncode = (r: Row): Json => ({ ...r, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString(), price: r.price.toNumber() })
const handDecode = (j: Json): Row => ({ ...j, createdAt: new Date(j.createdAt), updatedAt: new Date(j.updatedAt), price: new Decimal(j.price) })

export interface CodecResult {
  readonly opsPerSecond: Record<string, Summary>
  /** The codec's median ops/s over the hand-written mapper's. */
  readonly codecVsHandWritten: { readonly encode: number; readonly decode: number }
  readonly notes: readonly string[]
}

/**
 * `CreditPackSchema.encode(row)` and `.decode(json)` of a generated zod folder against a hand-written
 * mapper doing the same conversions. The codecs also validate (the hand mapper does not): that is
 * part of what they are for, so it is part of what is timed. Both must give the same result first.
 */
export async function measureCodecs(zodIndex: string, options: OpsOptions): Promise<CodecResult> {
  const schema = ((await import(zodIndex)) as Record<string, ZodType & { encode(v: unknown): unknown; decode(v: unknown): unknown }>).CreditPackSchema
  if (!schema) throw new Error(`${zodIndex} exports no CreditPackSchema`)
  const json = handEncode(ROW)
  if (JSON.stringify(schema.encode(ROW)) !== JSON.stringify(json)) throw new Error('CreditPackSchema.encode differs from the hand-written mapper')
  if (JSON.stringify(schema.decode(json)) !== JSON.stringify(handDecode(json))) throw new Error('CreditPackSchema.decode differs from the hand-written mapper')
  const ops = Object.fromEntries(measureOps([
    { name: 'codec / encode', fn: () => schema.encode(ROW) },
    { name: 'hand-written mapper / encode', fn: () => handEncode(ROW) },
    { name: 'codec / decode', fn: () => schema.decode(json) },
    { name: 'hand-written mapper / decode', fn: () => handDecode(json) },
  ], options))
  const ratio = (op: string) => ops[`codec / ${op}`]!.median / ops[`hand-written mapper / ${op}`]!.median
  return {
    opsPerSecond: ops,
    codecVsHandWritten: { encode: ratio('encode'), decode: ratio('decode') },
    notes: ['CreditPack: two DateTime and one Decimal column among eight plain ones; the codec validates every field as well.'],
  }
}
