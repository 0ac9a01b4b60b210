// Generated from models/gym.yaml, models/member.yaml by `npm run generate`. Do not edit: change the models and regenerate.

/** Fields no query returns unless it asks for them (`omit: { field: false }`): the models' `private` fields. */
export const clientOmit = {
  member: { 'passwordHash': true },
} as const;

/** Models with `softDelete: true`, per Prisma client model: the field that marks a row deleted (src/db/soft-delete.ts). */
export const softDeleteFields = {

} as const;
