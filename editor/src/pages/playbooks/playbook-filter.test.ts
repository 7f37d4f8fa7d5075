import { describe, expect, it } from 'vitest'
import { collectTags, filterPlaybooks, NO_FILTER } from './playbook-filter.ts'

const items = [
  {
    id: 'phishing-triage',
    name: 'Phishing triage',
    tags: ['email', 'phishing'],
    status: 'published' as const,
  },
  {
    id: 'suspicious-ip',
    name: 'Suspicious IP',
    tags: ['network'],
    status: 'draft' as const,
    description: 'Blocks at Cloudflare',
  },
  { id: 'malware-endpoint', name: 'Malware on endpoint', tags: ['edr', 'email'], status: 'draft' as const },
]
const ids = (list: { id: string }[]) => list.map((p) => p.id)

describe('filterPlaybooks', () => {
  it('keeps everything without a filter', () => {
    expect(ids(filterPlaybooks(items, NO_FILTER))).toEqual([
      'phishing-triage',
      'suspicious-ip',
      'malware-endpoint',
    ])
  })

  it('searches id, name, description and tags, case-insensitively, every word', () => {
    expect(ids(filterPlaybooks(items, { ...NO_FILTER, search: 'CLOUDFLARE' }))).toEqual(['suspicious-ip'])
    expect(ids(filterPlaybooks(items, { ...NO_FILTER, search: 'endpoint' }))).toEqual(['malware-endpoint'])
    expect(ids(filterPlaybooks(items, { ...NO_FILTER, search: 'email triage' }))).toEqual(['phishing-triage'])
    expect(filterPlaybooks(items, { ...NO_FILTER, search: 'nothing-like-this' })).toEqual([])
  })

  it('filters by tag and by draft/published state together', () => {
    expect(ids(filterPlaybooks(items, { ...NO_FILTER, tag: 'email' }))).toEqual([
      'phishing-triage',
      'malware-endpoint',
    ])
    expect(ids(filterPlaybooks(items, { ...NO_FILTER, tag: 'email', status: 'draft' }))).toEqual([
      'malware-endpoint',
    ])
  })
})

describe('collectTags', () => {
  it('lists every tag once, sorted', () => {
    expect(collectTags(items)).toEqual(['edr', 'email', 'network', 'phishing'])
  })
})
