import { z } from 'zod'
import { defineNode, NodeError } from '../../runtime/node-type.ts'

const address = z.email({ error: 'not an email address' }).max(320)

/**
 * `action.email`: sends an email through the host's mail transport (`ctx.mail`, SMTP in production),
 * e.g. a notification to the SOC mailbox. Output: `{ messageId, to, cc }`. Transport failures that
 * are not already `NodeError`s become `MAIL_SEND_FAILED` (retryable).
 */
export const actionEmail = defineNode({
  type: 'action.email',
  version: 1,
  category: 'action',
  title: 'Send email',
  description: 'Sends an email (plain text, optionally HTML) through the configured SMTP server.',
  icon: 'mail',
  sideEffects: true,
  params: z.object({
    from: address.describe('Sender address, e.g. soc-automation@example.com'),
    to: z.array(address).min(1, 'at least one recipient').max(100),
    cc: z.array(address).max(100).default([]),
    subject: z.string().max(998).describe('Subject line'),
    text: z.string().max(1_000_000).describe('Plain-text body'),
    html: z.string().max(1_000_000).optional().describe('Optional HTML body'),
  }),
  output: z.object({
    messageId: z.string(),
    to: z.array(z.string()),
    cc: z.array(z.string()),
  }),
  sample: { messageId: '<sample@bulwark.local>', to: ['soc@example.com'], cc: [] },
  async run({ params, ctx }) {
    const mail = ctx.mail
    if (!mail) {
      throw new NodeError('MAIL_UNAVAILABLE', 'no mail transport (SMTP) is configured', { retryable: false })
    }
    const subject = params.subject.replace(/[\r\n]+/g, ' ')
    try {
      const sent = await mail.send(
        {
          from: params.from,
          to: params.to,
          ...(params.cc.length > 0 ? { cc: params.cc } : {}),
          subject,
          text: params.text,
          ...(params.html === undefined ? {} : { html: params.html }),
        },
        ctx.signal,
      )
      ctx.log.log('info', `email sent to ${params.to.length + params.cc.length} recipient(s)`)
      return { output: { messageId: sent.messageId, to: params.to, cc: params.cc } }
    } catch (err) {
      if (err instanceof NodeError) throw err
      throw new NodeError('MAIL_SEND_FAILED', `the email could not be sent: ${(err as Error).message}`, {
        retryable: true,
        cause: err,
      })
    }
  },
})
