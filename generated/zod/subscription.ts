// Generated from models/subscription.yaml by `npm run generate`. Do not edit: change the models and regenerate.

import { z } from 'zod';
import { formats } from './formats.ts';
import { dateTime, decimal, readSchema } from './codecs.ts';

/** How often a plan is billed (and its credits granted). */
export const BillingIntervalSchema = z.enum(['WEEKLY', 'MONTHLY', 'QUARTERLY', 'YEARLY']).describe('How often a plan is billed (and its credits granted).');

/** How often a plan is billed (and its credits granted). */
export const BillingInterval = {
  WEEKLY: 'WEEKLY',
  MONTHLY: 'MONTHLY',
  QUARTERLY: 'QUARTERLY',
  YEARLY: 'YEARLY',
} as const;

export type BillingInterval = z.infer<typeof BillingIntervalSchema>;

/** State of a subscription, mirroring Stripe. */
export const SubscriptionStatusSchema = z.enum(['TRIALING', 'ACTIVE', 'PAST_DUE', 'CANCELLED', 'EXPIRED']).describe('State of a subscription, mirroring Stripe.');

/** State of a subscription, mirroring Stripe. */
export const SubscriptionStatus = {
  TRIALING: 'TRIALING',
  ACTIVE: 'ACTIVE',
  PAST_DUE: 'PAST_DUE',
  CANCELLED: 'CANCELLED',
  EXPIRED: 'EXPIRED',
} as const;

export type SubscriptionStatus = z.infer<typeof SubscriptionStatusSchema>;

/** A member's subscription to a plan. */
export const SubscriptionSchema = readSchema(z.object({
  id: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }).describe('Unique identifier (cuid).'),
  createdAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).describe('When the record was created.'),
  updatedAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).describe('When the record was last changed.'),
  userId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }),
  planId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }),
  status: SubscriptionStatusSchema,
  currentPeriodStart: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })),
  currentPeriodEnd: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).describe('When the current period ends and the next renewal is due.'),
  cancelAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).nullable().describe('When the subscription will end (cancel at period end); null if it renews.'),
  cancelledAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).nullable().describe('When the cancellation was requested.'),
  stripeSubscriptionId: z.string().max(255).nullable(),
}).describe('A member\'s subscription to a plan.'));

export type Subscription = z.infer<typeof SubscriptionSchema>;
export type SubscriptionJson = z.input<typeof SubscriptionSchema>;

/**
 * A member's subscription to a plan.
 *
 * Input for creating one; fields with defaults may be left out.
 */
export const SubscriptionCreateSchema = z.strictObject({
  userId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }),
  planId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }),
  cancelAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).nullable().exactOptional().describe('When the subscription will end (cancel at period end); null if it renews.'),
}).describe('A member\'s subscription to a plan.\n\nInput for creating one; fields with defaults may be left out.');

export type SubscriptionCreate = z.infer<typeof SubscriptionCreateSchema>;

/**
 * A member's subscription to a plan.
 *
 * Input for updating one; every field is optional.
 */
export const SubscriptionUpdateSchema = z.strictObject({
  userId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }).exactOptional(),
  planId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }).exactOptional(),
  cancelAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).nullable().exactOptional().describe('When the subscription will end (cancel at period end); null if it renews.'),
}).describe('A member\'s subscription to a plan.\n\nInput for updating one; every field is optional.');

export type SubscriptionUpdate = z.infer<typeof SubscriptionUpdateSchema>;

/** A membership plan members can subscribe to. */
export const SubscriptionPlanSchema = readSchema(z.object({
  id: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }).describe('Unique identifier (cuid).'),
  createdAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).describe('When the record was created.'),
  updatedAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).describe('When the record was last changed.'),
  name: z.string().min(2).max(80),
  description: z.string().max(1000).nullable(),
  price: decimal(z.number().min(0).max(99999999.99).multipleOf(0.01)).describe('Price per interval.'),
  currency: z.string().length(3).regex(new RegExp('^[A-Z]{3}$', 'u')),
  interval: BillingIntervalSchema,
  creditsPerPeriod: z.int32().min(0).describe('Credits granted at the start of each period.'),
  trialDays: z.int32().min(0).max(90),
  isActive: z.boolean().describe('Inactive plans take no new subscribers; existing ones continue.'),
  stripePriceId: z.string().max(255).nullable(),
}).describe('A membership plan members can subscribe to.'));

export type SubscriptionPlan = z.infer<typeof SubscriptionPlanSchema>;
export type SubscriptionPlanJson = z.input<typeof SubscriptionPlanSchema>;

/**
 * A membership plan members can subscribe to.
 *
 * Input for creating one; fields with defaults may be left out.
 */
export const SubscriptionPlanCreateSchema = z.strictObject({
  name: z.string().min(2).max(80),
  description: z.string().max(1000).nullable().exactOptional(),
  price: decimal(z.number().min(0).max(99999999.99).multipleOf(0.01)).describe('Price per interval.'),
  currency: z.string().length(3).regex(new RegExp('^[A-Z]{3}$', 'u')).exactOptional(),
  interval: BillingIntervalSchema.exactOptional(),
  creditsPerPeriod: z.int32().min(0).describe('Credits granted at the start of each period.'),
  trialDays: z.int32().min(0).max(90).exactOptional(),
  isActive: z.boolean().exactOptional().describe('Inactive plans take no new subscribers; existing ones continue.'),
  stripePriceId: z.string().max(255).nullable().exactOptional(),
}).describe('A membership plan members can subscribe to.\n\nInput for creating one; fields with defaults may be left out.');

export type SubscriptionPlanCreate = z.infer<typeof SubscriptionPlanCreateSchema>;

/**
 * A membership plan members can subscribe to.
 *
 * Input for updating one; every field is optional.
 */
export const SubscriptionPlanUpdateSchema = z.strictObject({
  name: z.string().min(2).max(80).exactOptional(),
  description: z.string().max(1000).nullable().exactOptional(),
  price: decimal(z.number().min(0).max(99999999.99).multipleOf(0.01)).exactOptional().describe('Price per interval.'),
  currency: z.string().length(3).regex(new RegExp('^[A-Z]{3}$', 'u')).exactOptional(),
  interval: BillingIntervalSchema.exactOptional(),
  creditsPerPeriod: z.int32().min(0).exactOptional().describe('Credits granted at the start of each period.'),
  trialDays: z.int32().min(0).max(90).exactOptional(),
  isActive: z.boolean().exactOptional().describe('Inactive plans take no new subscribers; existing ones continue.'),
  stripePriceId: z.string().max(255).nullable().exactOptional(),
}).describe('A membership plan members can subscribe to.\n\nInput for updating one; every field is optional.');

export type SubscriptionPlanUpdate = z.infer<typeof SubscriptionPlanUpdateSchema>;
