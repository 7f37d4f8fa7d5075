import { describe, expect, it } from 'vitest'
import { humanize } from './humanize.ts'

describe('humanize', () => {
  it('turns keys into labels', () => {
    expect(humanize('timeoutMs')).toBe('Timeout (ms)')
    expect(humanize('expectStatus')).toBe('Expect status')
    expect(humanize('src_ip')).toBe('Src IP')
    expect(humanize('urls')).toBe('URLs')
    expect(humanize('ms')).toBe('Ms')
  })
})
