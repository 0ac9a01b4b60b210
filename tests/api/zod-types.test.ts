// Type-level checks of the generated zod types, enforced by `tsc` in `npm test`; the runtime
// assertions only keep vitest honest about the file.
import { describe, expect, it } from 'vitest'
import { type Gym, type GymCreate, type UserCreate, UserCreateSchema, type UserUpdate } from '../../generated/zod/index.ts'
import { type GymCreate as CaseGymCreate, type Zone, ZoneSchema } from '../cases/gym-basics/expected/generated/zod/index.ts'

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

// Shapes that contain themselves (Zone → Zone, Zone → Route → Zone) are typed, not `unknown`.
const floor: Zone = { name: 'Ground', subzones: [{ name: 'Weights', route: { label: 'Loop', via: [{ name: 'Cardio' }] } }] }
const parsed: Zone = ZoneSchema.parse(floor)
// @ts-expect-error a nested zone needs its name
const namelessSubzone: Zone = { name: 'Ground', subzones: [{}] }
// @ts-expect-error a zone two levels down (through a Route) is a Zone too
const deepTypo: CaseGymCreate['floor'] = { name: 'Ground', route: { label: 'Loop', via: [{ name: 'Cardio', subzones: [{ name: 7 }] }] } }
// @ts-expect-error the parsed value is a Zone, not unknown: a missing property is an error
const noSuchField = ZoneSchema.parse(floor).colour

describe('generated zod types', () => {
  it('describe what the schemas accept', () => {
    expect(UserCreateSchema.safeParse(input).success).toBe(true)
    expect(UserCreateSchema.safeParse(badRole).success).toBe(false)
    expect(UserCreateSchema.safeParse(withHash).success).toBe(false)
    expect(UserCreateSchema.safeParse(withId).success).toBe(false)
    expect([patch, address, badAddress]).toHaveLength(3)
    expect(ZoneSchema.safeParse(parsed).success).toBe(true)
    expect(ZoneSchema.safeParse(namelessSubzone).success).toBe(false)
    expect(ZoneSchema.safeParse(deepTypo).success).toBe(false)
    expect(noSuchField).toBeUndefined()
  })
})
