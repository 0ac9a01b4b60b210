// Generated from models/gym.yaml by `npm run generate`. Do not edit: change the models and regenerate.

import { z } from 'zod';
import { ZoneSchema } from './member.ts';
import { dateTime, decimal, jsonColumn, nullableJsonInput, readSchema } from './codecs.ts';

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

export const AddressSchema = z.strictObject({
  line1: z.string().max(200),
  line2: z.string().nullable().exactOptional(),
  city: z.string().max(100),
  postcode: z.string().regex(new RegExp('^[A-Z0-9 -]{3,10}$', 'u')),
  country: z.string().length(2).describe('ISO 3166-1 alpha-2 code'),
});

export type Address = z.infer<typeof AddressSchema>;

/** A physical location where sessions take place. */
export const GymSchema = readSchema(z.object({
  createdAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })),
  updatedAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })),
  id: z.string(),
  name: z.string().min(2).max(120),
  description: z.string().nullable(),
  address: jsonColumn(AddressSchema),
  get floor() {
    return jsonColumn(ZoneSchema).nullable();
  },
  amenities: z.array(z.string()),
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
  description: z.string().nullable().exactOptional(),
  address: AddressSchema,
  get floor() {
    return nullableJsonInput(ZoneSchema).exactOptional();
  },
  amenities: z.array(z.string()).exactOptional(),
}).describe('A physical location where sessions take place.\n\nInput for creating one; fields with defaults may be left out.');

export type GymCreate = z.infer<typeof GymCreateSchema>;

/**
 * A physical location where sessions take place.
 *
 * Input for updating one; every field is optional.
 */
export const GymUpdateSchema = z.strictObject({
  name: z.string().min(2).max(120).exactOptional(),
  description: z.string().nullable().exactOptional(),
  address: AddressSchema.exactOptional(),
  get floor() {
    return nullableJsonInput(ZoneSchema).exactOptional();
  },
  amenities: z.array(z.string()).exactOptional(),
}).describe('A physical location where sessions take place.\n\nInput for updating one; every field is optional.');

export type GymUpdate = z.infer<typeof GymUpdateSchema>;

export const GymEquipmentSchema = readSchema(z.object({
  id: z.string(),
  gymId: z.string(),
  name: z.string(),
  quantity: z.int32().min(0),
  price: decimal(z.number().min(0).max(99999999.99).multipleOf(0.01)),
  status: EquipmentStatusSchema,
}));

export type GymEquipment = z.infer<typeof GymEquipmentSchema>;
export type GymEquipmentJson = z.input<typeof GymEquipmentSchema>;

/** Input for creating one; fields with defaults may be left out. */
export const GymEquipmentCreateSchema = z.strictObject({
  id: z.string().exactOptional(),
  gymId: z.string(),
  name: z.string(),
  quantity: z.int32().min(0).exactOptional(),
  price: decimal(z.number().min(0).max(99999999.99).multipleOf(0.01)),
  status: EquipmentStatusSchema.exactOptional(),
}).describe('Input for creating one; fields with defaults may be left out.');

export type GymEquipmentCreate = z.infer<typeof GymEquipmentCreateSchema>;

/** Input for updating one; every field is optional. */
export const GymEquipmentUpdateSchema = z.strictObject({
  id: z.string().exactOptional(),
  gymId: z.string().exactOptional(),
  name: z.string().exactOptional(),
  quantity: z.int32().min(0).exactOptional(),
  price: decimal(z.number().min(0).max(99999999.99).multipleOf(0.01)).exactOptional(),
  status: EquipmentStatusSchema.exactOptional(),
}).describe('Input for updating one; every field is optional.');

export type GymEquipmentUpdate = z.infer<typeof GymEquipmentUpdateSchema>;
