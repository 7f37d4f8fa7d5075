import { describe, expect, it } from 'vitest'
import { configFrom, DEFAULTS, retentionFrom } from './config.ts'

describe('configFrom', () => {
  it('takes flags over BULWARK_* variables over the defaults', () => {
    expect(configFrom([], {})).toMatchObject({
      host: '127.0.0.1',
      port: 8080,
      dataDir: './data',
      maxQueuedRuns: DEFAULTS.maxQueuedRuns,
    })
    const env = { BULWARK_HOST: '0.0.0.0', BULWARK_PORT: '9000', BULWARK_DATA_DIR: '/var/bulwark' }
    expect(configFrom([], env)).toMatchObject({ host: '0.0.0.0', port: 9000, dataDir: '/var/bulwark' })
    expect(configFrom(['--port', '9100', '--data-dir', './d'], env)).toMatchObject({
      port: 9100,
      dataDir: './d',
    })
  })

  it('reads the queue limit, 0 turning it off', () => {
    expect(configFrom([], { BULWARK_MAX_QUEUED_RUNS: '5000' }).maxQueuedRuns).toBe(5000)
    expect(configFrom([], { BULWARK_MAX_QUEUED_RUNS: '0' }).maxQueuedRuns).toBe(0)
  })

  it('names the setting and the value it refuses', () => {
    expect(() => configFrom([], { BULWARK_MAX_QUEUED_RUNS: 'lots' })).toThrow(
      'BULWARK_MAX_QUEUED_RUNS must be an integer 0-1000000000, got "lots"',
    )
    expect(() => configFrom(['--port', '70000'], {})).toThrow(/port must be an integer 0-65535/)
    expect(() => configFrom(['--nope'], {})).toThrow(/nope/)
  })
})

describe('retentionFrom', () => {
  it('defaults to 30 days and 100,000 runs', () => {
    expect(retentionFrom({})).toEqual({ days: 30, maxRuns: 100_000 })
    expect(retentionFrom({ BULWARK_RETENTION_DAYS: '0' }).days).toBe(0)
  })
})
