// Generated from models/member.yaml by `npm run generate`. Do not edit: change the models and regenerate.

import { z } from 'zod';
import { formats } from './formats.ts';
import { anyJson, bigInteger, bytes, date, dateTime, decimal, readSchema } from './codecs.ts';

/** What a member may do. */
export const RoleSchema = z.enum(['USER', 'TRAINER', 'ADMIN']).describe('What a member may do.');

/** What a member may do. */
export const Role = {
  USER: 'USER',
  TRAINER: 'TRAINER',
  ADMIN: 'ADMIN',
} as const;

export type Role = z.infer<typeof RoleSchema>;

/** A way through the zones (a shape that contains itself through another). */
export const RouteSchema: z.ZodType<Route, Route> = z.strictObject({
  label: z.string(),
  get via() {
    return z.array(ZoneSchema);
  },
}).describe('A way through the zones (a shape that contains itself through another).');

/** A way through the zones (a shape that contains itself through another). */
export interface Route {
  label: string;
  via: Array<z.output<typeof ZoneSchema>>;
}

/** An area of the floor; zones nest (a shape that contains itself). */
export const ZoneSchema: z.ZodType<Zone, Zone> = z.strictObject({
  name: z.string().max(60),
  get subzones() {
    return z.array(ZoneSchema).nullable().exactOptional();
  },
  route: RouteSchema.nullable().exactOptional(),
}).describe('An area of the floor; zones nest (a shape that contains itself).');

/** An area of the floor; zones nest (a shape that contains itself). */
export interface Zone {
  name: string;
  subzones?: Array<z.output<typeof ZoneSchema>> | null;
  route?: z.output<typeof RouteSchema> | null;
}

export const BookingSchema = readSchema(z.object({
  id: z.int32(),
  memberId: z.string(),
  coachId: z.string().nullable(),
  price: decimal(z.number().min(0).max(1000).multipleOf(0.01)),
  startsAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })),
  status: z.array(RoleSchema),
}));

export type Booking = z.infer<typeof BookingSchema>;
export type BookingJson = z.input<typeof BookingSchema>;

/** Input for creating one; fields with defaults may be left out. */
export const BookingCreateSchema = z.strictObject({
  id: z.int32().exactOptional(),
  memberId: z.string(),
  coachId: z.string().nullable().exactOptional(),
  price: decimal(z.number().min(0).max(1000).multipleOf(0.01)).exactOptional(),
  startsAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })),
  status: z.array(RoleSchema).exactOptional(),
}).describe('Input for creating one; fields with defaults may be left out.');

export type BookingCreate = z.infer<typeof BookingCreateSchema>;

/** Input for updating one; every field is optional. */
export const BookingUpdateSchema = z.strictObject({
  id: z.int32().exactOptional(),
  memberId: z.string().exactOptional(),
  coachId: z.string().nullable().exactOptional(),
  price: decimal(z.number().min(0).max(1000).multipleOf(0.01)).exactOptional(),
  startsAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).exactOptional(),
  status: z.array(RoleSchema).exactOptional(),
}).describe('Input for updating one; every field is optional.');

export type BookingUpdate = z.infer<typeof BookingUpdateSchema>;

export const FavouriteGymSchema = readSchema(z.object({
  memberId: z.string(),
  gymName: z.string().max(120),
}));

export type FavouriteGym = z.infer<typeof FavouriteGymSchema>;
export type FavouriteGymJson = z.input<typeof FavouriteGymSchema>;

/** Input for creating one; fields with defaults may be left out. */
export const FavouriteGymCreateSchema = z.strictObject({
  memberId: z.string(),
  gymName: z.string().max(120),
}).describe('Input for creating one; fields with defaults may be left out.');

export type FavouriteGymCreate = z.infer<typeof FavouriteGymCreateSchema>;

/** Input for updating one; every field is optional. */
export const FavouriteGymUpdateSchema = z.strictObject({
  memberId: z.string().exactOptional(),
  gymName: z.string().max(120).exactOptional(),
}).describe('Input for updating one; every field is optional.');

export type FavouriteGymUpdate = z.infer<typeof FavouriteGymUpdateSchema>;

/**
 * Someone who trains at a gym.
 * Comments like *\/ or ${x} or `ticks` are safe.
 */
export const MemberSchema = readSchema(z.object({
  createdAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })),
  updatedAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })),
  version: z.int32().min(0),
  id: z.string(),
  email: z.email({ error: 'must be a valid email' }).max(254),
  displayName: z.string().min(1).max(80),
  role: RoleSchema,
  credits: bigInteger(z.int()),
  weightKg: z.number().min(20).max(400).nullable(),
  homepage: z.url({ protocol: /^https?$/, error: 'must be a valid url' }).nullable(),
  phone: z.string().regex(formats['e164'], { error: 'must be a valid e164' }).nullable(),
  externalId: z.uuid({ error: 'must be a valid uuid' }).nullable(),
  birthDate: date(z.iso.date({ error: 'must be a valid date' })).nullable(),
  avatar: bytes(z.string().regex(new RegExp('^[A-Za-z0-9+/]*={0,2}$', 'u'))).nullable(),
  tags: z.array(z.string()),
  settings: anyJson(),
}).describe('Someone who trains at a gym.\nComments like */ or ${x} or `ticks` are safe.'));

export type Member = z.infer<typeof MemberSchema>;
export type MemberJson = z.input<typeof MemberSchema>;

/**
 * Someone who trains at a gym.
 * Comments like *\/ or ${x} or `ticks` are safe.
 *
 * Input for creating one; fields with defaults may be left out.
 */
export const MemberCreateSchema = z.strictObject({
  email: z.email({ error: 'must be a valid email' }).max(254),
  displayName: z.string().min(1).max(80),
  role: RoleSchema.exactOptional(),
  password: z.string().min(8).nullable().exactOptional(),
  credits: bigInteger(z.int()).exactOptional(),
  weightKg: z.number().min(20).max(400).nullable().exactOptional(),
  homepage: z.url({ protocol: /^https?$/, error: 'must be a valid url' }).nullable().exactOptional(),
  phone: z.string().regex(formats['e164'], { error: 'must be a valid e164' }).nullable().exactOptional(),
  externalId: z.uuid({ error: 'must be a valid uuid' }).nullable().exactOptional(),
  birthDate: date(z.iso.date({ error: 'must be a valid date' })).nullable().exactOptional(),
  avatar: bytes(z.string().regex(new RegExp('^[A-Za-z0-9+/]*={0,2}$', 'u'))).nullable().exactOptional(),
  tags: z.array(z.string()).exactOptional(),
  settings: anyJson().exactOptional(),
}).describe('Someone who trains at a gym.\nComments like */ or ${x} or `ticks` are safe.\n\nInput for creating one; fields with defaults may be left out.');

export type MemberCreate = z.infer<typeof MemberCreateSchema>;

/**
 * Someone who trains at a gym.
 * Comments like *\/ or ${x} or `ticks` are safe.
 *
 * Input for updating one; every field is optional.
 */
export const MemberUpdateSchema = z.strictObject({
  email: z.email({ error: 'must be a valid email' }).max(254).exactOptional(),
  displayName: z.string().min(1).max(80).exactOptional(),
  role: RoleSchema.exactOptional(),
  password: z.string().min(8).nullable().exactOptional(),
  credits: bigInteger(z.int()).exactOptional(),
  weightKg: z.number().min(20).max(400).nullable().exactOptional(),
  homepage: z.url({ protocol: /^https?$/, error: 'must be a valid url' }).nullable().exactOptional(),
  phone: z.string().regex(formats['e164'], { error: 'must be a valid e164' }).nullable().exactOptional(),
  externalId: z.uuid({ error: 'must be a valid uuid' }).nullable().exactOptional(),
  birthDate: date(z.iso.date({ error: 'must be a valid date' })).nullable().exactOptional(),
  avatar: bytes(z.string().regex(new RegExp('^[A-Za-z0-9+/]*={0,2}$', 'u'))).nullable().exactOptional(),
  tags: z.array(z.string()).exactOptional(),
  settings: anyJson().exactOptional(),
}).describe('Someone who trains at a gym.\nComments like */ or ${x} or `ticks` are safe.\n\nInput for updating one; every field is optional.');

export type MemberUpdate = z.infer<typeof MemberUpdateSchema>;

export const MemberProfileSchema = readSchema(z.object({
  id: z.string(),
  memberId: z.string(),
  /** @deprecated */
  bio: z.string().max(500).nullable(),
  code: z.string().length(6).regex(new RegExp('^[A-Z]{3}[0-9]{3}$', 'u')),
}));

export type MemberProfile = z.infer<typeof MemberProfileSchema>;
export type MemberProfileJson = z.input<typeof MemberProfileSchema>;

/** Input for creating one; fields with defaults may be left out. */
export const MemberProfileCreateSchema = z.strictObject({
  id: z.string().exactOptional(),
  memberId: z.string(),
  /** @deprecated */
  bio: z.string().max(500).nullable().exactOptional(),
  code: z.string().length(6).regex(new RegExp('^[A-Z]{3}[0-9]{3}$', 'u')),
}).describe('Input for creating one; fields with defaults may be left out.');

export type MemberProfileCreate = z.infer<typeof MemberProfileCreateSchema>;

/** Input for updating one; every field is optional. */
export const MemberProfileUpdateSchema = z.strictObject({
  id: z.string().exactOptional(),
  memberId: z.string().exactOptional(),
  /** @deprecated */
  bio: z.string().max(500).nullable().exactOptional(),
  code: z.string().length(6).regex(new RegExp('^[A-Z]{3}[0-9]{3}$', 'u')).exactOptional(),
}).describe('Input for updating one; every field is optional.');

export type MemberProfileUpdate = z.infer<typeof MemberProfileUpdateSchema>;
