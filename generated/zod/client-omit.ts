// Generated from models/audit-log.yaml, models/auth.yaml, models/common.yaml, models/communication-log.yaml, models/credit.yaml, models/gym.yaml, models/notification.yaml, models/parq.yaml, models/payment.yaml, models/session.yaml, models/subscription.yaml, models/support-comment.yaml, models/user.yaml by `npm run generate`. Do not edit: change the models and regenerate.

/** Fields no query returns unless it asks for them (`omit: { field: false }`): the models' `private` fields. */
export const clientOmit = {
  passwordResetToken: { 'tokenHash': true },
  refreshSession: { 'tokenHash': true },
  user: { 'passwordHash': true },
  verificationToken: { 'tokenHash': true },
} as const;

/** Models with `softDelete: true`, per Prisma client model: the field that marks a row deleted (src/db/soft-delete.ts). */
export const softDeleteFields = {
  gym: 'deletedAt',
} as const;
