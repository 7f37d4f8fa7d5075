import type { Exchange, StarterCase } from './cases.ts'

/** Stub cases for the containment actions (CrowdStrike, Defender, Okta, Entra ID, Cloudflare). */

const tokenExchange = (
  host: string,
  path: string,
  form: Record<string, string>,
  token: string,
): Exchange => ({
  expect: {
    method: 'POST',
    host,
    path,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    form,
  },
  reply: {
    status: host.includes('crowdstrike') ? 201 : 200,
    body: { access_token: token, token_type: 'bearer', expires_in: 1799 },
  },
})

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47'
const msToken = (scope: string, token: string) =>
  tokenExchange(
    'login.microsoftonline.com',
    `/${TENANT}/oauth2/v2.0/token`,
    { client_id: 'app-3f1c', client_secret: 'ms~secret~Qx8', grant_type: 'client_credentials', scope },
    token,
  )

export const actionCases: StarterCase[] = [
  {
    id: 'crowdstrike.contain-host',
    params: { device_id: '5f4c2b1e9a7d4c3e8b6a1f0e2d3c4b5a', api_host: 'api.eu-1.crowdstrike.com' },
    secret: 'cs-client-7a6b:cs-secret-Zq9x',
    exchanges: [
      tokenExchange(
        'api.eu-1.crowdstrike.com',
        '/oauth2/token',
        { client_id: 'cs-client-7a6b', client_secret: 'cs-secret-Zq9x' },
        'cs-token-1',
      ),
      {
        expect: {
          method: 'POST',
          host: 'api.eu-1.crowdstrike.com',
          path: '/devices/entities/devices-actions/v2',
          query: { action_name: 'contain' },
          headers: { authorization: 'Bearer cs-token-1', 'content-type': 'application/json' },
          json: { ids: ['5f4c2b1e9a7d4c3e8b6a1f0e2d3c4b5a'] },
        },
        reply: {
          status: 202,
          body: {
            meta: {
              query_time: 0.21,
              powered_by: 'device-actions',
              trace_id: '7e3b9a3c-1d2e-4f5a-9b8c-0d1e2f3a4b5c',
            },
            resources: [{ id: '5f4c2b1e9a7d4c3e8b6a1f0e2d3c4b5a', path: '' }],
            errors: [],
          },
        },
      },
    ],
    output: {
      contained: true,
      device_id: '5f4c2b1e9a7d4c3e8b6a1f0e2d3c4b5a',
      action: 'contain',
      trace_id: '7e3b9a3c-1d2e-4f5a-9b8c-0d1e2f3a4b5c',
    },
  },
  {
    id: 'crowdstrike.contain-host',
    name: 'a rejected token request is AUTH_FAILED, the secret stays out of the message',
    params: { device_id: '5f4c2b1e9a7d4c3e8b6a1f0e2d3c4b5a' },
    secret: 'cs-client-7a6b:cs-secret-Zq9x',
    exchanges: [
      {
        expect: { method: 'POST', host: 'api.crowdstrike.com', path: '/oauth2/token' },
        reply: {
          status: 401,
          body: { errors: [{ code: 401, message: 'access denied, invalid client cs-secret-Zq9x' }] },
        },
      },
    ],
    error: { code: 'AUTH_FAILED', retryable: false },
  },
  {
    id: 'defender.isolate-machine',
    params: {
      tenant_id: TENANT,
      machine_id: '1e5bc9d7e413ddd7902c2932e418702b84d0cc07',
      comment: 'Isolate: Emotet on ws-fin-042 (case 4711)',
    },
    secret: 'app-3f1c:ms~secret~Qx8',
    exchanges: [
      msToken('https://api.securitycenter.microsoft.com/.default', 'mde-token'),
      {
        expect: {
          method: 'POST',
          host: 'api.securitycenter.microsoft.com',
          path: '/api/machines/1e5bc9d7e413ddd7902c2932e418702b84d0cc07/isolate',
          headers: { authorization: 'Bearer mde-token', 'content-type': 'application/json' },
          json: { Comment: 'Isolate: Emotet on ws-fin-042 (case 4711)', IsolationType: 'Full' },
        },
        reply: {
          status: 201,
          body: {
            '@odata.context': 'https://api.securitycenter.microsoft.com/api/$metadata#MachineActions/$entity',
            id: 'b89eb834-4578-496c-8be0-03f004061435',
            type: 'Isolate',
            requestor: 'Analyst@TestPrd.onmicrosoft.com',
            requestorComment: 'Isolate: Emotet on ws-fin-042 (case 4711)',
            status: 'Pending',
            machineId: '1e5bc9d7e413ddd7902c2932e418702b84d0cc07',
            computerDnsName: 'ws-fin-042.corp.example.com',
            creationDateTimeUtc: '2026-01-15T10:00:01.0000000Z',
            lastUpdateDateTimeUtc: '2026-01-15T10:00:01.0000000Z',
          },
        },
      },
    ],
    output: {
      action_id: 'b89eb834-4578-496c-8be0-03f004061435',
      status: 'Pending',
      type: 'Isolate',
      machine_id: '1e5bc9d7e413ddd7902c2932e418702b84d0cc07',
      computer: 'ws-fin-042.corp.example.com',
    },
  },
  {
    id: 'okta.suspend-user',
    params: { okta_domain: 'acme.okta.com', user_id: '00ub0oNGTSWTBKOLGLNR' },
    secret: '00QCjAl4MlV-WPXM-ABCDEFGHIJKLMNOPQRSTUVWXYZ',
    exchanges: [
      {
        expect: {
          method: 'POST',
          host: 'acme.okta.com',
          path: '/api/v1/users/00ub0oNGTSWTBKOLGLNR/lifecycle/suspend',
          headers: {
            authorization: 'SSWS 00QCjAl4MlV-WPXM-ABCDEFGHIJKLMNOPQRSTUVWXYZ',
            accept: 'application/json',
            'content-type': 'application/json',
          },
        },
        reply: { status: 200, body: {} },
      },
    ],
    output: { suspended: true, user_id: '00ub0oNGTSWTBKOLGLNR' },
  },
  {
    id: 'okta.suspend-user',
    name: "400 carries Okta's errorSummary",
    params: { okta_domain: 'acme.okta.com', user_id: 'j.doe@acme.com' },
    secret: '00QCjAl4MlV-WPXM-ABCDEFGHIJKLMNOPQRSTUVWXYZ',
    exchanges: [
      {
        expect: {
          method: 'POST',
          host: 'acme.okta.com',
          path: '/api/v1/users/j.doe%40acme.com/lifecycle/suspend',
        },
        reply: {
          status: 400,
          body: {
            errorCode: 'E0000001',
            errorSummary: 'Api validation failed: suspendUser',
            errorLink: 'E0000001',
            errorId: 'oaeX3Q7a1pGQ1e7xJc0KQ7x9w',
            errorCauses: [{ errorSummary: 'Cannot suspend a user that is not active' }],
          },
        },
      },
    ],
    error: { code: 'BAD_REQUEST', retryable: false, message: /Api validation failed: suspendUser/ },
  },
  {
    id: 'entra.disable-user',
    // a guest UPN: `#` and `@` must be percent-encoded in the path
    params: { tenant_id: TENANT, user: 'j.doe_partner.com#EXT#@contoso.onmicrosoft.com' },
    secret: 'app-3f1c:ms~secret~Qx8',
    exchanges: [
      msToken('https://graph.microsoft.com/.default', 'graph-token'),
      {
        expect: {
          method: 'PATCH',
          host: 'graph.microsoft.com',
          path: '/v1.0/users/j.doe_partner.com%23EXT%23%40contoso.onmicrosoft.com',
          headers: { authorization: 'Bearer graph-token', 'content-type': 'application/json' },
          json: { accountEnabled: false },
        },
        reply: { status: 204 },
      },
    ],
    output: { disabled: true, user: 'j.doe_partner.com#EXT#@contoso.onmicrosoft.com' },
  },
  {
    id: 'cloudflare.block-ip',
    params: {
      account_id: '023e105f4ecef8ad9ca31a8372d0c353',
      value: '198.51.100.4',
      notes: 'Brute force against VPN (case 4711)',
    },
    secret: 'cf-token-Y2xvdWRmbGFyZQ',
    exchanges: [
      {
        expect: {
          method: 'POST',
          host: 'api.cloudflare.com',
          path: '/client/v4/accounts/023e105f4ecef8ad9ca31a8372d0c353/firewall/access_rules/rules',
          headers: { authorization: 'Bearer cf-token-Y2xvdWRmbGFyZQ', 'content-type': 'application/json' },
          json: {
            mode: 'block',
            configuration: { target: 'ip', value: '198.51.100.4' },
            notes: 'Brute force against VPN (case 4711)',
          },
        },
        reply: {
          status: 200,
          body: {
            success: true,
            errors: [],
            messages: [],
            result: {
              id: '92f17202ed8bd63d69a66b86a49a8f6b',
              allowed_modes: ['whitelist', 'block', 'challenge', 'js_challenge', 'managed_challenge'],
              configuration: { target: 'ip', value: '198.51.100.4' },
              created_on: '2026-01-15T10:00:00.000000Z',
              mode: 'block',
              modified_on: '2026-01-15T10:00:00.000000Z',
              notes: 'Brute force against VPN (case 4711)',
              scope: { id: '023e105f4ecef8ad9ca31a8372d0c353', type: 'account' },
            },
          },
        },
      },
    ],
    output: {
      blocked: true,
      rule_id: '92f17202ed8bd63d69a66b86a49a8f6b',
      value: '198.51.100.4',
      mode: 'block',
      created_on: '2026-01-15T10:00:00.000000Z',
    },
  },
  {
    id: 'cloudflare.block-ip',
    name: 'success: false fails with CLOUDFLARE_ERROR',
    params: { account_id: '023e105f4ecef8ad9ca31a8372d0c353', value: '198.51.100.4' },
    secret: 'cf-token-Y2xvdWRmbGFyZQ',
    exchanges: [
      {
        expect: {
          method: 'POST',
          host: 'api.cloudflare.com',
          path: '/client/v4/accounts/023e105f4ecef8ad9ca31a8372d0c353/firewall/access_rules/rules',
          json: {
            mode: 'block',
            configuration: { target: 'ip', value: '198.51.100.4' },
            notes: 'Blocked by a Bulwark playbook',
          },
        },
        reply: {
          status: 200,
          body: {
            success: false,
            errors: [{ code: 10009, message: 'firewallaccessrules.api.duplicate_of_existing' }],
            messages: [],
            result: null,
          },
        },
      },
    ],
    error: { code: 'CLOUDFLARE_ERROR', retryable: false, message: /duplicate_of_existing/ },
  },
]
