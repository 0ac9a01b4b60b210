// Generated from models/gym.yaml by `npm run generate`. Do not edit: change the models and regenerate.

import { z } from 'zod';
import { formats } from './formats.ts';
import { AddressSchema } from './common.ts';
import { date, dateTime, jsonColumn, readSchema } from './codecs.ts';

/** Broad kind of equipment, for filtering. */
export const EquipmentCategorySchema = z.enum(['CARDIO', 'STRENGTH', 'FREE_WEIGHTS', 'FUNCTIONAL', 'STRETCHING', 'OTHER']).describe('Broad kind of equipment, for filtering.');

/** Broad kind of equipment, for filtering. */
export const EquipmentCategory = {
  CARDIO: 'CARDIO',
  STRENGTH: 'STRENGTH',
  FREE_WEIGHTS: 'FREE_WEIGHTS',
  FUNCTIONAL: 'FUNCTIONAL',
  STRETCHING: 'STRETCHING',
  OTHER: 'OTHER',
} as const;

export type EquipmentCategory = z.infer<typeof EquipmentCategorySchema>;

/** Availability of a piece of equipment. */
export const EquipmentStatusSchema = z.enum(['AVAILABLE', 'IN_USE', 'MAINTENANCE', 'RETIRED']).describe('Availability of a piece of equipment.');

/** Availability of a piece of equipment. */
export const EquipmentStatus = {
  AVAILABLE: 'AVAILABLE',
  IN_USE: 'IN_USE',
  MAINTENANCE: 'MAINTENANCE',
  RETIRED: 'RETIRED',
} as const;

export type EquipmentStatus = z.infer<typeof EquipmentStatusSchema>;

/** Progress of a gym induction. */
export const InductionStatusSchema = z.enum(['SCHEDULED', 'COMPLETED', 'FAILED', 'CANCELLED', 'EXPIRED']).describe('Progress of a gym induction.');

/** Progress of a gym induction. */
export const InductionStatus = {
  SCHEDULED: 'SCHEDULED',
  COMPLETED: 'COMPLETED',
  FAILED: 'FAILED',
  CANCELLED: 'CANCELLED',
  EXPIRED: 'EXPIRED',
} as const;

export type InductionStatus = z.infer<typeof InductionStatusSchema>;

/** A physical location where sessions take place. */
export const GymSchema = readSchema(z.object({
  id: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }).describe('Unique identifier (cuid).'),
  createdAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).describe('When the record was created.'),
  updatedAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).describe('When the record was last changed.'),
  name: z.string().min(2).max(120),
  slug: z.string().min(2).max(80).regex(new RegExp('^[a-z0-9]+(-[a-z0-9]+)*$', 'u')).describe('URL name of the gym.'),
  description: z.string().max(2000).nullable(),
  get address() {
    return jsonColumn(AddressSchema).describe('Street address of the gym.');
  },
  phone: z.string().regex(formats['e164'], { error: 'must be a valid e164' }).nullable(),
  email: z.email({ error: 'must be a valid email' }).max(254).nullable(),
  timezone: z.string().max(64).regex(new RegExp('^[A-Za-z_]+(/[A-Za-z0-9_+-]+)*$', 'u')).describe('IANA time zone that session times are shown in.'),
  amenities: z.array(z.string()).describe('Facilities on site.'),
  equipment: z.array(z.string()).describe('Names of the equipment on site, for search and display. The inventory itself is equipmentItems.'),
  isActive: z.boolean().describe('Inactive gyms are hidden and take no new sessions.'),
  deletedAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).nullable().describe('When the row was deleted (soft delete); null while it is live.'),
}).describe('A physical location where sessions take place.'));

export type Gym = z.infer<typeof GymSchema>;
export type GymJson = z.input<typeof GymSchema>;

/**
 * A physical location where sessions take place.
 *
 * Input for creating one; fields with defaults may be left out.
 */
export const GymCreateSchema = z.strictObject({
  name: z.string().min(2).max(120),
  slug: z.string().min(2).max(80).regex(new RegExp('^[a-z0-9]+(-[a-z0-9]+)*$', 'u')).describe('URL name of the gym.'),
  description: z.string().max(2000).nullable().exactOptional(),
  get address() {
    return AddressSchema.describe('Street address of the gym.');
  },
  phone: z.string().regex(formats['e164'], { error: 'must be a valid e164' }).nullable().exactOptional(),
  email: z.email({ error: 'must be a valid email' }).max(254).nullable().exactOptional(),
  timezone: z.string().max(64).regex(new RegExp('^[A-Za-z_]+(/[A-Za-z0-9_+-]+)*$', 'u')).exactOptional().describe('IANA time zone that session times are shown in.'),
  amenities: z.array(z.string()).exactOptional().describe('Facilities on site.'),
  equipment: z.array(z.string()).exactOptional().describe('Names of the equipment on site, for search and display. The inventory itself is equipmentItems.'),
  isActive: z.boolean().exactOptional().describe('Inactive gyms are hidden and take no new sessions.'),
}).describe('A physical location where sessions take place.\n\nInput for creating one; fields with defaults may be left out.');

export type GymCreate = z.infer<typeof GymCreateSchema>;

/**
 * A physical location where sessions take place.
 *
 * Input for updating one; every field is optional.
 */
export const GymUpdateSchema = z.strictObject({
  name: z.string().min(2).max(120).exactOptional(),
  slug: z.string().min(2).max(80).regex(new RegExp('^[a-z0-9]+(-[a-z0-9]+)*$', 'u')).exactOptional().describe('URL name of the gym.'),
  description: z.string().max(2000).nullable().exactOptional(),
  get address() {
    return AddressSchema.exactOptional().describe('Street address of the gym.');
  },
  phone: z.string().regex(formats['e164'], { error: 'must be a valid e164' }).nullable().exactOptional(),
  email: z.email({ error: 'must be a valid email' }).max(254).nullable().exactOptional(),
  timezone: z.string().max(64).regex(new RegExp('^[A-Za-z_]+(/[A-Za-z0-9_+-]+)*$', 'u')).exactOptional().describe('IANA time zone that session times are shown in.'),
  amenities: z.array(z.string()).exactOptional().describe('Facilities on site.'),
  equipment: z.array(z.string()).exactOptional().describe('Names of the equipment on site, for search and display. The inventory itself is equipmentItems.'),
  isActive: z.boolean().exactOptional().describe('Inactive gyms are hidden and take no new sessions.'),
}).describe('A physical location where sessions take place.\n\nInput for updating one; every field is optional.');

export type GymUpdate = z.infer<typeof GymUpdateSchema>;

/** A kind of equipment held by a gym, with how many units there are. */
export const GymEquipmentSchema = readSchema(z.object({
  id: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }).describe('Unique identifier (cuid).'),
  createdAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).describe('When the record was created.'),
  updatedAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).describe('When the record was last changed.'),
  gymId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }),
  name: z.string().min(1).max(120),
  category: EquipmentCategorySchema,
  brand: z.string().max(80).nullable(),
  quantity: z.int32().min(0).describe('Units on site.'),
  status: EquipmentStatusSchema,
  purchasedAt: date(z.iso.date({ error: 'must be a valid date' })).nullable(),
  lastServicedAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).nullable().describe('When the equipment was last serviced.'),
  notes: z.string().max(1000).nullable(),
}).describe('A kind of equipment held by a gym, with how many units there are.'));

export type GymEquipment = z.infer<typeof GymEquipmentSchema>;
export type GymEquipmentJson = z.input<typeof GymEquipmentSchema>;

/**
 * A kind of equipment held by a gym, with how many units there are.
 *
 * Input for creating one; fields with defaults may be left out.
 */
export const GymEquipmentCreateSchema = z.strictObject({
  gymId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }),
  name: z.string().min(1).max(120),
  category: EquipmentCategorySchema.exactOptional(),
  brand: z.string().max(80).nullable().exactOptional(),
  quantity: z.int32().min(0).exactOptional().describe('Units on site.'),
  status: EquipmentStatusSchema.exactOptional(),
  purchasedAt: date(z.iso.date({ error: 'must be a valid date' })).nullable().exactOptional(),
  lastServicedAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).nullable().exactOptional().describe('When the equipment was last serviced.'),
  notes: z.string().max(1000).nullable().exactOptional(),
}).describe('A kind of equipment held by a gym, with how many units there are.\n\nInput for creating one; fields with defaults may be left out.');

export type GymEquipmentCreate = z.infer<typeof GymEquipmentCreateSchema>;

/**
 * A kind of equipment held by a gym, with how many units there are.
 *
 * Input for updating one; every field is optional.
 */
export const GymEquipmentUpdateSchema = z.strictObject({
  gymId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }).exactOptional(),
  name: z.string().min(1).max(120).exactOptional(),
  category: EquipmentCategorySchema.exactOptional(),
  brand: z.string().max(80).nullable().exactOptional(),
  quantity: z.int32().min(0).exactOptional().describe('Units on site.'),
  status: EquipmentStatusSchema.exactOptional(),
  purchasedAt: date(z.iso.date({ error: 'must be a valid date' })).nullable().exactOptional(),
  lastServicedAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).nullable().exactOptional().describe('When the equipment was last serviced.'),
  notes: z.string().max(1000).nullable().exactOptional(),
}).describe('A kind of equipment held by a gym, with how many units there are.\n\nInput for updating one; every field is optional.');

export type GymEquipmentUpdate = z.infer<typeof GymEquipmentUpdateSchema>;

/** A member's safety induction at one gym, run by a trainer. Members need a completed induction before training there unsupervised. */
export const GymInductionSchema = readSchema(z.object({
  id: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }).describe('Unique identifier (cuid).'),
  createdAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).describe('When the record was created.'),
  updatedAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).describe('When the record was last changed.'),
  userId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }),
  gymId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }),
  trainerId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }).nullable(),
  status: InductionStatusSchema,
  scheduledAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).nullable().describe('When the induction is booked for.'),
  completedAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).nullable().describe('When it was passed.'),
  expiresAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).nullable().describe('When the member must be inducted again, if ever.'),
  notes: z.string().max(2000).nullable().describe('Trainer\'s notes.'),
}).describe('A member\'s safety induction at one gym, run by a trainer. Members need a completed induction before training there unsupervised.'));

export type GymInduction = z.infer<typeof GymInductionSchema>;
export type GymInductionJson = z.input<typeof GymInductionSchema>;

/**
 * A member's safety induction at one gym, run by a trainer. Members need a completed induction before training there unsupervised.
 *
 * Input for creating one; fields with defaults may be left out.
 */
export const GymInductionCreateSchema = z.strictObject({
  userId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }),
  gymId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }),
  trainerId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }).nullable().exactOptional(),
  status: InductionStatusSchema.exactOptional(),
  scheduledAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).nullable().exactOptional().describe('When the induction is booked for.'),
  completedAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).nullable().exactOptional().describe('When it was passed.'),
  expiresAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).nullable().exactOptional().describe('When the member must be inducted again, if ever.'),
  notes: z.string().max(2000).nullable().exactOptional().describe('Trainer\'s notes.'),
}).describe('A member\'s safety induction at one gym, run by a trainer. Members need a completed induction before training there unsupervised.\n\nInput for creating one; fields with defaults may be left out.');

export type GymInductionCreate = z.infer<typeof GymInductionCreateSchema>;

/**
 * A member's safety induction at one gym, run by a trainer. Members need a completed induction before training there unsupervised.
 *
 * Input for updating one; every field is optional.
 */
export const GymInductionUpdateSchema = z.strictObject({
  userId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }).exactOptional(),
  gymId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }).exactOptional(),
  trainerId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }).nullable().exactOptional(),
  status: InductionStatusSchema.exactOptional(),
  scheduledAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).nullable().exactOptional().describe('When the induction is booked for.'),
  completedAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).nullable().exactOptional().describe('When it was passed.'),
  expiresAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).nullable().exactOptional().describe('When the member must be inducted again, if ever.'),
  notes: z.string().max(2000).nullable().exactOptional().describe('Trainer\'s notes.'),
}).describe('A member\'s safety induction at one gym, run by a trainer. Members need a completed induction before training there unsupervised.\n\nInput for updating one; every field is optional.');

export type GymInductionUpdate = z.infer<typeof GymInductionUpdateSchema>;
