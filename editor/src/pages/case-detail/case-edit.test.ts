import { describe, expect, it } from 'vitest'
import { casePatch, draftOf, parseTags, statusMoves } from './case-edit.ts'
import { testCase } from './test-case.ts'

describe('statusMoves', () => {
  it('offers the moves the server allows, with reopen for resolved and closed cases', () => {
    expect(statusMoves('new').map((m) => m.label)).toEqual([
      'Acknowledge',
      'Mark contained',
      'Resolve',
      'Close',
    ])
    expect(statusMoves('contained').map((m) => m.to)).toEqual(['resolved', 'closed'])
    expect(statusMoves('resolved')).toEqual([
      { to: 'closed', label: 'Close' },
      { to: 'acknowledged', label: 'Reopen' },
    ])
    expect(statusMoves('closed')).toEqual([{ to: 'acknowledged', label: 'Reopen' }])
  })
})

describe('parseTags', () => {
  it('splits at commas, trims and drops empty and repeated tags', () => {
    expect(parseTags(' okta, vip,, okta ,')).toEqual(['okta', 'vip'])
    expect(parseTags('   ')).toEqual([])
  })
})

describe('casePatch', () => {
  const c = testCase({ assignee: 'ana', disposition: 'benign' })

  it('is undefined when the draft changes nothing', () => {
    expect(casePatch(c, draftOf(c))).toBeUndefined()
    expect(casePatch(c, { ...draftOf(c), title: `  ${c.title} `, tags: 'ssh,' })).toBeUndefined()
  })

  it('sends only the fields that differ, cleared ones as null and tags as a list', () => {
    const draft = {
      ...draftOf(c),
      title: ' Brute force on bastion-02 ',
      severity: 'critical' as const,
      assignee: ' ',
      disposition: '' as const,
      tags: 'ssh, vip',
    }
    expect(casePatch(c, draft)).toEqual({
      title: 'Brute force on bastion-02',
      severity: 'critical',
      assignee: null,
      disposition: null,
      tags: ['ssh', 'vip'],
    })
  })

  it('never sends an empty title', () => {
    expect(casePatch(c, { ...draftOf(c), title: '  ', assignee: 'bob' })).toEqual({ assignee: 'bob' })
  })
})
