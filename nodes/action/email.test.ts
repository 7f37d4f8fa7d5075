import { describe, expect, it } from 'vitest'
import { type MailMessage, type MailTransport, NodeError } from '../../runtime/node-type.ts'
import { asResult, testContext } from '../test-context.ts'
import { actionEmail } from './email.ts'

function fakeMail(fail?: Error): MailTransport & { sent: MailMessage[] } {
  const sent: MailMessage[] = []
  return {
    sent,
    async send(msg) {
      if (fail) throw fail
      sent.push(msg)
      return { messageId: `<${sent.length}@test>` }
    },
  }
}

const params = {
  from: 'soc@example.com',
  to: ['analyst@example.com'],
  subject: 'Alert:\r\nBcc: evil@example.com',
  text: 'Host isolated.',
}

const run = (p: Record<string, unknown>, mail?: MailTransport) =>
  Promise.resolve(
    actionEmail.run({
      params: actionEmail.params.parse(p),
      input: {},
      ctx: testContext(mail ? { mail } : {}),
    }),
  )

describe('action.email', () => {
  it('sends through ctx.mail and returns the message id', async () => {
    const mail = fakeMail()
    const result = asResult(await run({ ...params, cc: ['lead@example.com'], html: '<b>x</b>' }, mail))
    expect(result.output).toEqual({
      messageId: '<1@test>',
      to: ['analyst@example.com'],
      cc: ['lead@example.com'],
    })
    expect(mail.sent[0]).toEqual({
      from: 'soc@example.com',
      to: ['analyst@example.com'],
      cc: ['lead@example.com'],
      subject: 'Alert: Bcc: evil@example.com',
      text: 'Host isolated.',
      html: '<b>x</b>',
    })
  })

  it('fails with MAIL_UNAVAILABLE without a transport', async () => {
    await expect(run(params)).rejects.toMatchObject({ code: 'MAIL_UNAVAILABLE', retryable: false })
  })

  it('wraps transport errors as MAIL_SEND_FAILED and passes NodeErrors through', async () => {
    await expect(run(params, fakeMail(new Error('connection refused')))).rejects.toMatchObject({
      code: 'MAIL_SEND_FAILED',
      retryable: true,
    })
    const rejected = new NodeError('MAIL_REJECTED', 'no such user', { retryable: false })
    await expect(run(params, fakeMail(rejected))).rejects.toBe(rejected)
  })

  it('validates addresses and declares a sample', () => {
    expect(actionEmail.params.safeParse({ ...params, to: ['not-an-address'] }).success).toBe(false)
    expect(actionEmail.params.safeParse({ ...params, to: [] }).success).toBe(false)
    expect(actionEmail.sideEffects).toBe(true)
    expect(actionEmail.output?.parse(actionEmail.sample)).toEqual(actionEmail.sample)
  })
})
