// Generated from models/payment.yaml by `npm run generate`. Do not edit: change the models and regenerate.

import { z } from 'zod';
import { formats } from './formats.ts';
import { dateTime, decimal, readSchema } from './codecs.ts';

/** Where a payment is in its lifecycle, mirroring Stripe. */
export const PaymentStatusSchema = z.enum(['PENDING', 'SUCCEEDED', 'FAILED', 'REFUNDED', 'PARTIALLY_REFUNDED', 'CANCELLED']).describe('Where a payment is in its lifecycle, mirroring Stripe.');

/** Where a payment is in its lifecycle, mirroring Stripe. */
export const PaymentStatus = {
  PENDING: 'PENDING',
  SUCCEEDED: 'SUCCEEDED',
  FAILED: 'FAILED',
  REFUNDED: 'REFUNDED',
  PARTIALLY_REFUNDED: 'PARTIALLY_REFUNDED',
  CANCELLED: 'CANCELLED',
} as const;

export type PaymentStatus = z.infer<typeof PaymentStatusSchema>;

/** What a payment is for. */
export const PaymentTypeSchema = z.enum(['CREDIT_PACK', 'SUBSCRIPTION', 'DROP_IN', 'OTHER']).describe('What a payment is for.');

/** What a payment is for. */
export const PaymentType = {
  CREDIT_PACK: 'CREDIT_PACK',
  SUBSCRIPTION: 'SUBSCRIPTION',
  DROP_IN: 'DROP_IN',
  OTHER: 'OTHER',
} as const;

export type PaymentType = z.infer<typeof PaymentTypeSchema>;

/** A payment by a member, for a credit pack, a subscription period or a drop-in session. */
export const PaymentSchema = readSchema(z.object({
  id: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }).describe('Unique identifier (cuid).'),
  createdAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).describe('When the record was created.'),
  updatedAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).describe('When the record was last changed.'),
  userId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }),
  amount: decimal(z.number().min(0).max(99999999.99).multipleOf(0.01)).describe('Amount charged, in currency units (not cents).'),
  currency: z.string().length(3).regex(new RegExp('^[A-Z]{3}$', 'u')).describe('ISO 4217 currency code.'),
  status: PaymentStatusSchema.describe('Set from Stripe webhooks.'),
  type: PaymentTypeSchema,
  description: z.string().max(500).nullable().describe('Line shown on receipts.'),
  stripePaymentId: z.string().max(255).nullable().describe('Stripe PaymentIntent id.'),
  refundedAmount: decimal(z.number().min(0).max(99999999.99).multipleOf(0.01)).nullable().describe('Total refunded so far.'),
  paidAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).nullable().describe('When the payment succeeded.'),
  creditPackId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }).nullable(),
  subscriptionId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }).nullable(),
}).describe('A payment by a member, for a credit pack, a subscription period or a drop-in session.'));

export type Payment = z.infer<typeof PaymentSchema>;
export type PaymentJson = z.input<typeof PaymentSchema>;

/**
 * A payment by a member, for a credit pack, a subscription period or a drop-in session.
 *
 * Input for creating one; fields with defaults may be left out.
 */
export const PaymentCreateSchema = z.strictObject({
  userId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }),
  amount: decimal(z.number().min(0).max(99999999.99).multipleOf(0.01)).describe('Amount charged, in currency units (not cents).'),
  currency: z.string().length(3).regex(new RegExp('^[A-Z]{3}$', 'u')).exactOptional().describe('ISO 4217 currency code.'),
  type: PaymentTypeSchema,
  description: z.string().max(500).nullable().exactOptional().describe('Line shown on receipts.'),
  creditPackId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }).nullable().exactOptional(),
  subscriptionId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }).nullable().exactOptional(),
}).describe('A payment by a member, for a credit pack, a subscription period or a drop-in session.\n\nInput for creating one; fields with defaults may be left out.');

export type PaymentCreate = z.infer<typeof PaymentCreateSchema>;

/**
 * A payment by a member, for a credit pack, a subscription period or a drop-in session.
 *
 * Input for updating one; every field is optional.
 */
export const PaymentUpdateSchema = z.strictObject({
  userId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }).exactOptional(),
  amount: decimal(z.number().min(0).max(99999999.99).multipleOf(0.01)).exactOptional().describe('Amount charged, in currency units (not cents).'),
  currency: z.string().length(3).regex(new RegExp('^[A-Z]{3}$', 'u')).exactOptional().describe('ISO 4217 currency code.'),
  type: PaymentTypeSchema.exactOptional(),
  description: z.string().max(500).nullable().exactOptional().describe('Line shown on receipts.'),
  creditPackId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }).nullable().exactOptional(),
  subscriptionId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }).nullable().exactOptional(),
}).describe('A payment by a member, for a credit pack, a subscription period or a drop-in session.\n\nInput for updating one; every field is optional.');

export type PaymentUpdate = z.infer<typeof PaymentUpdateSchema>;
