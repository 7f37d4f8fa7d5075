import { describe, expect, it } from 'vitest'
import { createEngine } from './engine.ts'
import { REDACTED, SecretSet, truncateOutput } from './events.ts'
import { n, pb, testNodes } from './test-nodes.ts'
import type { RunEvent } from './types.ts'

describe('truncateOutput', () => {
  it('keeps small outputs and replaces large ones with a marker', () => {
    expect(truncateOutput({ a: 1 }, 100)).toEqual({ a: 1 })
    expect(truncateOutput(null, 1)).toBeNull()
    const big = { text: 'é'.repeat(100) }
    const marker = truncateOutput(big, 150) as unknown as {
      $truncated: boolean
      bytes: number
      preview: string
    }
    expect(marker.$truncated).toBe(true)
    expect(marker.bytes).toBe(JSON.stringify(big).length + 100)
    expect(marker.preview.startsWith('{"text":"éé')).toBe(true)
  })
})

describe('SecretSet', () => {
  it('redacts every occurrence, longest secrets first, without mutating', () => {
    const s = new SecretSet()
    s.add('abc')
    s.add('abcdef')
    s.add('')
    const value = { m: 'x abcdef y abc', list: ['abc'], n: 1 }
    expect(s.redact(value)).toEqual({ m: `x ${REDACTED} y ${REDACTED}`, list: [REDACTED], n: 1 })
    expect(value.m).toBe('x abcdef y abc')
  })
})

describe('events of a run', () => {
  it('truncate large outputs over maxEventOutputBytes but keep them in the state', async () => {
    const events: RunEvent[] = []
    const engine = createEngine({ registry: testNodes().registry, limits: { maxEventOutputBytes: 1000 } })
    const r = await engine.start(pb([n('big', 'big', { size: 5000 })]), { onEvent: (ev) => events.push(ev) })
    const ev = events.find((x) => x.type === 'node.succeeded')
    expect(ev).toMatchObject({ output: { $truncated: true, bytes: 5011 } })
    expect((r.state.nodes.big!.output as { text: string }).text).toHaveLength(5000)
  })

  it('redact secret values obtained through ctx.secrets from outputs and logs', async () => {
    const events: RunEvent[] = []
    const engine = createEngine({
      registry: testNodes().registry,
      secrets: { get: async (name) => (name === 'vt' ? 's3cr3t-token' : undefined) },
    })
    await engine.start(pb([n('s', 'secret', { name: 'vt' })]), { onEvent: (ev) => events.push(ev) })
    const text = JSON.stringify(events)
    expect(text).not.toContain('s3cr3t-token')
    expect(events.find((ev) => ev.type === 'node.succeeded')).toMatchObject({
      output: { header: `Bearer ${REDACTED}` },
    })
    expect(events.find((ev) => ev.type === 'node.log')).toMatchObject({
      message: `using ${REDACTED}`,
      data: { token: REDACTED },
    })
  })
})
