// Generated from models/audit-log.yaml by `npm run generate`. Do not edit: change the models and regenerate.

import { z } from 'zod';
import { formats } from './formats.ts';
import { anyJson, dateTime, jsonColumn, nullableJsonInput, readSchema } from './codecs.ts';

/** Kind of action recorded. */
export const AuditActionSchema = z.enum(['CREATE', 'UPDATE', 'DELETE', 'LOGIN', 'LOGIN_FAILED', 'LOGOUT', 'PASSWORD_RESET', 'ROLE_CHANGE', 'STATUS_CHANGE', 'REFUND', 'EXPORT']).describe('Kind of action recorded.');

/** Kind of action recorded. */
export const AuditAction = {
  CREATE: 'CREATE',
  UPDATE: 'UPDATE',
  DELETE: 'DELETE',
  LOGIN: 'LOGIN',
  LOGIN_FAILED: 'LOGIN_FAILED',
  LOGOUT: 'LOGOUT',
  PASSWORD_RESET: 'PASSWORD_RESET',
  ROLE_CHANGE: 'ROLE_CHANGE',
  STATUS_CHANGE: 'STATUS_CHANGE',
  REFUND: 'REFUND',
  EXPORT: 'EXPORT',
} as const;

export type AuditAction = z.infer<typeof AuditActionSchema>;

/** The changed fields of a record, before and after. Secrets are never recorded. */
export const AuditChangesSchema = z.strictObject({
  before: anyJson().nullable().exactOptional().describe('Values before the change (null for CREATE).'),
  after: anyJson().nullable().exactOptional().describe('Values after the change (null for DELETE).'),
}).describe('The changed fields of a record, before and after. Secrets are never recorded.');

export type AuditChanges = z.infer<typeof AuditChangesSchema>;

/** One audited action. Never updated. */
export const AuditLogSchema = readSchema(z.object({
  id: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }).describe('Unique identifier (cuid).'),
  createdAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).describe('When the record was created.'),
  actorId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }).nullable(),
  action: AuditActionSchema,
  entityType: z.string().min(1).max(64).regex(new RegExp('^[A-Z][A-Za-z0-9]*$', 'u')).describe('Name of the model acted on.'),
  entityId: z.string().min(1).max(64).describe('Id of the record acted on.'),
  changes: jsonColumn(AuditChangesSchema).nullable().describe('Changed fields before and after; null when nothing changed (e.g. LOGIN).'),
  ip: z.string().max(45).nullable().describe('IPv4 or IPv6 address of the request.'),
  userAgent: z.string().max(512).nullable().describe('Browser or app of the request.'),
}).describe('One audited action. Never updated.'));

export type AuditLog = z.infer<typeof AuditLogSchema>;
export type AuditLogJson = z.input<typeof AuditLogSchema>;

/**
 * One audited action. Never updated.
 *
 * Input for creating one; fields with defaults may be left out.
 */
export const AuditLogCreateSchema = z.strictObject({
  actorId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }).nullable().exactOptional(),
  action: AuditActionSchema,
  entityType: z.string().min(1).max(64).regex(new RegExp('^[A-Z][A-Za-z0-9]*$', 'u')).describe('Name of the model acted on.'),
  entityId: z.string().min(1).max(64).describe('Id of the record acted on.'),
  changes: nullableJsonInput(AuditChangesSchema).exactOptional().describe('Changed fields before and after; null when nothing changed (e.g. LOGIN).'),
  ip: z.string().max(45).nullable().exactOptional().describe('IPv4 or IPv6 address of the request.'),
  userAgent: z.string().max(512).nullable().exactOptional().describe('Browser or app of the request.'),
}).describe('One audited action. Never updated.\n\nInput for creating one; fields with defaults may be left out.');

export type AuditLogCreate = z.infer<typeof AuditLogCreateSchema>;

/**
 * One audited action. Never updated.
 *
 * Input for updating one; every field is optional.
 */
export const AuditLogUpdateSchema = z.strictObject({
  actorId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }).nullable().exactOptional(),
  action: AuditActionSchema.exactOptional(),
  entityType: z.string().min(1).max(64).regex(new RegExp('^[A-Z][A-Za-z0-9]*$', 'u')).exactOptional().describe('Name of the model acted on.'),
  entityId: z.string().min(1).max(64).exactOptional().describe('Id of the record acted on.'),
  changes: nullableJsonInput(AuditChangesSchema).exactOptional().describe('Changed fields before and after; null when nothing changed (e.g. LOGIN).'),
  ip: z.string().max(45).nullable().exactOptional().describe('IPv4 or IPv6 address of the request.'),
  userAgent: z.string().max(512).nullable().exactOptional().describe('Browser or app of the request.'),
}).describe('One audited action. Never updated.\n\nInput for updating one; every field is optional.');

export type AuditLogUpdate = z.infer<typeof AuditLogUpdateSchema>;
