// Generated from models/common.yaml by `npm run generate`. Do not edit: change the models and regenerate.

import { z } from 'zod';

/** A postal address. Stored as JSON wherever an address is kept, so its rules are written once. */
export const AddressSchema = z.strictObject({
  line1: z.string().min(1).max(200).describe('Street and number.'),
  line2: z.string().max(200).nullable().exactOptional().describe('Flat, suite or building.'),
  city: z.string().min(1).max(100),
  region: z.string().max(100).nullable().exactOptional().describe('County, state or province.'),
  postcode: z.string().regex(new RegExp('^[A-Z0-9 -]{3,10}$', 'u')).describe('Postal code in upper case.'),
  country: z.string().length(2).regex(new RegExp('^[A-Z]{2}$', 'u')).describe('ISO 3166-1 alpha-2 country code.'),
}).describe('A postal address. Stored as JSON wherever an address is kept, so its rules are written once.');

export type Address = z.infer<typeof AddressSchema>;
