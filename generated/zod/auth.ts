// Generated from models/auth.yaml by `npm run generate`. Do not edit: change the models and regenerate.

import { z } from 'zod';
import { formats } from './formats.ts';
import { dateTime, readSchema } from './codecs.ts';

/** What a verification token proves. */
export const VerificationPurposeSchema = z.enum(['EMAIL', 'EMAIL_CHANGE', 'PHONE']).describe('What a verification token proves.');

/** What a verification token proves. */
export const VerificationPurpose = {
  EMAIL: 'EMAIL',
  EMAIL_CHANGE: 'EMAIL_CHANGE',
  PHONE: 'PHONE',
} as const;

export type VerificationPurpose = z.infer<typeof VerificationPurposeSchema>;

/** A single-use link to set a new password. Valid until expiresAt and only while usedAt is null. */
export const PasswordResetTokenSchema = readSchema(z.object({
  id: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }).describe('Unique identifier (cuid).'),
  createdAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).describe('When the record was created.'),
  userId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }),
  requestedIp: z.string().max(45).nullable().describe('Address the reset was requested from.'),
  expiresAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })),
  usedAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).nullable().describe('When the token was redeemed; a used token is never accepted again.'),
}).describe('A single-use link to set a new password. Valid until expiresAt and only while usedAt is null.'));

export type PasswordResetToken = z.infer<typeof PasswordResetTokenSchema>;
export type PasswordResetTokenJson = z.input<typeof PasswordResetTokenSchema>;

/**
 * A single-use link to set a new password. Valid until expiresAt and only while usedAt is null.
 *
 * Input for creating one; fields with defaults may be left out.
 */
export const PasswordResetTokenCreateSchema = z.strictObject({
  userId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }),
  requestedIp: z.string().max(45).nullable().exactOptional().describe('Address the reset was requested from.'),
}).describe('A single-use link to set a new password. Valid until expiresAt and only while usedAt is null.\n\nInput for creating one; fields with defaults may be left out.');

export type PasswordResetTokenCreate = z.infer<typeof PasswordResetTokenCreateSchema>;

/**
 * A single-use link to set a new password. Valid until expiresAt and only while usedAt is null.
 *
 * Input for updating one; every field is optional.
 */
export const PasswordResetTokenUpdateSchema = z.strictObject({
  userId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }).exactOptional(),
  requestedIp: z.string().max(45).nullable().exactOptional().describe('Address the reset was requested from.'),
}).describe('A single-use link to set a new password. Valid until expiresAt and only while usedAt is null.\n\nInput for updating one; every field is optional.');

export type PasswordResetTokenUpdate = z.infer<typeof PasswordResetTokenUpdateSchema>;

/** A signed-in device. Holds the hash of the current refresh token; each refresh rotates the token within the same family, and presenting a rotated-out token revokes the whole family (reuse detection). */
export const RefreshSessionSchema = readSchema(z.object({
  id: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }).describe('Unique identifier (cuid).'),
  createdAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).describe('When the record was created.'),
  updatedAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).describe('When the record was last changed.'),
  userId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }),
  familyId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }).describe('Shared by every session rotated from the same sign-in.'),
  userAgent: z.string().max(512).nullable().describe('Browser or app that signed in.'),
  ip: z.string().max(45).nullable().describe('IPv4 or IPv6 address at sign-in.'),
  lastUsedAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).nullable().describe('When the token was last refreshed.'),
  expiresAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).describe('When the refresh token stops working.'),
  revokedAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).nullable().describe('When the session was signed out or revoked; null while active.'),
}).describe('A signed-in device. Holds the hash of the current refresh token; each refresh rotates the token within the same family, and presenting a rotated-out token revokes the whole family (reuse detection).'));

export type RefreshSession = z.infer<typeof RefreshSessionSchema>;
export type RefreshSessionJson = z.input<typeof RefreshSessionSchema>;

/**
 * A signed-in device. Holds the hash of the current refresh token; each refresh rotates the token within the same family, and presenting a rotated-out token revokes the whole family (reuse detection).
 *
 * Input for creating one; fields with defaults may be left out.
 */
export const RefreshSessionCreateSchema = z.strictObject({
  userId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }),
  userAgent: z.string().max(512).nullable().exactOptional().describe('Browser or app that signed in.'),
  ip: z.string().max(45).nullable().exactOptional().describe('IPv4 or IPv6 address at sign-in.'),
}).describe('A signed-in device. Holds the hash of the current refresh token; each refresh rotates the token within the same family, and presenting a rotated-out token revokes the whole family (reuse detection).\n\nInput for creating one; fields with defaults may be left out.');

export type RefreshSessionCreate = z.infer<typeof RefreshSessionCreateSchema>;

/**
 * A signed-in device. Holds the hash of the current refresh token; each refresh rotates the token within the same family, and presenting a rotated-out token revokes the whole family (reuse detection).
 *
 * Input for updating one; every field is optional.
 */
export const RefreshSessionUpdateSchema = z.strictObject({
  userId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }).exactOptional(),
  userAgent: z.string().max(512).nullable().exactOptional().describe('Browser or app that signed in.'),
  ip: z.string().max(45).nullable().exactOptional().describe('IPv4 or IPv6 address at sign-in.'),
}).describe('A signed-in device. Holds the hash of the current refresh token; each refresh rotates the token within the same family, and presenting a rotated-out token revokes the whole family (reuse detection).\n\nInput for updating one; every field is optional.');

export type RefreshSessionUpdate = z.infer<typeof RefreshSessionUpdateSchema>;

/** A single-use code or link that proves ownership of an email address or phone number. */
export const VerificationTokenSchema = readSchema(z.object({
  id: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }).describe('Unique identifier (cuid).'),
  createdAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).describe('When the record was created.'),
  userId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }),
  purpose: VerificationPurposeSchema,
  target: z.string().max(254).describe('The email address or E.164 phone number being verified.'),
  expiresAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })),
  usedAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).nullable(),
}).describe('A single-use code or link that proves ownership of an email address or phone number.'));

export type VerificationToken = z.infer<typeof VerificationTokenSchema>;
export type VerificationTokenJson = z.input<typeof VerificationTokenSchema>;

/**
 * A single-use code or link that proves ownership of an email address or phone number.
 *
 * Input for creating one; fields with defaults may be left out.
 */
export const VerificationTokenCreateSchema = z.strictObject({
  userId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }),
  purpose: VerificationPurposeSchema.exactOptional(),
  target: z.string().max(254).describe('The email address or E.164 phone number being verified.'),
}).describe('A single-use code or link that proves ownership of an email address or phone number.\n\nInput for creating one; fields with defaults may be left out.');

export type VerificationTokenCreate = z.infer<typeof VerificationTokenCreateSchema>;

/**
 * A single-use code or link that proves ownership of an email address or phone number.
 *
 * Input for updating one; every field is optional.
 */
export const VerificationTokenUpdateSchema = z.strictObject({
  userId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }).exactOptional(),
  purpose: VerificationPurposeSchema.exactOptional(),
  target: z.string().max(254).exactOptional().describe('The email address or E.164 phone number being verified.'),
}).describe('A single-use code or link that proves ownership of an email address or phone number.\n\nInput for updating one; every field is optional.');

export type VerificationTokenUpdate = z.infer<typeof VerificationTokenUpdateSchema>;
