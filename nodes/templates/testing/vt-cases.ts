import type { StarterCase } from './cases.ts'

/** Stub cases for the VirusTotal lookups (file, URL, IP, domain). */

const VT_KEY = 'vt-4f2a9c0e6b1d8e7f3a5c9b2d4e6f8a0c'
const vtHeaders = { 'x-apikey': VT_KEY, accept: 'application/json' }
const stats = { harmless: 0, malicious: 62, suspicious: 1, undetected: 7, timeout: 0 }
const EICAR = '275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f'
const PHISH_URL = 'http://login.example-bank.top/verify?acct=1&next=/home'

export const virusTotalCases: StarterCase[] = [
  {
    id: 'virustotal.file-report',
    params: { hash: EICAR },
    secret: VT_KEY,
    exchanges: [
      {
        expect: {
          method: 'GET',
          host: 'www.virustotal.com',
          path: `/api/v3/files/${EICAR}`,
          headers: vtHeaders,
        },
        reply: {
          status: 200,
          body: {
            data: {
              id: EICAR,
              type: 'file',
              links: { self: `https://www.virustotal.com/api/v3/files/${EICAR}` },
              attributes: {
                sha256: EICAR,
                md5: '44d88612fea8a8f36de82e1278abb02f',
                meaningful_name: 'eicar.com',
                type_description: 'DOS EXE',
                reputation: 3420,
                tags: ['attachment'],
                last_analysis_stats: stats,
              },
            },
          },
        },
      },
    ],
    output: {
      found: true,
      hash: EICAR,
      sha256: EICAR,
      malicious: 62,
      suspicious: 1,
      harmless: 0,
      undetected: 7,
      reputation: 3420,
      name: 'eicar.com',
      type: 'DOS EXE',
      tags: ['attachment'],
      link: `https://www.virustotal.com/gui/file/${EICAR}`,
    },
  },
  {
    id: 'virustotal.file-report',
    name: '404 maps to found: false',
    params: { hash: '0'.repeat(64) },
    secret: VT_KEY,
    exchanges: [
      {
        expect: { method: 'GET', host: 'www.virustotal.com', path: `/api/v3/files/${'0'.repeat(64)}` },
        reply: {
          status: 404,
          body: { error: { code: 'NotFoundError', message: `File "${'0'.repeat(64)}" not found` } },
        },
      },
    ],
    output: { found: false, hash: '0'.repeat(64), malicious: 0, suspicious: 0 },
  },
  {
    id: 'virustotal.url-report',
    params: { url: PHISH_URL },
    secret: VT_KEY,
    exchanges: [
      {
        expect: {
          method: 'GET',
          host: 'www.virustotal.com',
          // base64url of the URL, no padding (VirusTotal's URL identifier)
          path: `/api/v3/urls/${Buffer.from(PHISH_URL).toString('base64url')}`,
          headers: vtHeaders,
        },
        reply: {
          status: 200,
          body: {
            data: {
              id: 'c0a1d7e5b8f0e6a2c4d1b3e5f7a9c1e3b5d7f9a1c3e5b7d9f1a3c5e7b9d1f3a5',
              type: 'url',
              attributes: {
                url: PHISH_URL,
                last_final_url: 'http://login.example-bank.top/verify/',
                title: 'Sign in',
                reputation: -14,
                categories: { 'Forcepoint ThreatSeeker': 'phishing and other frauds' },
                last_analysis_stats: {
                  harmless: 58,
                  malicious: 11,
                  suspicious: 2,
                  undetected: 26,
                  timeout: 0,
                },
              },
            },
          },
        },
      },
    ],
    output: {
      found: true,
      url: PHISH_URL,
      malicious: 11,
      suspicious: 2,
      harmless: 58,
      undetected: 26,
      reputation: -14,
      final_url: 'http://login.example-bank.top/verify/',
      title: 'Sign in',
      categories: { 'Forcepoint ThreatSeeker': 'phishing and other frauds' },
      link: 'https://www.virustotal.com/gui/url/c0a1d7e5b8f0e6a2c4d1b3e5f7a9c1e3b5d7f9a1c3e5b7d9f1a3c5e7b9d1f3a5',
    },
  },
  {
    id: 'virustotal.ip-report',
    params: { ip: '2001:db8::1' },
    secret: VT_KEY,
    exchanges: [
      {
        expect: {
          method: 'GET',
          host: 'www.virustotal.com',
          path: '/api/v3/ip_addresses/2001%3Adb8%3A%3A1',
          headers: vtHeaders,
        },
        reply: {
          status: 200,
          body: {
            data: {
              id: '2001:db8::1',
              type: 'ip_address',
              attributes: {
                country: 'NL',
                asn: 64496,
                as_owner: 'Example Hosting B.V.',
                network: '2001:db8::/32',
                reputation: -2,
                last_analysis_stats: {
                  harmless: 60,
                  malicious: 3,
                  suspicious: 0,
                  undetected: 31,
                  timeout: 0,
                },
              },
            },
          },
        },
      },
    ],
    output: {
      found: true,
      ip: '2001:db8::1',
      malicious: 3,
      suspicious: 0,
      harmless: 60,
      undetected: 31,
      reputation: -2,
      country: 'NL',
      asn: 64496,
      as_owner: 'Example Hosting B.V.',
      network: '2001:db8::/32',
      link: 'https://www.virustotal.com/gui/ip-address/2001:db8::1',
    },
  },
  {
    id: 'virustotal.domain-report',
    params: { domain: 'login-micros0ft-support.com' },
    secret: VT_KEY,
    exchanges: [
      {
        expect: {
          method: 'GET',
          host: 'www.virustotal.com',
          path: '/api/v3/domains/login-micros0ft-support.com',
          headers: vtHeaders,
        },
        reply: {
          status: 200,
          body: {
            data: {
              id: 'login-micros0ft-support.com',
              type: 'domain',
              attributes: {
                registrar: 'NameSilo, LLC',
                creation_date: 1767225600,
                reputation: -8,
                categories: { BitDefender: 'phishing' },
                last_analysis_stats: {
                  harmless: 52,
                  malicious: 14,
                  suspicious: 2,
                  undetected: 26,
                  timeout: 0,
                },
              },
            },
          },
        },
      },
    ],
    output: {
      found: true,
      domain: 'login-micros0ft-support.com',
      malicious: 14,
      suspicious: 2,
      harmless: 52,
      undetected: 26,
      reputation: -8,
      categories: { BitDefender: 'phishing' },
      registrar: 'NameSilo, LLC',
      creation_date: 1767225600,
      link: 'https://www.virustotal.com/gui/domain/login-micros0ft-support.com',
    },
  },
]
