import { describe, expect, it } from 'vitest'
import { asResult, testContext } from '../test-context.ts'
import { enrichExtractIocs } from './extract-iocs.ts'

async function extract(params: Record<string, unknown>) {
  const ctx = testContext()
  const parsed = enrichExtractIocs.params.parse(params)
  const { output } = asResult(await enrichExtractIocs.run({ params: parsed, input: {}, ctx }))
  return enrichExtractIocs.output!.parse(output)
}

describe('enrich.extract-iocs', () => {
  it('refangs defanged URLs, domains, IPs and e-mails', async () => {
    const out = await extract({
      text: 'Click hxxp://evil[.]example/login or hxxps://bad(.)co[.]uk/a?b=1. Sender: ceo[@]evil[.]example, C2 203.0.113[.]7 and www[dot]phish[.]com',
    })
    expect(out.urls).toEqual(['http://evil.example/login', 'https://bad.co.uk/a?b=1'])
    expect(out.emails).toEqual(['ceo@evil.example'])
    expect(out.domains).toEqual(['evil.example', 'bad.co.uk', 'www.phish.com'])
    expect(out.ips.map((i) => i.value)).toEqual(['203.0.113.7'])
  })

  it('deduplicates and lowercases hashes, telling MD5, SHA1 and SHA256 apart by length', async () => {
    const md5 = '44d88612fea8a8f36de82e1278abb02f'
    const sha1 = '3395856ce81f2b7382dee72602f798b642f14140'
    const sha256 = '275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f'
    const out = await extract({ text: `${md5.toUpperCase()} ${md5} ${sha1} ${sha256} ${sha256}` })
    expect(out.md5).toEqual([md5])
    expect(out.sha1).toEqual([sha1])
    expect(out.sha256).toEqual([sha256])
    expect(out.count).toBe(3)
  })

  it('flags private and reserved addresses, and can drop them', async () => {
    const text =
      'from 10.1.2.3 via 192.168.0.1 to 8.8.8.8, loopback 127.0.0.1, doc 198.51.100.4, v6 fe80::1 and 2606:4700::1111'
    const out = await extract({ text })
    const byValue = Object.fromEntries(out.ips.map((ip) => [ip.value, ip]))
    expect(byValue['10.1.2.3']).toMatchObject({ private: true, version: 4 })
    expect(byValue['127.0.0.1']).toMatchObject({ private: true, range: 'loopback' })
    expect(byValue['8.8.8.8']).toMatchObject({ private: false, reserved: false })
    expect(byValue['198.51.100.4']).toMatchObject({ reserved: true })
    expect(byValue['fe80::1']).toMatchObject({ private: true, version: 6 })
    expect(byValue['2606:4700::1111']).toMatchObject({ private: false, version: 6 })
    const publicOnly = await extract({ text, includePrivate: false })
    expect(publicOnly.ips.map((i) => i.value)).toEqual(['8.8.8.8', '2606:4700::1111'])
  })

  it('does not take file names, versions, times or MAC addresses for indicators', async () => {
    const out = await extract({
      text: 'Attached report.pdf, invoice.docx and main.go, ran setup.exe and run.ps1 at 10:30:00; agent v1.2.3; MAC 00:1a:2b:3c:4d:5e; 999.1.1.1',
    })
    expect(out.count).toBe(0)
  })

  it('walks every string of a JSON value and honours the types filter', async () => {
    const text = {
      alert: { src: '185.220.101.4', notes: ['see https://x.example.org/p', { deep: 'a@b.io' }] },
      n: 42,
    }
    const all = await extract({ text })
    expect(all.ips.map((i) => i.value)).toEqual(['185.220.101.4'])
    expect(all.urls).toEqual(['https://x.example.org/p'])
    expect(all.emails).toEqual(['a@b.io'])
    const onlyUrls = await extract({ text, types: ['url'] })
    expect(onlyUrls).toMatchObject({ urls: ['https://x.example.org/p'], ips: [], emails: [], domains: [] })
  })

  it('strips sentence punctuation and unbalanced parentheses from URLs', async () => {
    const out = await extract({ text: '(see http://a.example/x_(y)), then http://b.example/path.' })
    expect(out.urls).toEqual(['http://a.example/x_(y)', 'http://b.example/path'])
  })

  it('rejects unknown indicator types at params validation', () => {
    expect(enrichExtractIocs.params.safeParse({ text: 'x', types: ['mutex'] }).success).toBe(false)
  })
})
