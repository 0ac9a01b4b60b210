import wasm from '@prisma/prisma-schema-wasm'

/**
 * Prisma's own schema formatter and validator, loaded in-process from the WebAssembly build that the
 * CLI uses (pinned to the engines of prisma 6.19.3), so tests need neither the CLI nor a network.
 */
export function formatPrismaSchema(schema: string): string {
  const params = JSON.stringify({ textDocument: { uri: 'file:/schema.prisma' }, options: { tabSize: 2, insertSpaces: true } })
  const [[, formatted]] = JSON.parse(wasm.format(JSON.stringify([['schema.prisma', schema]]), params)) as [[string, string]]
  return formatted
}

/** Throws with Prisma's own error text when the schema is invalid. */
export function validatePrismaSchema(schema: string): void {
  wasm.validate(JSON.stringify({ prismaSchema: [['schema.prisma', schema]], noColor: true }))
}
