import { scryptSync } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { scryptOnThread } from './scrypt-thread.ts'

describe('scryptOnThread', () => {
  it('derives what crypto.scrypt derives, for concurrent calls too', async () => {
    const options = { N: 1024, r: 8, p: 1 }
    const salts = [Buffer.from('salt-one'), Buffer.from('salt-two'), Buffer.from('salt-three')]
    const keys = await Promise.all(salts.map((salt) => scryptOnThread('pw', salt, 32, options)))
    expect(keys).toEqual(salts.map((salt) => scryptSync('pw', salt, 32, options)))
  })

  it('rejects what crypto.scrypt refuses', async () => {
    await expect(scryptOnThread('pw', Buffer.from('s'), 32, { N: 3 })).rejects.toThrow(/N|param/i)
  })
})
