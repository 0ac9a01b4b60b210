// Generated from models/audit-log.yaml, models/auth.yaml, models/common.yaml, models/communication-log.yaml, models/credit.yaml, models/gym.yaml, models/notification.yaml, models/parq.yaml, models/payment.yaml, models/session.yaml, models/subscription.yaml, models/support-comment.yaml, models/user.yaml by `npm run generate`. Do not edit: change the models and regenerate.

/** The string formats of the model language; OpenAPI documents the same patterns. */
export const formats = {
  email: new RegExp('^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$', 'u'),
  url: new RegExp('^https?:\\/\\/[^\\s/$.?#].[^\\s]*$', 'u'),
  uuid: new RegExp('^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$', 'u'),
  cuid: new RegExp('^c[a-z0-9]{24}$', 'u'),
  'e164': new RegExp('^\\+[1-9]\\d{1,14}$', 'u'),
  date: new RegExp('^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$', 'u'),
  'date-time': new RegExp('^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d(:\\d\\d(\\.\\d+)?)?(Z|[+-]\\d\\d:\\d\\d)$', 'u'),
} as const
