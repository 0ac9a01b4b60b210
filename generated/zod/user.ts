// Generated from models/user.yaml by `npm run generate`. Do not edit: change the models and regenerate.

import { z } from 'zod';
import { formats } from './formats.ts';
import { AddressSchema } from './common.ts';
import { date, dateTime, jsonColumn, readSchema } from './codecs.ts';

/** What an address is used for. */
export const AddressKindSchema = z.enum(['HOME', 'BILLING', 'WORK', 'OTHER']).describe('What an address is used for.');

/** What an address is used for. */
export const AddressKind = {
  HOME: 'HOME',
  BILLING: 'BILLING',
  WORK: 'WORK',
  OTHER: 'OTHER',
} as const;

export type AddressKind = z.infer<typeof AddressKindSchema>;

/** What a user may do on the platform. */
export const UserRoleSchema = z.enum(['USER', 'TRAINER', 'ADMIN']).describe('What a user may do on the platform.');

/** What a user may do on the platform. */
export const UserRole = {
  USER: 'USER',
  TRAINER: 'TRAINER',
  ADMIN: 'ADMIN',
} as const;

export type UserRole = z.infer<typeof UserRoleSchema>;

/** Lifecycle state of an account. */
export const UserStatusSchema = z.enum(['PENDING_VERIFICATION', 'ACTIVE', 'SUSPENDED', 'DEACTIVATED']).describe('Lifecycle state of an account.');

/** Lifecycle state of an account. */
export const UserStatus = {
  PENDING_VERIFICATION: 'PENDING_VERIFICATION',
  ACTIVE: 'ACTIVE',
  SUSPENDED: 'SUSPENDED',
  DEACTIVATED: 'DEACTIVATED',
} as const;

export type UserStatus = z.infer<typeof UserStatusSchema>;

/** An account on the platform. The role decides whether the user is a member, a trainer or staff. */
export const UserSchema = readSchema(z.object({
  id: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }).describe('Unique identifier (cuid).'),
  createdAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).describe('When the record was created.'),
  updatedAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).describe('When the record was last changed.'),
  email: z.email({ error: 'must be a valid email' }).max(254).describe('Sign-in email address, stored lower-case.'),
  emailVerifiedAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).nullable().describe('When the email address was verified; null until then.'),
  firstName: z.string().min(1).max(100),
  lastName: z.string().min(1).max(100),
  role: UserRoleSchema.describe('Access level. Only admins may change it.'),
  status: UserStatusSchema,
  creditBalance: z.int32().min(0).describe('Cached session-credit balance; always equals the balanceAfter of the user\'s latest credit transaction.'),
  lastLoginAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).nullable().describe('When the user last signed in successfully.'),
}).describe('An account on the platform. The role decides whether the user is a member, a trainer or staff.'));

export type User = z.infer<typeof UserSchema>;
export type UserJson = z.input<typeof UserSchema>;

/**
 * An account on the platform. The role decides whether the user is a member, a trainer or staff.
 *
 * Input for creating one; fields with defaults may be left out.
 */
export const UserCreateSchema = z.strictObject({
  email: z.email({ error: 'must be a valid email' }).max(254).describe('Sign-in email address, stored lower-case.'),
  firstName: z.string().min(1).max(100),
  lastName: z.string().min(1).max(100),
  role: UserRoleSchema.exactOptional().describe('Access level. Only admins may change it.'),
  status: UserStatusSchema.exactOptional(),
}).describe('An account on the platform. The role decides whether the user is a member, a trainer or staff.\n\nInput for creating one; fields with defaults may be left out.');

export type UserCreate = z.infer<typeof UserCreateSchema>;

/**
 * An account on the platform. The role decides whether the user is a member, a trainer or staff.
 *
 * Input for updating one; every field is optional.
 */
export const UserUpdateSchema = z.strictObject({
  email: z.email({ error: 'must be a valid email' }).max(254).exactOptional().describe('Sign-in email address, stored lower-case.'),
  firstName: z.string().min(1).max(100).exactOptional(),
  lastName: z.string().min(1).max(100).exactOptional(),
  role: UserRoleSchema.exactOptional().describe('Access level. Only admins may change it.'),
  status: UserStatusSchema.exactOptional(),
}).describe('An account on the platform. The role decides whether the user is a member, a trainer or staff.\n\nInput for updating one; every field is optional.');

export type UserUpdate = z.infer<typeof UserUpdateSchema>;

/** A postal address of a user. A model (not a Json column on the profile) because a user keeps several addresses, each with its own kind and default flag; the address itself uses the shared Address shape, so its rules are written once. */
export const UserAddressSchema = readSchema(z.object({
  id: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }).describe('Unique identifier (cuid).'),
  createdAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).describe('When the record was created.'),
  updatedAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).describe('When the record was last changed.'),
  profileId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }),
  kind: AddressKindSchema,
  label: z.string().max(50).nullable().describe('The user\'s own name for it.'),
  isDefault: z.boolean().describe('The address used when none is chosen; at most one per profile and kind (enforced by the API).'),
  get address() {
    return jsonColumn(AddressSchema).describe('The address itself.');
  },
}).describe('A postal address of a user. A model (not a Json column on the profile) because a user keeps several addresses, each with its own kind and default flag; the address itself uses the shared Address shape, so its rules are written once.'));

export type UserAddress = z.infer<typeof UserAddressSchema>;
export type UserAddressJson = z.input<typeof UserAddressSchema>;

/**
 * A postal address of a user. A model (not a Json column on the profile) because a user keeps several addresses, each with its own kind and default flag; the address itself uses the shared Address shape, so its rules are written once.
 *
 * Input for creating one; fields with defaults may be left out.
 */
export const UserAddressCreateSchema = z.strictObject({
  profileId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }),
  kind: AddressKindSchema.exactOptional(),
  label: z.string().max(50).nullable().exactOptional().describe('The user\'s own name for it.'),
  isDefault: z.boolean().exactOptional().describe('The address used when none is chosen; at most one per profile and kind (enforced by the API).'),
  get address() {
    return AddressSchema.describe('The address itself.');
  },
}).describe('A postal address of a user. A model (not a Json column on the profile) because a user keeps several addresses, each with its own kind and default flag; the address itself uses the shared Address shape, so its rules are written once.\n\nInput for creating one; fields with defaults may be left out.');

export type UserAddressCreate = z.infer<typeof UserAddressCreateSchema>;

/**
 * A postal address of a user. A model (not a Json column on the profile) because a user keeps several addresses, each with its own kind and default flag; the address itself uses the shared Address shape, so its rules are written once.
 *
 * Input for updating one; every field is optional.
 */
export const UserAddressUpdateSchema = z.strictObject({
  profileId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }).exactOptional(),
  kind: AddressKindSchema.exactOptional(),
  label: z.string().max(50).nullable().exactOptional().describe('The user\'s own name for it.'),
  isDefault: z.boolean().exactOptional().describe('The address used when none is chosen; at most one per profile and kind (enforced by the API).'),
  get address() {
    return AddressSchema.exactOptional().describe('The address itself.');
  },
}).describe('A postal address of a user. A model (not a Json column on the profile) because a user keeps several addresses, each with its own kind and default flag; the address itself uses the shared Address shape, so its rules are written once.\n\nInput for updating one; every field is optional.');

export type UserAddressUpdate = z.infer<typeof UserAddressUpdateSchema>;

/** Personal details of a user, kept apart from the account so sign-in stays lean. One per user. */
export const UserProfileSchema = readSchema(z.object({
  id: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }).describe('Unique identifier (cuid).'),
  createdAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).describe('When the record was created.'),
  updatedAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).describe('When the record was last changed.'),
  userId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }).describe('The user this profile belongs to.'),
  dateOfBirth: date(z.iso.date({ error: 'must be a valid date' })).nullable().describe('Date of birth (date only; the time part is ignored).'),
  phone: z.string().regex(formats['e164'], { error: 'must be a valid e164' }).nullable().describe('Mobile number in E.164 form.'),
  bio: z.string().max(1000).nullable().describe('Free text shown on the user\'s public page (trainers).'),
  avatarUrl: z.url({ protocol: /^https?$/, error: 'must be a valid url' }).max(2048).nullable().describe('Profile picture.'),
  emergencyContactName: z.string().max(200).nullable(),
  emergencyContactPhone: z.string().regex(formats['e164'], { error: 'must be a valid e164' }).nullable(),
}).describe('Personal details of a user, kept apart from the account so sign-in stays lean. One per user.'));

export type UserProfile = z.infer<typeof UserProfileSchema>;
export type UserProfileJson = z.input<typeof UserProfileSchema>;

/**
 * Personal details of a user, kept apart from the account so sign-in stays lean. One per user.
 *
 * Input for creating one; fields with defaults may be left out.
 */
export const UserProfileCreateSchema = z.strictObject({
  userId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }).describe('The user this profile belongs to.'),
  dateOfBirth: date(z.iso.date({ error: 'must be a valid date' })).nullable().exactOptional().describe('Date of birth (date only; the time part is ignored).'),
  phone: z.string().regex(formats['e164'], { error: 'must be a valid e164' }).nullable().exactOptional().describe('Mobile number in E.164 form.'),
  bio: z.string().max(1000).nullable().exactOptional().describe('Free text shown on the user\'s public page (trainers).'),
  avatarUrl: z.url({ protocol: /^https?$/, error: 'must be a valid url' }).max(2048).nullable().exactOptional().describe('Profile picture.'),
  emergencyContactName: z.string().max(200).nullable().exactOptional(),
  emergencyContactPhone: z.string().regex(formats['e164'], { error: 'must be a valid e164' }).nullable().exactOptional(),
}).describe('Personal details of a user, kept apart from the account so sign-in stays lean. One per user.\n\nInput for creating one; fields with defaults may be left out.');

export type UserProfileCreate = z.infer<typeof UserProfileCreateSchema>;

/**
 * Personal details of a user, kept apart from the account so sign-in stays lean. One per user.
 *
 * Input for updating one; every field is optional.
 */
export const UserProfileUpdateSchema = z.strictObject({
  userId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }).exactOptional().describe('The user this profile belongs to.'),
  dateOfBirth: date(z.iso.date({ error: 'must be a valid date' })).nullable().exactOptional().describe('Date of birth (date only; the time part is ignored).'),
  phone: z.string().regex(formats['e164'], { error: 'must be a valid e164' }).nullable().exactOptional().describe('Mobile number in E.164 form.'),
  bio: z.string().max(1000).nullable().exactOptional().describe('Free text shown on the user\'s public page (trainers).'),
  avatarUrl: z.url({ protocol: /^https?$/, error: 'must be a valid url' }).max(2048).nullable().exactOptional().describe('Profile picture.'),
  emergencyContactName: z.string().max(200).nullable().exactOptional(),
  emergencyContactPhone: z.string().regex(formats['e164'], { error: 'must be a valid e164' }).nullable().exactOptional(),
}).describe('Personal details of a user, kept apart from the account so sign-in stays lean. One per user.\n\nInput for updating one; every field is optional.');

export type UserProfileUpdate = z.infer<typeof UserProfileUpdateSchema>;
