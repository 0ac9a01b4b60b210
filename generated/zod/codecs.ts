// Generated from models/audit-log.yaml, models/auth.yaml, models/common.yaml, models/communication-log.yaml, models/credit.yaml, models/gym.yaml, models/notification.yaml, models/parq.yaml, models/payment.yaml, models/session.yaml, models/subscription.yaml, models/support-comment.yaml, models/user.yaml by `npm run generate`. Do not edit: change the models and regenerate.

import { z } from 'zod';
import { Decimal, objectEnumValues, type JsonValue } from '@prisma/client/runtime/client';

// Each converts between a column's JSON form (the schema's input: `Schema.decode(json)`, `parse`)
// and the value the Prisma client reads and writes (its output: `Schema.encode(row)`).

/**
 * SQL NULL in a Json column, as the client spells it (`Prisma.DbNull`). An interface, so .d.ts
 * files can name it: the runtime does not export the class behind it.
 */
export interface DbNull extends InstanceType<typeof objectEnumValues.classes.DbNull> {}
const DbNull: DbNull = objectEnumValues.instances.DbNull;

/**
 * Any JSON value, typed as the client types a Json column. (Written with types every zod 4 release
 * of the peer range exports, as is `instanceOf`: the package's .d.ts name them.)
 */
export const anyJson = (): z.ZodType<JsonValue> => z.json() as z.ZodType<JsonValue>;

const instanceOf = <T>(type: abstract new (...args: never[]) => T) => z.custom<T>((value) => value instanceof type);

/** DateTime: an RFC 3339 date-time on the wire, a `Date` in the client. */
export const dateTime = (wire: z.ZodType<string>) =>
  z.codec(wire, z.date(), { decode: (text) => new Date(text), encode: (value) => value.toISOString() });

/** DateTime stored as DATE: `2026-01-31` on the wire, a `Date` at UTC midnight in the client. */
export const date = (wire: z.ZodType<string>) =>
  z.codec(wire, z.date(), { decode: (text) => new Date(`${text}T00:00:00.000Z`), encode: (value) => value.toISOString().slice(0, 10) });

/** Decimal: a JSON number on the wire, `Prisma.Decimal` in the client. */
export const decimal = (wire: z.ZodType<number>) =>
  z.codec(wire, instanceOf(Decimal), { decode: (n) => new Decimal(n), encode: (value) => value.toNumber() });

/** BigInt: a JSON integer on the wire (within ±(2^53 − 1)), a `bigint` in the client. */
export const bigInteger = (wire: z.ZodType<number>) =>
  z.codec(wire, z.bigint(), { decode: (n) => BigInt(n), encode: (value) => Number(value) });

/** Bytes: base64 on the wire, a `Uint8Array` in the client. */
export const bytes = (wire: z.ZodType<string>) =>
  z.codec(wire, instanceOf(Uint8Array), {
    decode: (text) => new Uint8Array(Buffer.from(text, 'base64')),
    encode: (value) => Buffer.from(value).toString('base64'),
  });

/** A Json column in a read schema: the client holds any JSON; on the wire it must fit its shape. */
export const jsonColumn = <S extends z.ZodType>(shape: S) =>
  z.codec(shape, z.custom<JsonValue>((value) => value !== undefined), { decode: (value) => value as JsonValue, encode: (value) => value as z.output<S> });

/**
 * A read schema made fast both ways, with the same results: a route decodes request data and
 * encodes every row it returns, so these run per field per row. Left alone, zod walks the fields
 * one schema at a time, and encode (zod's backward direction) parses every field with checks twice.
 * Here each direction is one function zod's compiler generated: decode of the schema itself, encode
 * of a forward twin of it (client form → reverse transform → wire form, field by field). It checks
 * everything zod's walk checks; a value it refuses (it answers `z.INVALID`) runs zod's own walk,
 * so issues are unchanged. Both are compiled on first use: a shape may read schemas of modules that
 * are not loaded yet.
 *
 * The fast path is installed twice: as the schema's own `encode`, `decode`, `parse` and
 * their `safe` forms (as `z.compile` does for `parse`), because zod's `encode` copies its
 * parse context twice with object spread before it reaches `_zod.run`, which on Node 20 costs
 * ~0.4 µs a call, as long as converting a row's two dates; and in `_zod.run`, for every other way
 * in (a parent schema, Standard Schema, a method called with options). A method called with options
 * (an error map, `reportInput`) or given a value the function refuses is zod's own method.
 *
 * zod internals relied on (zod ^4.6.0): `_zod.run`, `_zod.def` (clientToWire) and
 * `z.core.compileFn`, the generator behind `z.compile` (exported, marked internal). Without it,
 * or where it refuses a schema, that direction is zod's walk: correct, only slower.
 */
export const readSchema = <T extends z.ZodObject>(schema: T): T => {
  const runtime = schema._zod.run;
  let compiled: FastPaths | undefined;
  const fast = (): FastPaths => (compiled ??= compileBothWays(schema));
  schema._zod.run = (payload, ctx) => {
    if (ctx.async || ctx.skipChecks) return runtime(payload, ctx);
    const parser = ctx.direction === 'backward' ? fast().encode : fast().decode;
    const out = parser ? parser(payload.value) : z.INVALID;
    if (out === z.INVALID) return runtime(payload, ctx);
    payload.value = out;
    return payload;
  };
  // Each method: the compiled function; zod's own method when options are given or the value is refused.
  const method = (way: keyof FastPaths, zods: (value: never, params?: Options) => unknown, success = (out: unknown): unknown => out) =>
    (value: unknown, params?: Options) => {
      const parser = params === undefined ? fast()[way] : undefined;
      const out = parser ? parser(value) : z.INVALID;
      return out === z.INVALID ? zods.call(schema, value as never, params) : success(out);
    };
  const succeeded = (data: unknown) => ({ success: true, data });
  Object.assign(schema, {
    encode: method('encode', schema.encode),
    decode: method('decode', schema.decode),
    parse: method('decode', schema.parse),
    safeEncode: method('encode', schema.safeEncode, succeeded),
    safeDecode: method('decode', schema.safeDecode, succeeded),
    safeParse: method('decode', schema.safeParse, succeeded),
  });
  return schema;
};

type Options = z.core.ParseContext<z.core.$ZodIssue>;

/** A read schema's two compiled functions: each returns the converted value or `z.INVALID`. */
interface FastPaths {
  readonly decode: ((value: unknown) => unknown) | undefined;
  readonly encode: ((value: unknown) => unknown) | undefined;
}

function compileBothWays(schema: z.ZodObject): FastPaths {
  const encoderShape: Record<string, z.ZodType> = {};
  let encodable = true;
  for (const [key, field] of Object.entries(schema.shape)) {
    const forward = clientToWire(field as z.ZodType);
    if (forward) encoderShape[key] = forward;
    else encodable = false;
  }
  // A clone: its run is zod's own, where the schema's own calls back into this fast path.
  return { decode: compiledOrNot(schema.clone()), encode: encodable ? compiledOrNot(z.object(encoderShape)) : undefined };
}

/** zod's compiled function of a schema, or undefined where zod's compiler is absent or refuses it. */
function compiledOrNot(schema: z.ZodType): ((value: unknown) => unknown) | undefined {
  if (typeof z.core.compileFn !== 'function') return undefined;
  try {
    return z.core.compileFn(schema);
  } catch {
    return undefined;
  }
}

/** What clientToWire reads of a field's definition (nullable, codec and array). */
interface FieldDef {
  readonly type: string;
  readonly innerType?: z.ZodType;
  readonly element?: z.ZodType;
  readonly in?: z.ZodType;
  readonly out?: z.ZodType;
  readonly reverseTransform?: (value: unknown, payload: z.core.ParsePayload) => unknown;
}

/** Leaf types: they hold no codec, so they check the same value both ways. */
const CODEC_FREE = new Set(['string', 'number', 'boolean', 'bigint', 'date', 'enum', 'literal', 'null', 'custom']);

/**
 * A field's encode as a forward schema: a codec becomes its client side, its reverse transform,
 * then its wire side (the order zod's encode runs them in). Undefined for a field whose codecs sit
 * deeper than one `nullable`: that schema keeps zod's own encode.
 */
function clientToWire(field: z.ZodType): z.ZodType | undefined {
  const def = field._zod.def as FieldDef;
  if (def.type === 'nullable' && def.innerType) return clientToWire(def.innerType)?.nullable();
  if (def.type === 'pipe' && def.in && def.out && def.reverseTransform) return def.out.pipe(z.transform(def.reverseTransform)).pipe(def.in);
  if (CODEC_FREE.has(def.type)) return field;
  if (def.type === 'array' && def.element && clientToWire(def.element) === def.element) return field;
  if (def.type === 'object' && Object.values((field as z.ZodObject).shape).every((f) => clientToWire(f as z.ZodType) === f)) return field;
  return undefined;
}

/** A nullable Json column in an input: JSON `null` is SQL NULL, which the client takes as `Prisma.DbNull`. */
export const nullableJsonInput = <S extends z.ZodType>(shape: S) =>
  z.codec(shape.nullable(), z.custom<z.output<S> | DbNull>(), {
    decode: (value) => (value === null ? DbNull : value),
    encode: (value) => (value === DbNull ? null : (value as z.output<S>)),
  });
