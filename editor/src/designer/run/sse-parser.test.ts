import { describe, expect, it } from 'vitest'
import { createSseParser, type SseMessage } from './sse-parser.ts'

function parse(chunks: string[]) {
  const messages: SseMessage[] = []
  const retries: number[] = []
  const parser = createSseParser({ onMessage: (m) => messages.push(m), onRetry: (ms) => retries.push(ms) })
  for (const c of chunks) parser.push(c)
  return { messages, retries, parser }
}

describe('the event-stream parser', () => {
  it('reads id, event and multi-line data, skipping comments', () => {
    const { messages, parser } = parse([': hello\n', 'id: 3\nevent: node.started\ndata: {"a":\ndata: 1}\n\n'])
    expect(messages).toEqual([{ id: '3', event: 'node.started', data: '{"a":\n1}' }])
    expect(parser.lastEventId).toBe('3')
  })

  it('gives the same messages whatever the chunking and line endings', () => {
    const text = '\ufeffid: 1\r\nevent: a\r\ndata: x\r\n\r\nid: 2\rdata:y\r\rdata: z\n\n'
    const whole = parse([text]).messages
    const byChar = parse([...text]).messages
    expect(whole).toEqual([
      { id: '1', event: 'a', data: 'x' },
      { id: '2', event: 'message', data: 'y' },
      { id: '2', event: 'message', data: 'z' },
    ])
    expect(byChar).toEqual(whole)
  })

  it('keeps the last id across messages without one, and ignores ids with NUL', () => {
    const { messages } = parse(['id: 7\ndata: a\n\ndata: b\n\nid: 8\0\ndata: c\n\n'])
    expect(messages.map((m) => m.id)).toEqual(['7', '7', '7'])
  })

  it('does not dispatch a message without data, nor a partial one after a reset', () => {
    const { messages, parser } = parse(['id: 3\nevent: ping\n\n', 'id: 4\ndata: half'])
    parser.reset()
    parser.push('data: whole\n\n')
    expect(messages).toEqual([{ id: '3', event: 'message', data: 'whole' }])
  })

  it('resumes from the last complete message, not from the id of a message cut short', () => {
    const { parser } = parse(['id: 1\ndata: a\n\nid: 2\ndata: b'])
    expect(parser.lastEventId).toBe('1')
    parser.reset()
    parser.push('data: c\n\n')
    expect(parser.lastEventId).toBe('1')
  })

  it('reports retry delays given in digits only', () => {
    const { retries } = parse(['retry: 1500\nretry: soon\n\n'])
    expect(retries).toEqual([1500])
  })
})
