// Generated from models/audit-log.yaml by `npm run generate`. Do not edit: change the models and regenerate.

import { z } from 'zod';
import { formats } from './formats.ts';

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
  before: z.json().nullable().optional().describe('Values before the change (null for CREATE).'),
  after: z.json().nullable().optional().describe('Values after the change (null for DELETE).'),
}).describe('The changed fields of a record, before and after. Secrets are never recorded.');

export type AuditChanges = z.infer<typeof AuditChangesSchema>;

/** One audited action. Never updated. */
export const AuditLogSchema = z.object({
  id: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }).describe('Unique identifier (cuid).'),
  createdAt: z.string().regex(formats['date-time'], { error: 'must be a valid date-time' }).describe('When the record was created.'),
  actorId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }).nullable(),
  action: AuditActionSchema,
  entityType: z.string().min(1).max(64).regex(new RegExp('^[A-Z][A-Za-z0-9]*$', 'u')).describe('Name of the model acted on.'),
  entityId: z.string().min(1).max(64).describe('Id of the record acted on.'),
  changes: AuditChangesSchema.nullable().describe('Changed fields before and after; null when nothing changed (e.g. LOGIN).'),
  ip: z.string().max(45).nullable().describe('IPv4 or IPv6 address of the request.'),
  userAgent: z.string().max(512).nullable().describe('Browser or app of the request.'),
}).describe('One audited action. Never updated.');

export type AuditLog = z.infer<typeof AuditLogSchema>;

/**
 * One audited action. Never updated.
 *
 * Input for creating one; fields with defaults may be left out.
 */
export const AuditLogCreateSchema = z.strictObject({
  actorId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }).nullable().optional(),
  action: AuditActionSchema,
  entityType: z.string().min(1).max(64).regex(new RegExp('^[A-Z][A-Za-z0-9]*$', 'u')).describe('Name of the model acted on.'),
  entityId: z.string().min(1).max(64).describe('Id of the record acted on.'),
  changes: AuditChangesSchema.nullable().optional().describe('Changed fields before and after; null when nothing changed (e.g. LOGIN).'),
  ip: z.string().max(45).nullable().optional().describe('IPv4 or IPv6 address of the request.'),
  userAgent: z.string().max(512).nullable().optional().describe('Browser or app of the request.'),
}).describe('One audited action. Never updated.\n\nInput for creating one; fields with defaults may be left out.');

export type AuditLogCreate = z.infer<typeof AuditLogCreateSchema>;

/**
 * One audited action. Never updated.
 *
 * Input for updating one; every field is optional.
 */
export const AuditLogUpdateSchema = z.strictObject({
  actorId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }).nullable().optional(),
  action: AuditActionSchema.optional(),
  entityType: z.string().min(1).max(64).regex(new RegExp('^[A-Z][A-Za-z0-9]*$', 'u')).optional().describe('Name of the model acted on.'),
  entityId: z.string().min(1).max(64).optional().describe('Id of the record acted on.'),
  changes: AuditChangesSchema.nullable().optional().describe('Changed fields before and after; null when nothing changed (e.g. LOGIN).'),
  ip: z.string().max(45).nullable().optional().describe('IPv4 or IPv6 address of the request.'),
  userAgent: z.string().max(512).nullable().optional().describe('Browser or app of the request.'),
}).describe('One audited action. Never updated.\n\nInput for updating one; every field is optional.');

export type AuditLogUpdate = z.infer<typeof AuditLogUpdateSchema>;
