import { z } from 'zod'

/**
 * What an engineer would write by hand for "create a user", with exactly the rules the models give
 * `UserCreate` (models/user.yaml): the same email check (zod's) and lengths, the same enums, no unknown keys.
 * `checkSameVerdicts` in validation.ts fails the benchmark if the two ever disagree.
 */
export const HandWrittenUserCreateSchema = z.strictObject({
  email: z.email().max(254),
  firstName: z.string().min(1).max(100),
  lastName: z.string().min(1).max(100),
  role: z.enum(['USER', 'TRAINER', 'ADMIN']).optional(),
  status: z.enum(['PENDING_VERIFICATION', 'ACTIVE', 'SUSPENDED', 'DEACTIVATED']).optional(),
})
