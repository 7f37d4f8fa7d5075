import { describe, expect, it } from 'vitest'
import { ApiError } from '../api/client.ts'
import { describeError } from './describe-error.ts'

describe('describeError', () => {
  it('keeps every problem of a 422 with its path', () => {
    const err = new ApiError(422, 'INVALID_PLAYBOOK', 'the playbook is invalid', [
      { code: 'CYCLE', message: 'a → b → a', path: '$.edges[3]' },
    ])
    expect(describeError(err)).toEqual({
      message: 'the playbook is invalid',
      problems: [{ path: '$.edges[3]', message: 'a → b → a' }],
    })
  })

  it('names refusals, server failures and lost connections', () => {
    expect(describeError(new ApiError(403, 'FORBIDDEN', 'needs run.cancel')).message).toBe(
      'Not allowed: needs run.cancel',
    )
    expect(describeError(new ApiError(500, 'INTERNAL', 'boom')).message).toBe('The server failed (500): boom')
    expect(describeError(new TypeError('Failed to fetch')).message).toMatch(/^Cannot reach the server/)
    expect(describeError('odd')).toEqual({ message: 'odd', problems: [] })
  })
})
