// Generated from models/notification.yaml by `npm run generate`. Do not edit: change the models and regenerate.

import { z } from 'zod';
import { formats } from './formats.ts';
import { dateTime, jsonColumn, nullableJsonInput, readSchema } from './codecs.ts';

/** What a notification is about; decides its icon and link. */
export const NotificationTypeSchema = z.enum(['BOOKING_CONFIRMED', 'BOOKING_CANCELLED', 'SESSION_REMINDER', 'SESSION_CANCELLED', 'SESSION_CHANGED', 'WAITLIST_OFFER', 'PAYMENT_SUCCEEDED', 'PAYMENT_FAILED', 'SUBSCRIPTION_RENEWED', 'SUBSCRIPTION_ENDING', 'CREDITS_EXPIRING', 'SUPPORT_REPLY', 'SYSTEM']).describe('What a notification is about; decides its icon and link.');

/** What a notification is about; decides its icon and link. */
export const NotificationType = {
  BOOKING_CONFIRMED: 'BOOKING_CONFIRMED',
  BOOKING_CANCELLED: 'BOOKING_CANCELLED',
  SESSION_REMINDER: 'SESSION_REMINDER',
  SESSION_CANCELLED: 'SESSION_CANCELLED',
  SESSION_CHANGED: 'SESSION_CHANGED',
  WAITLIST_OFFER: 'WAITLIST_OFFER',
  PAYMENT_SUCCEEDED: 'PAYMENT_SUCCEEDED',
  PAYMENT_FAILED: 'PAYMENT_FAILED',
  SUBSCRIPTION_RENEWED: 'SUBSCRIPTION_RENEWED',
  SUBSCRIPTION_ENDING: 'SUBSCRIPTION_ENDING',
  CREDITS_EXPIRING: 'CREDITS_EXPIRING',
  SUPPORT_REPLY: 'SUPPORT_REPLY',
  SYSTEM: 'SYSTEM',
} as const;

export type NotificationType = z.infer<typeof NotificationTypeSchema>;

/** Where a notification leads, so the app can link to it. */
export const NotificationDataSchema = z.strictObject({
  entityType: z.string().max(64).nullable().exactOptional().describe('Model the notification is about.'),
  entityId: z.string().max(64).nullable().exactOptional(),
  url: z.url({ protocol: /^https?$/, error: 'must be a valid url' }).max(2048).nullable().exactOptional().describe('Link to open instead of the entity.'),
}).describe('Where a notification leads, so the app can link to it.');

export type NotificationData = z.infer<typeof NotificationDataSchema>;

/** A message in a user's in-app inbox. Unread while readAt is null. */
export const NotificationSchema = readSchema(z.object({
  id: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }).describe('Unique identifier (cuid).'),
  createdAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).describe('When the record was created.'),
  userId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }),
  type: NotificationTypeSchema,
  title: z.string().min(1).max(150).describe('Headline shown in the inbox.'),
  body: z.string().max(2000).describe('Full text.'),
  data: jsonColumn(NotificationDataSchema).nullable().describe('What the notification links to.'),
  readAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).nullable().describe('When the user read it; null while unread.'),
}).describe('A message in a user\'s in-app inbox. Unread while readAt is null.'));

export type Notification = z.infer<typeof NotificationSchema>;
export type NotificationJson = z.input<typeof NotificationSchema>;

/**
 * A message in a user's in-app inbox. Unread while readAt is null.
 *
 * Input for creating one; fields with defaults may be left out.
 */
export const NotificationCreateSchema = z.strictObject({
  userId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }),
  type: NotificationTypeSchema,
  title: z.string().min(1).max(150).describe('Headline shown in the inbox.'),
  body: z.string().max(2000).describe('Full text.'),
  data: nullableJsonInput(NotificationDataSchema).exactOptional().describe('What the notification links to.'),
  readAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).nullable().exactOptional().describe('When the user read it; null while unread.'),
}).describe('A message in a user\'s in-app inbox. Unread while readAt is null.\n\nInput for creating one; fields with defaults may be left out.');

export type NotificationCreate = z.infer<typeof NotificationCreateSchema>;

/**
 * A message in a user's in-app inbox. Unread while readAt is null.
 *
 * Input for updating one; every field is optional.
 */
export const NotificationUpdateSchema = z.strictObject({
  userId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }).exactOptional(),
  type: NotificationTypeSchema.exactOptional(),
  title: z.string().min(1).max(150).exactOptional().describe('Headline shown in the inbox.'),
  body: z.string().max(2000).exactOptional().describe('Full text.'),
  data: nullableJsonInput(NotificationDataSchema).exactOptional().describe('What the notification links to.'),
  readAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).nullable().exactOptional().describe('When the user read it; null while unread.'),
}).describe('A message in a user\'s in-app inbox. Unread while readAt is null.\n\nInput for updating one; every field is optional.');

export type NotificationUpdate = z.infer<typeof NotificationUpdateSchema>;
