import type { StarterCase } from './cases.ts'

/** Stub cases for the other threat-intel lookups (AbuseIPDB, GreyNoise, URLhaus). */

export const intelCases: StarterCase[] = [
  {
    id: 'abuseipdb.check',
    params: { ip: '185.220.101.1' },
    secret: 'abuse-0d9c8b7a6f5e4d3c2b1a',
    exchanges: [
      {
        expect: {
          method: 'GET',
          host: 'api.abuseipdb.com',
          path: '/api/v2/check',
          query: { ipAddress: '185.220.101.1', maxAgeInDays: '90' },
          headers: { key: 'abuse-0d9c8b7a6f5e4d3c2b1a', accept: 'application/json' },
        },
        reply: {
          status: 200,
          body: {
            data: {
              ipAddress: '185.220.101.1',
              isPublic: true,
              ipVersion: 4,
              isWhitelisted: false,
              abuseConfidenceScore: 100,
              countryCode: 'DE',
              usageType: 'Reserved',
              isp: 'Stiftung Erneuerbare Freiheit',
              domain: 'stiftung-erneuerbare-freiheit.de',
              hostnames: ['tor-exit-1.zbau.f3netze.de'],
              isTor: true,
              totalReports: 1337,
              numDistinctUsers: 212,
              lastReportedAt: '2026-01-15T09:41:07+00:00',
            },
          },
        },
      },
    ],
    output: {
      ip: '185.220.101.1',
      score: 100,
      total_reports: 1337,
      distinct_users: 212,
      last_reported_at: '2026-01-15T09:41:07+00:00',
      country: 'DE',
      usage_type: 'Reserved',
      isp: 'Stiftung Erneuerbare Freiheit',
      domain: 'stiftung-erneuerbare-freiheit.de',
      is_public: true,
      is_whitelisted: false,
      is_tor: true,
    },
  },
  {
    id: 'abuseipdb.check',
    name: '429 is RATE_LIMITED and retryable',
    params: { ip: '185.220.101.1', max_age_days: 30 },
    secret: 'abuse-0d9c8b7a6f5e4d3c2b1a',
    exchanges: [
      {
        expect: {
          method: 'GET',
          host: 'api.abuseipdb.com',
          path: '/api/v2/check',
          query: { ipAddress: '185.220.101.1', maxAgeInDays: '30' },
        },
        reply: {
          status: 429,
          headers: { 'retry-after': '60' },
          body: {
            errors: [
              { detail: 'Daily rate limit of 1000 requests exceeded for this endpoint.', status: 429 },
            ],
          },
        },
      },
    ],
    error: { code: 'RATE_LIMITED', retryable: true, message: /Daily rate limit/ },
  },
  {
    id: 'greynoise.community',
    params: { ip: '71.6.135.131' },
    secret: 'gn-community-8c7d6e5f4a3b',
    exchanges: [
      {
        expect: {
          method: 'GET',
          host: 'api.greynoise.io',
          path: '/v3/community/71.6.135.131',
          headers: { key: 'gn-community-8c7d6e5f4a3b' },
        },
        reply: {
          status: 200,
          body: {
            ip: '71.6.135.131',
            noise: true,
            riot: false,
            classification: 'benign',
            name: 'Shodan.io',
            link: 'https://viz.greynoise.io/ip/71.6.135.131',
            last_seen: '2026-01-14',
            message: 'Success',
          },
        },
      },
    ],
    output: {
      found: true,
      ip: '71.6.135.131',
      noise: true,
      riot: false,
      classification: 'benign',
      name: 'Shodan.io',
      last_seen: '2026-01-14',
      link: 'https://viz.greynoise.io/ip/71.6.135.131',
      message: 'Success',
    },
  },
  {
    id: 'greynoise.community',
    name: '404 maps to found: false',
    params: { ip: '203.0.113.77' },
    secret: 'gn-community-8c7d6e5f4a3b',
    exchanges: [
      {
        expect: { method: 'GET', host: 'api.greynoise.io', path: '/v3/community/203.0.113.77' },
        reply: {
          status: 404,
          body: {
            ip: '203.0.113.77',
            noise: false,
            riot: false,
            message: 'IP not observed scanning the internet or contained in RIOT data set.',
          },
        },
      },
    ],
    output: {
      found: false,
      ip: '203.0.113.77',
      noise: false,
      riot: false,
      classification: 'unknown',
      message: 'IP not observed scanning the internet or contained in RIOT data set.',
    },
  },
  {
    id: 'urlhaus.url-lookup',
    params: { url: 'http://103.155.93.201:52135/Mozi.m' },
    secret: 'abusech-5e6f7a8b9c0d1e2f',
    exchanges: [
      {
        expect: {
          method: 'POST',
          host: 'urlhaus-api.abuse.ch',
          path: '/v1/url/',
          headers: {
            'auth-key': 'abusech-5e6f7a8b9c0d1e2f',
            'content-type': 'application/x-www-form-urlencoded',
          },
          form: { url: 'http://103.155.93.201:52135/Mozi.m' },
        },
        reply: {
          status: 200,
          body: {
            query_status: 'ok',
            id: '3305731',
            urlhaus_reference: 'https://urlhaus.abuse.ch/url/3305731/',
            url: 'http://103.155.93.201:52135/Mozi.m',
            url_status: 'online',
            host: '103.155.93.201',
            date_added: '2026-01-14 21:07:09 UTC',
            threat: 'malware_download',
            blacklists: { spamhaus_dbl: 'not listed', surbl: 'not listed' },
            reporter: 'lrz_urlhaus',
            larted: 'true',
            takedown_time_seconds: null,
            tags: ['elf', 'Mozi'],
            payloads: [],
          },
        },
      },
    ],
    output: {
      found: true,
      query_status: 'ok',
      url: 'http://103.155.93.201:52135/Mozi.m',
      url_status: 'online',
      threat: 'malware_download',
      host: '103.155.93.201',
      date_added: '2026-01-14 21:07:09 UTC',
      tags: ['elf', 'Mozi'],
      blacklists: { spamhaus_dbl: 'not listed', surbl: 'not listed' },
      reference: 'https://urlhaus.abuse.ch/url/3305731/',
    },
  },
  {
    id: 'urlhaus.url-lookup',
    name: 'no_results maps to found: false',
    params: { url: 'https://example.org/clean' },
    secret: 'abusech-5e6f7a8b9c0d1e2f',
    exchanges: [
      {
        expect: {
          method: 'POST',
          host: 'urlhaus-api.abuse.ch',
          path: '/v1/url/',
          form: { url: 'https://example.org/clean' },
        },
        reply: { status: 200, body: { query_status: 'no_results' } },
      },
    ],
    output: { found: false, query_status: 'no_results', url: 'https://example.org/clean' },
  },
]
