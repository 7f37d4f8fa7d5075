import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSmtpTransport } from './smtp.ts'

interface Received {
  from: string
  rcpt: string[]
  user?: string
  raw: string
}

const received: Received[] = []
let server: SMTPServer
let port: number

beforeAll(async () => {
  server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authOptional: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === 'soc' && auth.password === 'hunter2-pw') return callback(null, { user: 'soc' })
      callback(new Error('Invalid username or password'))
    },
    onRcptTo(address, _session, callback) {
      if (address.address.endsWith('@slow.example')) return setTimeout(() => callback(), 3_000)
      if (address.address.endsWith('@blocked.example')) {
        return callback(Object.assign(new Error('no such mailbox'), { responseCode: 550 }))
      }
      callback()
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          rcpt: session.envelope.rcptTo.map((r) => r.address),
          user: session.user as string | undefined,
          raw: Buffer.concat(chunks).toString('utf8'),
        })
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  port = (server.server.address() as AddressInfo).port
})

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()))
})

const secrets = { get: async (name: string) => (name === 'smtp' ? 'hunter2-pw' : undefined) }
const message = {
  from: 'soc@example.com',
  to: ['analyst@example.com'],
  cc: ['lead@example.com'],
  subject: 'Host isolated: WS-042',
  text: 'The host WS-042 was isolated.',
  html: '<p>The host <b>WS-042</b> was isolated.</p>',
}

describe('createSmtpTransport', () => {
  it('delivers the message, logging in with the password from the credential', async () => {
    const mail = createSmtpTransport({
      host: '127.0.0.1',
      port,
      secure: false,
      user: 'soc',
      passwordSecret: 'smtp',
      secrets,
    })
    const { messageId } = await mail.send(message)
    expect(messageId).toMatch(/^<.+>$/)
    const got = received.at(-1)!
    expect(got.from).toBe('soc@example.com')
    expect(got.rcpt).toEqual(['analyst@example.com', 'lead@example.com'])
    expect(got.user).toBe('soc')
    expect(got.raw).toContain('Subject: Host isolated: WS-042')
    expect(got.raw).toContain('To: analyst@example.com')
    expect(got.raw).toContain('Cc: lead@example.com')
    expect(got.raw).toContain('The host WS-042 was isolated.')
    expect(got.raw).toContain('text/html')
    expect(got.raw).toContain(`Message-ID: ${messageId}`)
  })

  it('fails with MAIL_AUTH_FAILED on a wrong password, without echoing it', async () => {
    const mail = createSmtpTransport({
      host: '127.0.0.1',
      port,
      secure: false,
      user: 'soc',
      passwordSecret: 'other',
      secrets: { get: async () => 'wrong-password' },
    })
    const err = await mail.send(message).catch((e) => e)
    expect(err).toMatchObject({ code: 'MAIL_AUTH_FAILED', retryable: false })
    expect(err.message).not.toContain('wrong-password')
  })

  it('fails with CREDENTIAL_NOT_FOUND when the password credential is missing', async () => {
    const mail = createSmtpTransport({
      host: '127.0.0.1',
      port,
      secure: false,
      user: 'soc',
      passwordSecret: 'missing',
      secrets,
    })
    await expect(mail.send(message)).rejects.toMatchObject({ code: 'CREDENTIAL_NOT_FOUND' })
  })

  it('maps a 5xx rejection to MAIL_REJECTED (not retryable)', async () => {
    const mail = createSmtpTransport({ host: '127.0.0.1', port, secure: false })
    await expect(mail.send({ ...message, to: ['x@blocked.example'], cc: [] })).rejects.toMatchObject({
      code: 'MAIL_REJECTED',
      retryable: false,
    })
  })

  it('maps an unreachable server to MAIL_SEND_FAILED (retryable)', async () => {
    const mail = createSmtpTransport({ host: '127.0.0.1', port: 1, secure: false, timeoutMs: 2_000 })
    await expect(mail.send(message)).rejects.toMatchObject({ code: 'MAIL_SEND_FAILED', retryable: true })
  })

  it('stops with CANCELLED when the signal is aborted', async () => {
    const mail = createSmtpTransport({ host: '127.0.0.1', port, secure: false })
    const controller = new AbortController()
    controller.abort()
    await expect(mail.send(message, controller.signal)).rejects.toMatchObject({ code: 'CANCELLED' })
    const inFlight = new AbortController()
    const started = Date.now()
    const pending = mail.send({ ...message, to: ['x@slow.example'] }, inFlight.signal)
    setTimeout(() => inFlight.abort(), 100)
    await expect(pending).rejects.toMatchObject({ code: 'CANCELLED', retryable: false })
    expect(Date.now() - started).toBeLessThan(2_000)
  })

  it('checks its options at once', () => {
    expect(() => createSmtpTransport({ host: '', port: 25, secure: false })).toThrow(/host/)
    expect(() => createSmtpTransport({ host: 'h', port: 0, secure: false })).toThrow(/port/)
    expect(() => createSmtpTransport({ host: 'h', port: 25, secure: false, passwordSecret: 'x' })).toThrow()
  })
})

describe('action.email through the engine', () => {
  it('sends the rendered message over SMTP in a production run, and only simulates it in a test run', async () => {
    const { createEngine } = await import('../../runtime/engine/engine.ts')
    const { createBuiltinRegistry } = await import('../../nodes/registry.ts')
    const mail = createSmtpTransport({
      host: '127.0.0.1',
      port,
      secure: false,
      user: 'soc',
      passwordSecret: 'smtp',
      secrets,
    })
    const engine = createEngine({ registry: createBuiltinRegistry(), mail })
    const playbook = {
      format: 'bulwark.playbook/2' as const,
      id: 'notify',
      name: 'Notify',
      nodes: [
        { id: 'hook', type: 'trigger.webhook', version: 1, params: {} },
        {
          id: 'notify',
          type: 'action.email',
          version: 1,
          params: {
            from: 'soc@example.com',
            to: ['oncall@example.com'],
            subject: 'Alert {{ trigger.id }}',
            text: 'Host {{ trigger.host }} needs a look',
          },
        },
      ],
      edges: [{ from: 'hook', to: 'notify' }],
    }
    const before = received.length
    const simulated = await engine.start(playbook, { mode: 'test', trigger: { id: 'A-1', host: 'ws-7' } })
    expect(simulated.state.nodes.notify?.simulated).toBe(true)
    expect(received.length).toBe(before)

    const real = await engine.start(playbook, { mode: 'production', trigger: { id: 'A-2', host: 'ws-9' } })
    expect(real.status).toBe('succeeded')
    const got = received.at(-1)!
    expect(got.rcpt).toEqual(['oncall@example.com'])
    expect(got.raw).toContain('Subject: Alert A-2')
    expect(got.raw).toContain('Host ws-9 needs a look')
  })
})
