import { describe, expect, it } from 'vitest'
import { HttpError } from '../app/errors.ts'
import { currentUser } from './user.ts'

describe('currentUser', () => {
  it('returns the user or throws a 401', () => {
    const user = { id: 'u', username: 'a', role: 'viewer' as const, via: 'token' as const }
    expect(currentUser({ get: () => user })).toBe(user)
    expect(() => currentUser({ get: () => undefined })).toThrow(HttpError)
  })
})
