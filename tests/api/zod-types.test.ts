// Type-level checks of the generated zod types, enforced by `tsc` in `npm test`; the runtime
// assertions only keep vitest honest about the file.
import { describe, expect, it } from 'vitest'
import { type Gym, type GymCreate, type UserCreate, UserCreateSchema, type UserUpdate } from '../../generated/zod/index.ts'

const input: UserCreate = { email: 'sam@example.com', firstName: 'Sam', lastName: 'Taylor', role: 'TRAINER' }
// @ts-expect-error a role outside the enum is a type error
const badRole: UserCreate = { ...input, role: 'OWNER' }
// @ts-expect-error passwordHash is private: no API type has it
const withHash: UserCreate = { ...input, passwordHash: 'x' }
// @ts-expect-error id is read-only: create inputs do not take it
const withId: UserCreate = { ...input, id: 'c123' }
const patch: UserUpdate = { lastName: 'Okafor' }
const address: Gym['address'] = { line1: '1 Main St', city: 'Leeds', postcode: 'LS1 1AA', country: 'GB' }
// @ts-expect-error the Json column is typed by its shape
const badAddress: GymCreate['address'] = { street: 'nowhere' }

describe('generated zod types', () => {
  it('describe what the schemas accept', () => {
    expect(UserCreateSchema.safeParse(input).success).toBe(true)
    expect(UserCreateSchema.safeParse(badRole).success).toBe(false)
    expect(UserCreateSchema.safeParse(withHash).success).toBe(false)
    expect(UserCreateSchema.safeParse(withId).success).toBe(false)
    expect([patch, address, badAddress]).toHaveLength(3)
  })
})
