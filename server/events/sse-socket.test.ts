import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { createMemoryEventBus } from './memory-bus.ts'
import { runEventsSSE } from './sse.ts'

describe('runEventsSSE over a real socket', () => {
  it('drops the subscription when the client disconnects', async () => {
    const bus = createMemoryEventBus()
    const app = new Hono()
    app.get('/runs/:id/events', runEventsSSE({ bus, replay: async () => [], isFinished: () => false }))
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' })
    await new Promise((resolve) => server.once('listening', resolve))
    try {
      const { port } = server.address() as AddressInfo
      const controller = new AbortController()
      const res = await fetch(`http://127.0.0.1:${port}/runs/r1/events`, { signal: controller.signal })
      expect(res.status).toBe(200)
      await expect.poll(() => bus.listenerCount()).toBe(1)
      controller.abort()
      await expect.poll(() => bus.listenerCount()).toBe(0)
    } finally {
      server.close()
    }
  })
})
