// Generated from models/session.yaml by `npm run generate`. Do not edit: change the models and regenerate.

import { z } from 'zod';
import { formats } from './formats.ts';
import { dateTime, readSchema } from './codecs.ts';

/** State of a member's place in a session. */
export const BookingStatusSchema = z.enum(['CONFIRMED', 'CANCELLED', 'ATTENDED', 'NO_SHOW']).describe('State of a member\'s place in a session.');

/** State of a member's place in a session. */
export const BookingStatus = {
  CONFIRMED: 'CONFIRMED',
  CANCELLED: 'CANCELLED',
  ATTENDED: 'ATTENDED',
  NO_SHOW: 'NO_SHOW',
} as const;

export type BookingStatus = z.infer<typeof BookingStatusSchema>;

/** Lifecycle of a session. */
export const SessionStatusSchema = z.enum(['SCHEDULED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED']).describe('Lifecycle of a session.');

/** Lifecycle of a session. */
export const SessionStatus = {
  SCHEDULED: 'SCHEDULED',
  IN_PROGRESS: 'IN_PROGRESS',
  COMPLETED: 'COMPLETED',
  CANCELLED: 'CANCELLED',
} as const;

export type SessionStatus = z.infer<typeof SessionStatusSchema>;

/** State of a waiting-list entry. */
export const WaitingListStatusSchema = z.enum(['WAITING', 'OFFERED', 'BOOKED', 'EXPIRED', 'REMOVED']).describe('State of a waiting-list entry.');

/** State of a waiting-list entry. */
export const WaitingListStatus = {
  WAITING: 'WAITING',
  OFFERED: 'OFFERED',
  BOOKED: 'BOOKED',
  EXPIRED: 'EXPIRED',
  REMOVED: 'REMOVED',
} as const;

export type WaitingListStatus = z.infer<typeof WaitingListStatusSchema>;

/** A scheduled class or training session at a gym, led by a trainer, that members book with credits. */
export const SessionSchema = readSchema(z.object({
  id: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }).describe('Unique identifier (cuid).'),
  createdAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).describe('When the record was created.'),
  updatedAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).describe('When the record was last changed.'),
  title: z.string().min(2).max(120),
  description: z.string().max(2000).nullable(),
  gymId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }),
  trainerId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }).nullable(),
  startTime: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).describe('Start, in UTC. Before endTime (check ends_after_start).'),
  endTime: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).describe('End, in UTC.'),
  capacity: z.int32().min(1).max(500).describe('Places available.'),
  creditCost: z.int32().min(0).max(100).describe('Credits a booking costs.'),
  status: SessionStatusSchema.describe('Only SCHEDULED sessions can be booked.'),
  cancelledAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).nullable(),
  cancellationReason: z.string().max(500).nullable().describe('Shown to booked members when the session is cancelled.'),
}).describe('A scheduled class or training session at a gym, led by a trainer, that members book with credits.'));

export type Session = z.infer<typeof SessionSchema>;
export type SessionJson = z.input<typeof SessionSchema>;

/**
 * A scheduled class or training session at a gym, led by a trainer, that members book with credits.
 *
 * Input for creating one; fields with defaults may be left out.
 */
export const SessionCreateSchema = z.strictObject({
  title: z.string().min(2).max(120),
  description: z.string().max(2000).nullable().exactOptional(),
  gymId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }),
  trainerId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }).nullable().exactOptional(),
  startTime: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).describe('Start, in UTC. Before endTime (check ends_after_start).'),
  endTime: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).describe('End, in UTC.'),
  capacity: z.int32().min(1).max(500).exactOptional().describe('Places available.'),
  creditCost: z.int32().min(0).max(100).exactOptional().describe('Credits a booking costs.'),
  status: SessionStatusSchema.exactOptional().describe('Only SCHEDULED sessions can be booked.'),
  cancellationReason: z.string().max(500).nullable().exactOptional().describe('Shown to booked members when the session is cancelled.'),
}).refine((v) => v.endTime == null || v.startTime == null || new Date(v.endTime).getTime() > new Date(v.startTime).getTime(), { message: 'ends_after_start: endTime > startTime', path: ['endTime'] }).describe('A scheduled class or training session at a gym, led by a trainer, that members book with credits.\n\nInput for creating one; fields with defaults may be left out.');

export type SessionCreate = z.infer<typeof SessionCreateSchema>;

/**
 * A scheduled class or training session at a gym, led by a trainer, that members book with credits.
 *
 * Input for updating one; every field is optional.
 */
export const SessionUpdateSchema = z.strictObject({
  title: z.string().min(2).max(120).exactOptional(),
  description: z.string().max(2000).nullable().exactOptional(),
  gymId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }).exactOptional(),
  trainerId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }).nullable().exactOptional(),
  startTime: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).exactOptional().describe('Start, in UTC. Before endTime (check ends_after_start).'),
  endTime: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).exactOptional().describe('End, in UTC.'),
  capacity: z.int32().min(1).max(500).exactOptional().describe('Places available.'),
  creditCost: z.int32().min(0).max(100).exactOptional().describe('Credits a booking costs.'),
  status: SessionStatusSchema.exactOptional().describe('Only SCHEDULED sessions can be booked.'),
  cancellationReason: z.string().max(500).nullable().exactOptional().describe('Shown to booked members when the session is cancelled.'),
}).refine((v) => v.endTime == null || v.startTime == null || new Date(v.endTime).getTime() > new Date(v.startTime).getTime(), { message: 'ends_after_start: endTime > startTime', path: ['endTime'] }).describe('A scheduled class or training session at a gym, led by a trainer, that members book with credits.\n\nInput for updating one; every field is optional.');

export type SessionUpdate = z.infer<typeof SessionUpdateSchema>;

/** A member's place in a session. One per member and session; cancelling keeps the row with status CANCELLED. */
export const SessionBookingSchema = readSchema(z.object({
  id: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }).describe('Unique identifier (cuid).'),
  createdAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).describe('When the record was created.'),
  updatedAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).describe('When the record was last changed.'),
  sessionId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }),
  userId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }),
  status: BookingStatusSchema,
  creditsSpent: z.int32().min(0).describe('Credits taken for this booking (the session\'s creditCost at booking time).'),
  checkedInAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).nullable(),
  cancelledAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).nullable(),
}).describe('A member\'s place in a session. One per member and session; cancelling keeps the row with status CANCELLED.'));

export type SessionBooking = z.infer<typeof SessionBookingSchema>;
export type SessionBookingJson = z.input<typeof SessionBookingSchema>;

/**
 * A member's place in a session. One per member and session; cancelling keeps the row with status CANCELLED.
 *
 * Input for creating one; fields with defaults may be left out.
 */
export const SessionBookingCreateSchema = z.strictObject({
  sessionId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }),
  userId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }),
  status: BookingStatusSchema.exactOptional(),
  creditsSpent: z.int32().min(0).describe('Credits taken for this booking (the session\'s creditCost at booking time).'),
}).describe('A member\'s place in a session. One per member and session; cancelling keeps the row with status CANCELLED.\n\nInput for creating one; fields with defaults may be left out.');

export type SessionBookingCreate = z.infer<typeof SessionBookingCreateSchema>;

/**
 * A member's place in a session. One per member and session; cancelling keeps the row with status CANCELLED.
 *
 * Input for updating one; every field is optional.
 */
export const SessionBookingUpdateSchema = z.strictObject({
  sessionId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }).exactOptional(),
  userId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }).exactOptional(),
  status: BookingStatusSchema.exactOptional(),
  creditsSpent: z.int32().min(0).exactOptional().describe('Credits taken for this booking (the session\'s creditCost at booking time).'),
}).describe('A member\'s place in a session. One per member and session; cancelling keeps the row with status CANCELLED.\n\nInput for updating one; every field is optional.');

export type SessionBookingUpdate = z.infer<typeof SessionBookingUpdateSchema>;

/** A member's rating of a session they attended. One per member and session. */
export const SessionReviewSchema = readSchema(z.object({
  id: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }).describe('Unique identifier (cuid).'),
  createdAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).describe('When the record was created.'),
  updatedAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).describe('When the record was last changed.'),
  sessionId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }),
  userId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }),
  rating: z.int32().min(1).max(5).describe('1 (poor) to 5 (excellent).'),
  comment: z.string().max(2000).nullable(),
  isHidden: z.boolean().describe('Hidden by a moderator.'),
}).describe('A member\'s rating of a session they attended. One per member and session.'));

export type SessionReview = z.infer<typeof SessionReviewSchema>;
export type SessionReviewJson = z.input<typeof SessionReviewSchema>;

/**
 * A member's rating of a session they attended. One per member and session.
 *
 * Input for creating one; fields with defaults may be left out.
 */
export const SessionReviewCreateSchema = z.strictObject({
  sessionId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }),
  userId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }),
  rating: z.int32().min(1).max(5).describe('1 (poor) to 5 (excellent).'),
  comment: z.string().max(2000).nullable().exactOptional(),
  isHidden: z.boolean().exactOptional().describe('Hidden by a moderator.'),
}).describe('A member\'s rating of a session they attended. One per member and session.\n\nInput for creating one; fields with defaults may be left out.');

export type SessionReviewCreate = z.infer<typeof SessionReviewCreateSchema>;

/**
 * A member's rating of a session they attended. One per member and session.
 *
 * Input for updating one; every field is optional.
 */
export const SessionReviewUpdateSchema = z.strictObject({
  sessionId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }).exactOptional(),
  userId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }).exactOptional(),
  rating: z.int32().min(1).max(5).exactOptional().describe('1 (poor) to 5 (excellent).'),
  comment: z.string().max(2000).nullable().exactOptional(),
  isHidden: z.boolean().exactOptional().describe('Hidden by a moderator.'),
}).describe('A member\'s rating of a session they attended. One per member and session.\n\nInput for updating one; every field is optional.');

export type SessionReviewUpdate = z.infer<typeof SessionReviewUpdateSchema>;

/** A member queued for a full session. When a place frees up, the first WAITING entry is offered it. */
export const WaitingListEntrySchema = readSchema(z.object({
  id: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }).describe('Unique identifier (cuid).'),
  createdAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).describe('When the record was created.'),
  updatedAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).describe('When the record was last changed.'),
  sessionId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }),
  userId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }),
  position: z.int32().min(1).describe('Place in the queue, 1 first. Not unique, so the queue can be renumbered in one pass.'),
  status: WaitingListStatusSchema,
  offeredAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).nullable(),
  offerExpiresAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).nullable(),
}).describe('A member queued for a full session. When a place frees up, the first WAITING entry is offered it.'));

export type WaitingListEntry = z.infer<typeof WaitingListEntrySchema>;
export type WaitingListEntryJson = z.input<typeof WaitingListEntrySchema>;

/**
 * A member queued for a full session. When a place frees up, the first WAITING entry is offered it.
 *
 * Input for creating one; fields with defaults may be left out.
 */
export const WaitingListEntryCreateSchema = z.strictObject({
  sessionId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }),
  userId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }),
  status: WaitingListStatusSchema.exactOptional(),
}).describe('A member queued for a full session. When a place frees up, the first WAITING entry is offered it.\n\nInput for creating one; fields with defaults may be left out.');

export type WaitingListEntryCreate = z.infer<typeof WaitingListEntryCreateSchema>;

/**
 * A member queued for a full session. When a place frees up, the first WAITING entry is offered it.
 *
 * Input for updating one; every field is optional.
 */
export const WaitingListEntryUpdateSchema = z.strictObject({
  sessionId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }).exactOptional(),
  userId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }).exactOptional(),
  status: WaitingListStatusSchema.exactOptional(),
}).describe('A member queued for a full session. When a place frees up, the first WAITING entry is offered it.\n\nInput for updating one; every field is optional.');

export type WaitingListEntryUpdate = z.infer<typeof WaitingListEntryUpdateSchema>;
