import { describe, expect, it } from 'vitest'
import { envSecrets } from './env-secrets.ts'

describe('envSecrets', () => {
  it('maps credential names to BULWARK_CREDENTIAL_ variables', async () => {
    const s = envSecrets({ BULWARK_CREDENTIAL_VIRUSTOTAL_API_KEY: 'k1', BULWARK_CREDENTIAL_EMPTY: '' })
    expect(await s.get('virustotal-api-key')).toBe('k1')
    expect(await s.get('empty')).toBeUndefined()
    expect(await s.get('missing')).toBeUndefined()
  })
})
