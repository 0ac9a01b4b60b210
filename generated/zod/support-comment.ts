// Generated from models/support-comment.yaml by `npm run generate`. Do not edit: change the models and regenerate.

import { z } from 'zod';
import { formats } from './formats.ts';
import { dateTime, readSchema } from './codecs.ts';

/** Topic of a ticket, for routing. */
export const TicketCategorySchema = z.enum(['BOOKING', 'BILLING', 'ACCOUNT', 'GYM_FACILITIES', 'TECHNICAL', 'FEEDBACK', 'OTHER']).describe('Topic of a ticket, for routing.');

/** Topic of a ticket, for routing. */
export const TicketCategory = {
  BOOKING: 'BOOKING',
  BILLING: 'BILLING',
  ACCOUNT: 'ACCOUNT',
  GYM_FACILITIES: 'GYM_FACILITIES',
  TECHNICAL: 'TECHNICAL',
  FEEDBACK: 'FEEDBACK',
  OTHER: 'OTHER',
} as const;

export type TicketCategory = z.infer<typeof TicketCategorySchema>;

export const TicketPrioritySchema = z.enum(['LOW', 'NORMAL', 'HIGH', 'URGENT']);

export const TicketPriority = {
  LOW: 'LOW',
  NORMAL: 'NORMAL',
  HIGH: 'HIGH',
  URGENT: 'URGENT',
} as const;

export type TicketPriority = z.infer<typeof TicketPrioritySchema>;

/** Where a ticket is in its handling. */
export const TicketStatusSchema = z.enum(['OPEN', 'IN_PROGRESS', 'WAITING_ON_CUSTOMER', 'RESOLVED', 'CLOSED']).describe('Where a ticket is in its handling.');

/** Where a ticket is in its handling. */
export const TicketStatus = {
  OPEN: 'OPEN',
  IN_PROGRESS: 'IN_PROGRESS',
  WAITING_ON_CUSTOMER: 'WAITING_ON_CUSTOMER',
  RESOLVED: 'RESOLVED',
  CLOSED: 'CLOSED',
} as const;

export type TicketStatus = z.infer<typeof TicketStatusSchema>;

/** A message on a support ticket, by the requester or staff. Internal notes are visible to staff only. */
export const SupportCommentSchema = readSchema(z.object({
  id: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }).describe('Unique identifier (cuid).'),
  createdAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).describe('When the record was created.'),
  updatedAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).describe('When the record was last changed.'),
  ticketId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }),
  authorId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }),
  body: z.string().min(1).max(10000).describe('The message text (plain text or Markdown).'),
  isInternal: z.boolean().describe('A staff-only note, never shown to the requester.'),
  editedAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).nullable().describe('When the body was last edited.'),
}).describe('A message on a support ticket, by the requester or staff. Internal notes are visible to staff only.'));

export type SupportComment = z.infer<typeof SupportCommentSchema>;
export type SupportCommentJson = z.input<typeof SupportCommentSchema>;

/**
 * A message on a support ticket, by the requester or staff. Internal notes are visible to staff only.
 *
 * Input for creating one; fields with defaults may be left out.
 */
export const SupportCommentCreateSchema = z.strictObject({
  ticketId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }),
  authorId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }),
  body: z.string().min(1).max(10000).describe('The message text (plain text or Markdown).'),
  isInternal: z.boolean().exactOptional().describe('A staff-only note, never shown to the requester.'),
}).describe('A message on a support ticket, by the requester or staff. Internal notes are visible to staff only.\n\nInput for creating one; fields with defaults may be left out.');

export type SupportCommentCreate = z.infer<typeof SupportCommentCreateSchema>;

/**
 * A message on a support ticket, by the requester or staff. Internal notes are visible to staff only.
 *
 * Input for updating one; every field is optional.
 */
export const SupportCommentUpdateSchema = z.strictObject({
  ticketId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }).exactOptional(),
  authorId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }).exactOptional(),
  body: z.string().min(1).max(10000).exactOptional().describe('The message text (plain text or Markdown).'),
  isInternal: z.boolean().exactOptional().describe('A staff-only note, never shown to the requester.'),
}).describe('A message on a support ticket, by the requester or staff. Internal notes are visible to staff only.\n\nInput for updating one; every field is optional.');

export type SupportCommentUpdate = z.infer<typeof SupportCommentUpdateSchema>;

/** A request for help opened by a user. */
export const SupportTicketSchema = readSchema(z.object({
  id: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }).describe('Unique identifier (cuid).'),
  createdAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).describe('When the record was created.'),
  updatedAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).describe('When the record was last changed.'),
  requesterId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }),
  assigneeId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }).nullable(),
  subject: z.string().min(3).max(200).describe('One-line summary of the problem.'),
  category: TicketCategorySchema,
  priority: TicketPrioritySchema,
  status: TicketStatusSchema,
  resolvedAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).nullable(),
}).describe('A request for help opened by a user.'));

export type SupportTicket = z.infer<typeof SupportTicketSchema>;
export type SupportTicketJson = z.input<typeof SupportTicketSchema>;

/**
 * A request for help opened by a user.
 *
 * Input for creating one; fields with defaults may be left out.
 */
export const SupportTicketCreateSchema = z.strictObject({
  requesterId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }),
  assigneeId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }).nullable().exactOptional(),
  subject: z.string().min(3).max(200).describe('One-line summary of the problem.'),
  category: TicketCategorySchema.exactOptional(),
  priority: TicketPrioritySchema.exactOptional(),
  status: TicketStatusSchema.exactOptional(),
}).describe('A request for help opened by a user.\n\nInput for creating one; fields with defaults may be left out.');

export type SupportTicketCreate = z.infer<typeof SupportTicketCreateSchema>;

/**
 * A request for help opened by a user.
 *
 * Input for updating one; every field is optional.
 */
export const SupportTicketUpdateSchema = z.strictObject({
  requesterId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }).exactOptional(),
  assigneeId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }).nullable().exactOptional(),
  subject: z.string().min(3).max(200).exactOptional().describe('One-line summary of the problem.'),
  category: TicketCategorySchema.exactOptional(),
  priority: TicketPrioritySchema.exactOptional(),
  status: TicketStatusSchema.exactOptional(),
}).describe('A request for help opened by a user.\n\nInput for updating one; every field is optional.');

export type SupportTicketUpdate = z.infer<typeof SupportTicketUpdateSchema>;
