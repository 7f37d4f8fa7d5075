import { basic, type StarterCase } from './cases.ts'

/** Stub cases for tickets and notifications (Jira, TheHive, ServiceNow, Slack, Teams). */

const TEAMS_URL =
  'https://prod-12.westeurope.logic.azure.com:443/workflows/4f1c9b0e2d3a4b5c/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=Xk3vQ9pL2mN8rT5wY1zA'

export const ticketCases: StarterCase[] = [
  {
    id: 'jira.create-issue',
    params: {
      site: 'acme',
      project_key: 'SEC',
      summary: 'Phishing reported by j.doe@acme.com',
      description: 'Sender: billing@examp1e-invoices.top\nVerdict: malicious (VirusTotal 11/97)',
      labels: ['soc', 'phishing'],
    },
    secret: 'soc-bot@acme.com:ATATT3xFfGF0example',
    exchanges: [
      {
        expect: {
          method: 'POST',
          host: 'acme.atlassian.net',
          path: '/rest/api/3/issue',
          headers: {
            authorization: basic('soc-bot@acme.com:ATATT3xFfGF0example'),
            'content-type': 'application/json',
          },
          json: {
            fields: {
              project: { key: 'SEC' },
              issuetype: { name: 'Task' },
              summary: 'Phishing reported by j.doe@acme.com',
              description: {
                type: 'doc',
                version: 1,
                content: [
                  {
                    type: 'paragraph',
                    content: [
                      {
                        type: 'text',
                        text: 'Sender: billing@examp1e-invoices.top\nVerdict: malicious (VirusTotal 11/97)',
                      },
                    ],
                  },
                ],
              },
              labels: ['soc', 'phishing'],
            },
          },
        },
        reply: {
          status: 201,
          body: { id: '10433', key: 'SEC-1042', self: 'https://acme.atlassian.net/rest/api/3/issue/10433' },
        },
      },
    ],
    output: { key: 'SEC-1042', id: '10433', url: 'https://acme.atlassian.net/browse/SEC-1042' },
  },
  {
    id: 'thehive.create-case',
    params: {
      base_url: 'https://thehive.corp.example:9000',
      title: 'Emotet on ws-fin-042',
      description: 'Defender alert da637…; host isolated by playbook.',
      severity: 3,
      tags: ['malware', 'emotet'],
    },
    secret: 'thehive-key-9F8e7D6c5B4a',
    exchanges: [
      {
        expect: {
          method: 'POST',
          host: 'thehive.corp.example:9000',
          path: '/api/v1/case',
          headers: { authorization: 'Bearer thehive-key-9F8e7D6c5B4a', 'content-type': 'application/json' },
          json: {
            title: 'Emotet on ws-fin-042',
            description: 'Defender alert da637…; host isolated by playbook.',
            severity: 3,
            tlp: 2,
            pap: 2,
            tags: ['malware', 'emotet'],
          },
        },
        reply: {
          status: 201,
          body: {
            _id: '~41058360',
            _type: 'Case',
            _createdBy: 'soar@corp.example',
            _createdAt: 1768471200000,
            number: 214,
            title: 'Emotet on ws-fin-042',
            description: 'Defender alert da637…; host isolated by playbook.',
            severity: 3,
            severityLabel: 'HIGH',
            startDate: 1768471200000,
            tags: ['malware', 'emotet'],
            flag: false,
            tlp: 2,
            tlpLabel: 'AMBER',
            pap: 2,
            papLabel: 'AMBER',
            status: 'New',
            stage: 'New',
          },
        },
      },
    ],
    output: {
      case_id: '~41058360',
      number: 214,
      status: 'New',
      url: 'https://thehive.corp.example:9000/cases/~41058360/details',
    },
  },
  {
    id: 'servicenow.create-incident',
    params: {
      instance: 'acme',
      short_description: 'Brute force on VPN from 198.51.100.4',
      description: '312 failed logins in 5 minutes; source blocked.',
      urgency: '1',
    },
    secret: 'svc_bulwark:S3rv1ceN0w!',
    exchanges: [
      {
        expect: {
          method: 'POST',
          host: 'acme.service-now.com',
          path: '/api/now/table/incident',
          query: { sysparm_exclude_reference_link: 'true' },
          headers: { authorization: basic('svc_bulwark:S3rv1ceN0w!'), 'content-type': 'application/json' },
          json: {
            short_description: 'Brute force on VPN from 198.51.100.4',
            description: '312 failed logins in 5 minutes; source blocked.',
            urgency: '1',
            impact: '2',
          },
        },
        reply: {
          status: 201,
          body: {
            result: {
              sys_id: 'a9e30c7dc61122760116894de7bcc7bd',
              number: 'INC0010042',
              state: '1',
              short_description: 'Brute force on VPN from 198.51.100.4',
              urgency: '1',
              impact: '2',
              priority: '2',
              sys_created_on: '2026-01-15 10:00:02',
            },
          },
        },
      },
    ],
    output: {
      number: 'INC0010042',
      sys_id: 'a9e30c7dc61122760116894de7bcc7bd',
      state: '1',
      url: 'https://acme.service-now.com/nav_to.do?uri=incident.do?sys_id=a9e30c7dc61122760116894de7bcc7bd',
    },
  },
  {
    id: 'slack.post-message',
    params: { channel: 'C0123ABCD', text: ':rotating_light: Host *ws-fin-042* isolated (case 4711)' },
    secret: 'xoxb-1234-5678-AbCdEfGhIjKl',
    exchanges: [
      {
        expect: {
          method: 'POST',
          host: 'slack.com',
          path: '/api/chat.postMessage',
          headers: {
            authorization: 'Bearer xoxb-1234-5678-AbCdEfGhIjKl',
            'content-type': 'application/json; charset=utf-8',
          },
          json: { channel: 'C0123ABCD', text: ':rotating_light: Host *ws-fin-042* isolated (case 4711)' },
        },
        reply: {
          status: 200,
          body: {
            ok: true,
            channel: 'C0123ABCD',
            ts: '1768471200.000100',
            message: {
              type: 'message',
              text: ':rotating_light: Host *ws-fin-042* isolated (case 4711)',
              ts: '1768471200.000100',
            },
          },
        },
      },
    ],
    output: { channel: 'C0123ABCD', ts: '1768471200.000100' },
  },
  {
    id: 'slack.post-message',
    name: 'ok: false (HTTP 200) fails with SLACK_ERROR',
    params: { channel: '#does-not-exist', text: 'hello' },
    secret: 'xoxb-1234-5678-AbCdEfGhIjKl',
    exchanges: [
      {
        expect: {
          method: 'POST',
          host: 'slack.com',
          path: '/api/chat.postMessage',
          json: { channel: '#does-not-exist', text: 'hello' },
        },
        reply: { status: 200, body: { ok: false, error: 'channel_not_found' } },
      },
    ],
    error: { code: 'SLACK_ERROR', retryable: false, message: /channel_not_found/ },
  },
  {
    id: 'teams.post-message',
    params: { title: 'Host isolated', text: 'ws-fin-042 was isolated by playbook **malware-endpoint**.' },
    secret: TEAMS_URL,
    exchanges: [
      {
        expect: {
          method: 'POST',
          host: 'prod-12.westeurope.logic.azure.com',
          path: '/workflows/4f1c9b0e2d3a4b5c/triggers/manual/paths/invoke',
          query: {
            'api-version': '2016-06-01',
            sp: '/triggers/manual/run',
            sv: '1.0',
            sig: 'Xk3vQ9pL2mN8rT5wY1zA',
          },
          headers: { 'content-type': 'application/json' },
          json: {
            type: 'message',
            attachments: [
              {
                contentType: 'application/vnd.microsoft.card.adaptive',
                contentUrl: null,
                content: {
                  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
                  type: 'AdaptiveCard',
                  version: '1.4',
                  body: [
                    {
                      type: 'TextBlock',
                      text: 'Host isolated',
                      weight: 'Bolder',
                      size: 'Medium',
                      wrap: true,
                    },
                    {
                      type: 'TextBlock',
                      text: 'ws-fin-042 was isolated by playbook **malware-endpoint**.',
                      wrap: true,
                    },
                  ],
                },
              },
            ],
          },
        },
        reply: { status: 202, body: '' },
      },
    ],
    output: { delivered: true, status: 202 },
  },
]
