// Generated from models/credit.yaml by `npm run generate`. Do not edit: change the models and regenerate.

import { z } from 'zod';
import { formats } from './formats.ts';
import { dateTime, decimal, readSchema } from './codecs.ts';

/** Why credits were added or taken. */
export const CreditReasonSchema = z.enum(['PURCHASE', 'SUBSCRIPTION_GRANT', 'BOOKING', 'BOOKING_REFUND', 'PAYMENT_REFUND', 'EXPIRY', 'ADJUSTMENT']).describe('Why credits were added or taken.');

/** Why credits were added or taken. */
export const CreditReason = {
  PURCHASE: 'PURCHASE',
  SUBSCRIPTION_GRANT: 'SUBSCRIPTION_GRANT',
  BOOKING: 'BOOKING',
  BOOKING_REFUND: 'BOOKING_REFUND',
  PAYMENT_REFUND: 'PAYMENT_REFUND',
  EXPIRY: 'EXPIRY',
  ADJUSTMENT: 'ADJUSTMENT',
} as const;

export type CreditReason = z.infer<typeof CreditReasonSchema>;

/** A bundle of session credits for sale. */
export const CreditPackSchema = readSchema(z.object({
  id: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }).describe('Unique identifier (cuid).'),
  createdAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).describe('When the record was created.'),
  updatedAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).describe('When the record was last changed.'),
  name: z.string().min(2).max(80),
  description: z.string().max(500).nullable(),
  credits: z.int32().min(1).describe('Credits granted on purchase.'),
  price: decimal(z.number().min(0).max(99999999.99).multipleOf(0.01)),
  currency: z.string().length(3).regex(new RegExp('^[A-Z]{3}$', 'u')),
  validityDays: z.int32().min(1).max(3650).nullable().describe('Days until the credits expire; null means they never expire.'),
  isActive: z.boolean().describe('Inactive packs are no longer sold.'),
  stripePriceId: z.string().max(255).nullable(),
}).describe('A bundle of session credits for sale.'));

export type CreditPack = z.infer<typeof CreditPackSchema>;
export type CreditPackJson = z.input<typeof CreditPackSchema>;

/**
 * A bundle of session credits for sale.
 *
 * Input for creating one; fields with defaults may be left out.
 */
export const CreditPackCreateSchema = z.strictObject({
  name: z.string().min(2).max(80),
  description: z.string().max(500).nullable().exactOptional(),
  credits: z.int32().min(1).describe('Credits granted on purchase.'),
  price: decimal(z.number().min(0).max(99999999.99).multipleOf(0.01)),
  currency: z.string().length(3).regex(new RegExp('^[A-Z]{3}$', 'u')).exactOptional(),
  validityDays: z.int32().min(1).max(3650).nullable().exactOptional().describe('Days until the credits expire; null means they never expire.'),
  isActive: z.boolean().exactOptional().describe('Inactive packs are no longer sold.'),
  stripePriceId: z.string().max(255).nullable().exactOptional(),
}).describe('A bundle of session credits for sale.\n\nInput for creating one; fields with defaults may be left out.');

export type CreditPackCreate = z.infer<typeof CreditPackCreateSchema>;

/**
 * A bundle of session credits for sale.
 *
 * Input for updating one; every field is optional.
 */
export const CreditPackUpdateSchema = z.strictObject({
  name: z.string().min(2).max(80).exactOptional(),
  description: z.string().max(500).nullable().exactOptional(),
  credits: z.int32().min(1).exactOptional().describe('Credits granted on purchase.'),
  price: decimal(z.number().min(0).max(99999999.99).multipleOf(0.01)).exactOptional(),
  currency: z.string().length(3).regex(new RegExp('^[A-Z]{3}$', 'u')).exactOptional(),
  validityDays: z.int32().min(1).max(3650).nullable().exactOptional().describe('Days until the credits expire; null means they never expire.'),
  isActive: z.boolean().exactOptional().describe('Inactive packs are no longer sold.'),
  stripePriceId: z.string().max(255).nullable().exactOptional(),
}).describe('A bundle of session credits for sale.\n\nInput for updating one; every field is optional.');

export type CreditPackUpdate = z.infer<typeof CreditPackUpdateSchema>;

/** One entry in a user's credit ledger. Append-only; never updated or deleted (corrections are new ADJUSTMENT entries). */
export const CreditTransactionSchema = readSchema(z.object({
  id: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }).describe('Unique identifier (cuid).'),
  createdAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).describe('When the record was created.'),
  userId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }),
  amount: z.int32().min(-100000).max(100000).describe('Credits added (positive) or taken (negative); never zero.'),
  balanceAfter: z.int32().min(0).describe('The user\'s balance after this entry.'),
  reason: CreditReasonSchema,
  note: z.string().max(500).nullable().describe('Why, for adjustments.'),
  expiresAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).nullable().describe('When credits added by this entry expire.'),
  paymentId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }).nullable(),
  bookingId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }).nullable(),
}).describe('One entry in a user\'s credit ledger. Append-only; never updated or deleted (corrections are new ADJUSTMENT entries).'));

export type CreditTransaction = z.infer<typeof CreditTransactionSchema>;
export type CreditTransactionJson = z.input<typeof CreditTransactionSchema>;

/**
 * One entry in a user's credit ledger. Append-only; never updated or deleted (corrections are new ADJUSTMENT entries).
 *
 * Input for creating one; fields with defaults may be left out.
 */
export const CreditTransactionCreateSchema = z.strictObject({
  userId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }),
  amount: z.int32().min(-100000).max(100000).describe('Credits added (positive) or taken (negative); never zero.'),
  reason: CreditReasonSchema,
  note: z.string().max(500).nullable().exactOptional().describe('Why, for adjustments.'),
  expiresAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).nullable().exactOptional().describe('When credits added by this entry expire.'),
  paymentId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }).nullable().exactOptional(),
  bookingId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }).nullable().exactOptional(),
}).describe('One entry in a user\'s credit ledger. Append-only; never updated or deleted (corrections are new ADJUSTMENT entries).\n\nInput for creating one; fields with defaults may be left out.');

export type CreditTransactionCreate = z.infer<typeof CreditTransactionCreateSchema>;

/**
 * One entry in a user's credit ledger. Append-only; never updated or deleted (corrections are new ADJUSTMENT entries).
 *
 * Input for updating one; every field is optional.
 */
export const CreditTransactionUpdateSchema = z.strictObject({
  userId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }).exactOptional(),
  amount: z.int32().min(-100000).max(100000).exactOptional().describe('Credits added (positive) or taken (negative); never zero.'),
  reason: CreditReasonSchema.exactOptional(),
  note: z.string().max(500).nullable().exactOptional().describe('Why, for adjustments.'),
  expiresAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).nullable().exactOptional().describe('When credits added by this entry expire.'),
  paymentId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }).nullable().exactOptional(),
  bookingId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }).nullable().exactOptional(),
}).describe('One entry in a user\'s credit ledger. Append-only; never updated or deleted (corrections are new ADJUSTMENT entries).\n\nInput for updating one; every field is optional.');

export type CreditTransactionUpdate = z.infer<typeof CreditTransactionUpdateSchema>;
