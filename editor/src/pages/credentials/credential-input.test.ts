import { describe, expect, it } from 'vitest'
import { credentialProblems, credentialTypes } from './credential-input.ts'

describe('credentialProblems', () => {
  it('names every missing or malformed field', () => {
    expect(credentialProblems({ name: 'vt key', type: '', value: '' })).toEqual({
      name: 'letters, digits and . _ - only',
      type: 'required',
      value: 'required',
    })
    expect(credentialProblems({ name: 'vt.key_1', type: 'virustotal-api-key', value: 's3cret' })).toEqual({})
  })
})

describe('credentialTypes', () => {
  it('collects the credential types templates ask for', () => {
    const templates = [
      { template: { credential: { type: 'virustotal-api-key' } } },
      { template: {} },
      { template: { credential: { type: 'abuseipdb-key' } } },
      { template: { credential: { type: 'virustotal-api-key' } } },
    ]
    expect(credentialTypes(templates)).toEqual(['abuseipdb-key', 'virustotal-api-key'])
  })
})
