// Generated from models/communication-log.yaml by `npm run generate`. Do not edit: change the models and regenerate.

import { z } from 'zod';
import { formats } from './formats.ts';
import { dateTime, readSchema } from './codecs.ts';

/** How a message was sent. */
export const CommunicationChannelSchema = z.enum(['EMAIL', 'SMS', 'PUSH', 'WHATSAPP']).describe('How a message was sent.');

/** How a message was sent. */
export const CommunicationChannel = {
  EMAIL: 'EMAIL',
  SMS: 'SMS',
  PUSH: 'PUSH',
  WHATSAPP: 'WHATSAPP',
} as const;

export type CommunicationChannel = z.infer<typeof CommunicationChannelSchema>;

/** Delivery state reported by the provider. */
export const CommunicationStatusSchema = z.enum(['QUEUED', 'SENT', 'DELIVERED', 'FAILED', 'BOUNCED']).describe('Delivery state reported by the provider.');

/** Delivery state reported by the provider. */
export const CommunicationStatus = {
  QUEUED: 'QUEUED',
  SENT: 'SENT',
  DELIVERED: 'DELIVERED',
  FAILED: 'FAILED',
  BOUNCED: 'BOUNCED',
} as const;

export type CommunicationStatus = z.infer<typeof CommunicationStatusSchema>;

/** One outbound message. Written when queued and updated as the provider reports delivery. */
export const CommunicationLogSchema = readSchema(z.object({
  id: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }).describe('Unique identifier (cuid).'),
  createdAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).describe('When the record was created.'),
  updatedAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).describe('When the record was last changed.'),
  userId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }).nullable(),
  channel: CommunicationChannelSchema,
  recipient: z.string().min(1).max(320).describe('Email address, E.164 phone number or device token the message went to.'),
  template: z.string().max(100).regex(new RegExp('^[a-z0-9]+([._-][a-z0-9]+)*$', 'u')).nullable().describe('Name of the message template.'),
  subject: z.string().max(255).nullable().describe('Subject line (email) or title (push); null for SMS.'),
  body: z.string().max(20000).describe('The rendered message text.'),
  status: CommunicationStatusSchema,
  provider: z.string().max(50).nullable().describe('Service that sent it.'),
  providerMessageId: z.string().max(255).nullable().describe('The provider\'s id for the message, to match delivery webhooks.'),
  error: z.string().max(2000).nullable().describe('Why sending failed.'),
  sentAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).nullable().describe('When the provider accepted it.'),
  deliveredAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).nullable(),
}).describe('One outbound message. Written when queued and updated as the provider reports delivery.'));

export type CommunicationLog = z.infer<typeof CommunicationLogSchema>;
export type CommunicationLogJson = z.input<typeof CommunicationLogSchema>;

/**
 * One outbound message. Written when queued and updated as the provider reports delivery.
 *
 * Input for creating one; fields with defaults may be left out.
 */
export const CommunicationLogCreateSchema = z.strictObject({
  userId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }).nullable().exactOptional(),
  channel: CommunicationChannelSchema,
  recipient: z.string().min(1).max(320).describe('Email address, E.164 phone number or device token the message went to.'),
  template: z.string().max(100).regex(new RegExp('^[a-z0-9]+([._-][a-z0-9]+)*$', 'u')).nullable().exactOptional().describe('Name of the message template.'),
  subject: z.string().max(255).nullable().exactOptional().describe('Subject line (email) or title (push); null for SMS.'),
  body: z.string().max(20000).describe('The rendered message text.'),
}).describe('One outbound message. Written when queued and updated as the provider reports delivery.\n\nInput for creating one; fields with defaults may be left out.');

export type CommunicationLogCreate = z.infer<typeof CommunicationLogCreateSchema>;

/**
 * One outbound message. Written when queued and updated as the provider reports delivery.
 *
 * Input for updating one; every field is optional.
 */
export const CommunicationLogUpdateSchema = z.strictObject({
  userId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }).nullable().exactOptional(),
  channel: CommunicationChannelSchema.exactOptional(),
  recipient: z.string().min(1).max(320).exactOptional().describe('Email address, E.164 phone number or device token the message went to.'),
  template: z.string().max(100).regex(new RegExp('^[a-z0-9]+([._-][a-z0-9]+)*$', 'u')).nullable().exactOptional().describe('Name of the message template.'),
  subject: z.string().max(255).nullable().exactOptional().describe('Subject line (email) or title (push); null for SMS.'),
  body: z.string().max(20000).exactOptional().describe('The rendered message text.'),
}).describe('One outbound message. Written when queued and updated as the provider reports delivery.\n\nInput for updating one; every field is optional.');

export type CommunicationLogUpdate = z.infer<typeof CommunicationLogUpdateSchema>;
