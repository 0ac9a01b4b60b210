/**
 * Prisma 6.19's `prisma-client` generator exports `DbNull`, `JsonNull`, `AnyNull` (and objects
 * holding them) without type annotations; their classes are not exported by the runtime, so
 * `declaration: true` fails with TS4094 (prisma/prisma#29549, open). Annotating them with types
 * the runtime does export lets tsc write the .d.ts; the values are untouched. Used by scripts/build.ts.
 * Test: tests/db/upstream/prisma-cli.test.ts (fails once a freshly generated client compiles as is).
 */
export function annotateNullTypes(source: string): string {
  const instance = (name: string) => `typeof runtime.objectEnumValues.instances.${name}`
  return source
    .replace(/^export const (DbNull|JsonNull|AnyNull) = (runtime\.objectEnumValues\.instances\.\1)$/gm, (_, name: string, value: string) => `export const ${name}: ${instance(name)} = ${value}`)
    .replace(/^export const (\w+) = \{\n((?:  (?:DbNull|JsonNull|AnyNull): (?:DbNull|JsonNull|AnyNull),?\n)+)\} as const$/gm, (whole, name: string, body: string) => {
      const keys = [...body.matchAll(/^ {2}(\w+): \1,?$/gm)].map((m) => m[1]!)
      return whole.replace(`export const ${name} =`, `export const ${name}: { ${keys.map((k) => `readonly ${k}: ${instance(k)}`).join('; ')} } =`)
    })
}
