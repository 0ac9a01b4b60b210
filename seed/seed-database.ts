import type { PrismaClient } from '../src/generated/prisma/client.ts'
import { DatabaseSetupError, firstLine } from '../src/db/errors.ts'
import type { Conversion, ModelFixtures } from './read-fixtures.ts'

/** Rows per createMany: large enough to amortise round trips, small enough for parameter limits. */
export const BATCH_SIZE = 1000

export interface SeedReport {
  readonly model: string
  /** Rows in the fixtures. */
  readonly rows: number
  /** Rows this run inserted; the rest were already there. */
  readonly inserted: number
}

type Delegate = { createMany(args: { data: Record<string, unknown>[]; skipDuplicates: boolean }): Promise<{ count: number }> }

/**
 * Loads the fixtures in order, in one transaction: a failure leaves the database as it was. Every
 * row has its key, so a row already present is skipped (ON CONFLICT DO NOTHING): running twice
 * inserts nothing the second time. Rows go in batches through createMany.
 */
export async function seedDatabase(prisma: PrismaClient, fixtures: readonly ModelFixtures[], onModel: (report: SeedReport) => void = () => {}): Promise<SeedReport[]> {
  const reports: SeedReport[] = []
  await prisma.$transaction(
    async (tx) => {
      for (const model of fixtures) {
        const delegate = (tx as unknown as Record<string, Delegate>)[delegateName(model.model)]!
        const rows = model.rows.map((row) => convertRow(row, model.conversions))
        let inserted = 0
        for (let start = 0; start < rows.length; start += BATCH_SIZE) {
          try {
            inserted += (await delegate.createMany({ data: rows.slice(start, start + BATCH_SIZE), skipDuplicates: true })).count
          } catch (error) {
            throw new DatabaseSetupError(`seeding ${model.model} (rows ${start + 1}-${Math.min(rows.length, start + BATCH_SIZE)}) failed, nothing was written: ${describePrismaError(error)}`)
          }
        }
        for (const column of model.sequences) {
          await tx.$executeRawUnsafe(`SELECT setval(pg_get_serial_sequence('"${model.table}"', '${column}'), coalesce((SELECT max("${column}") FROM "${model.table}"), 0) + 1, false)`)
        }
        const report = { model: model.model, rows: rows.length, inserted }
        reports.push(report)
        onModel(report)
      }
    },
    { timeout: 300_000, maxWait: 30_000 },
  )
  return reports
}

/** Prisma's client property for a model: `GymEquipment` → `gymEquipment`. */
const delegateName = (model: string) => model.charAt(0).toLowerCase() + model.slice(1)

function convertRow(row: Record<string, unknown>, conversions: Readonly<Record<string, Conversion>>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...row }
  for (const [field, conversion] of Object.entries(conversions)) {
    const value = out[field]
    if (value === undefined || value === null) continue
    out[field] = convertValue(value, conversion)
  }
  return out
}

function convertValue(value: unknown, conversion: Conversion): unknown {
  if (Array.isArray(value)) return value.map((v) => convertValue(v, conversion))
  switch (conversion) {
    case 'DateTime':
      return new Date(value as string)
    case 'BigInt':
      return BigInt(value as number)
    case 'Bytes':
      return Uint8Array.from(Buffer.from(value as string, 'base64'))
    case 'Decimal':
      return String(value) // exact: Prisma parses the decimal text
  }
}

/** Prisma's errors are multi-line with a code frame; keep the line that says what failed. */
function describePrismaError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error)
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean)
  // The first line only says "Invalid `delegate.createMany()` invocation in <file>"; the reason comes last.
  const reasons = lines.filter((l) => !/^Invalid `.*` invocation/.test(l) && !/^→?\s*\d+\s/.test(l))
  return reasons.find((l) => /constraint|violat|unique|foreign key|null value/i.test(l)) ?? reasons.at(-1) ?? firstLine(error)
}
