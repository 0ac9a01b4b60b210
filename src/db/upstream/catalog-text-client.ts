import pg from 'pg'

// Upstream: @prisma/adapter-pg 6.19.3 maps no column type for the catalog types name (OID 19) and
// "char" (OID 18): its queryRaw fails with UnsupportedNativeDataType ("Column type 'name' could not be
// deserialized"). No upstream issue found. The schema engine's introspection selects them (Migrate
// fails), and so does raw SQL like `SELECT current_schema()`. Reporting them as text (OID 25) fixes both.
// Test: tests/db/upstream/adapter-pg.test.ts (fails once the stock adapter reads them).
const catalogTypesAsText = (res: any) => {
  for (const f of res?.fields ?? []) if (f.dataTypeID === 18 || f.dataTypeID === 19) f.dataTypeID = 25
  return res
}

/** A pg.Client (for pg.Pool's `Client` option) whose results report name/"char" columns as text. */
export class CatalogTextClient extends pg.Client {
  override query(...args: any[]): any {
    const cb = args.at(-1)
    if (typeof cb === 'function') args[args.length - 1] = (err: Error, res: unknown) => cb(err, catalogTypesAsText(res))
    const result: any = (super.query as (...a: any[]) => any)(...args)
    return typeof result?.then === 'function' ? result.then(catalogTypesAsText) : result
  }
}
