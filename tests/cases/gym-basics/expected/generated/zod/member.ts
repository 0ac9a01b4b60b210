// Generated from models/member.yaml by `npm run generate`. Do not edit: change the models and regenerate.

import { z } from 'zod';
import { formats } from './formats.ts';

/** What a member may do. */
export const RoleSchema = z.enum(['USER', 'TRAINER', 'ADMIN']).describe('What a member may do.');

/** What a member may do. */
export const Role = {
  USER: 'USER',
  TRAINER: 'TRAINER',
  ADMIN: 'ADMIN',
} as const;

export type Role = z.infer<typeof RoleSchema>;

export const BookingSchema = z.object({
  id: z.int32(),
  memberId: z.string(),
  coachId: z.string().nullable(),
  price: z.number().min(0).max(1000),
  startsAt: z.string().regex(formats['date-time'], { error: 'must be a valid date-time' }),
  status: z.array(RoleSchema),
});

export type Booking = z.infer<typeof BookingSchema>;

/** Input for creating one; fields with defaults may be left out. */
export const BookingCreateSchema = z.strictObject({
  id: z.int32().optional(),
  memberId: z.string(),
  coachId: z.string().nullable().optional(),
  price: z.number().min(0).max(1000).optional(),
  startsAt: z.string().regex(formats['date-time'], { error: 'must be a valid date-time' }),
  status: z.array(RoleSchema).optional(),
}).describe('Input for creating one; fields with defaults may be left out.');

export type BookingCreate = z.infer<typeof BookingCreateSchema>;

/** Input for updating one; every field is optional. */
export const BookingUpdateSchema = z.strictObject({
  id: z.int32().optional(),
  memberId: z.string().optional(),
  coachId: z.string().nullable().optional(),
  price: z.number().min(0).max(1000).optional(),
  startsAt: z.string().regex(formats['date-time'], { error: 'must be a valid date-time' }).optional(),
  status: z.array(RoleSchema).optional(),
}).describe('Input for updating one; every field is optional.');

export type BookingUpdate = z.infer<typeof BookingUpdateSchema>;

export const FavouriteGymSchema = z.object({
  memberId: z.string(),
  gymName: z.string().max(120),
});

export type FavouriteGym = z.infer<typeof FavouriteGymSchema>;

/** Input for creating one; fields with defaults may be left out. */
export const FavouriteGymCreateSchema = z.strictObject({
  memberId: z.string(),
  gymName: z.string().max(120),
}).describe('Input for creating one; fields with defaults may be left out.');

export type FavouriteGymCreate = z.infer<typeof FavouriteGymCreateSchema>;

/** Input for updating one; every field is optional. */
export const FavouriteGymUpdateSchema = z.strictObject({
  memberId: z.string().optional(),
  gymName: z.string().max(120).optional(),
}).describe('Input for updating one; every field is optional.');

export type FavouriteGymUpdate = z.infer<typeof FavouriteGymUpdateSchema>;

/**
 * Someone who trains at a gym.
 * Comments like *\/ or ${x} or `ticks` are safe.
 */
export const MemberSchema = z.object({
  createdAt: z.string().regex(formats['date-time'], { error: 'must be a valid date-time' }),
  updatedAt: z.string().regex(formats['date-time'], { error: 'must be a valid date-time' }),
  version: z.int32().min(0),
  id: z.string(),
  email: z.string().max(254).regex(formats['email'], { error: 'must be a valid email' }),
  displayName: z.string().min(1).max(80),
  role: RoleSchema,
  credits: z.int(),
  weightKg: z.number().min(20).max(400).nullable(),
  homepage: z.string().regex(formats['url'], { error: 'must be a valid url' }).nullable(),
  phone: z.string().regex(formats['e164'], { error: 'must be a valid e164' }).nullable(),
  externalId: z.string().regex(formats['uuid'], { error: 'must be a valid uuid' }).nullable(),
  birthDate: z.string().regex(formats['date-time'], { error: 'must be a valid date-time' }).nullable(),
  avatar: z.string().regex(new RegExp('^[A-Za-z0-9+/]*={0,2}$', 'u')).nullable(),
  tags: z.array(z.string()),
  settings: z.json(),
}).describe('Someone who trains at a gym.\nComments like */ or ${x} or `ticks` are safe.');

export type Member = z.infer<typeof MemberSchema>;

/**
 * Someone who trains at a gym.
 * Comments like *\/ or ${x} or `ticks` are safe.
 *
 * Input for creating one; fields with defaults may be left out.
 */
export const MemberCreateSchema = z.strictObject({
  email: z.string().max(254).regex(formats['email'], { error: 'must be a valid email' }),
  displayName: z.string().min(1).max(80),
  role: RoleSchema.optional(),
  password: z.string().min(8).nullable().optional(),
  credits: z.int().optional(),
  weightKg: z.number().min(20).max(400).nullable().optional(),
  homepage: z.string().regex(formats['url'], { error: 'must be a valid url' }).nullable().optional(),
  phone: z.string().regex(formats['e164'], { error: 'must be a valid e164' }).nullable().optional(),
  externalId: z.string().regex(formats['uuid'], { error: 'must be a valid uuid' }).nullable().optional(),
  birthDate: z.string().regex(formats['date-time'], { error: 'must be a valid date-time' }).nullable().optional(),
  avatar: z.string().regex(new RegExp('^[A-Za-z0-9+/]*={0,2}$', 'u')).nullable().optional(),
  tags: z.array(z.string()).optional(),
  settings: z.json().optional(),
}).describe('Someone who trains at a gym.\nComments like */ or ${x} or `ticks` are safe.\n\nInput for creating one; fields with defaults may be left out.');

export type MemberCreate = z.infer<typeof MemberCreateSchema>;

/**
 * Someone who trains at a gym.
 * Comments like *\/ or ${x} or `ticks` are safe.
 *
 * Input for updating one; every field is optional.
 */
export const MemberUpdateSchema = z.strictObject({
  email: z.string().max(254).regex(formats['email'], { error: 'must be a valid email' }).optional(),
  displayName: z.string().min(1).max(80).optional(),
  role: RoleSchema.optional(),
  password: z.string().min(8).nullable().optional(),
  credits: z.int().optional(),
  weightKg: z.number().min(20).max(400).nullable().optional(),
  homepage: z.string().regex(formats['url'], { error: 'must be a valid url' }).nullable().optional(),
  phone: z.string().regex(formats['e164'], { error: 'must be a valid e164' }).nullable().optional(),
  externalId: z.string().regex(formats['uuid'], { error: 'must be a valid uuid' }).nullable().optional(),
  birthDate: z.string().regex(formats['date-time'], { error: 'must be a valid date-time' }).nullable().optional(),
  avatar: z.string().regex(new RegExp('^[A-Za-z0-9+/]*={0,2}$', 'u')).nullable().optional(),
  tags: z.array(z.string()).optional(),
  settings: z.json().optional(),
}).describe('Someone who trains at a gym.\nComments like */ or ${x} or `ticks` are safe.\n\nInput for updating one; every field is optional.');

export type MemberUpdate = z.infer<typeof MemberUpdateSchema>;

export const MemberProfileSchema = z.object({
  id: z.string(),
  memberId: z.string(),
  bio: z.string().max(500).nullable(),
  code: z.string().length(6).regex(new RegExp('^[A-Z]{3}[0-9]{3}$', 'u')),
});

export type MemberProfile = z.infer<typeof MemberProfileSchema>;

/** Input for creating one; fields with defaults may be left out. */
export const MemberProfileCreateSchema = z.strictObject({
  id: z.string().optional(),
  memberId: z.string(),
  bio: z.string().max(500).nullable().optional(),
  code: z.string().length(6).regex(new RegExp('^[A-Z]{3}[0-9]{3}$', 'u')),
}).describe('Input for creating one; fields with defaults may be left out.');

export type MemberProfileCreate = z.infer<typeof MemberProfileCreateSchema>;

/** Input for updating one; every field is optional. */
export const MemberProfileUpdateSchema = z.strictObject({
  id: z.string().optional(),
  memberId: z.string().optional(),
  bio: z.string().max(500).nullable().optional(),
  code: z.string().length(6).regex(new RegExp('^[A-Z]{3}[0-9]{3}$', 'u')).optional(),
}).describe('Input for updating one; every field is optional.');

export type MemberProfileUpdate = z.infer<typeof MemberProfileUpdateSchema>;
