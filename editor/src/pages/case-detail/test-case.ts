import type { CaseDetail } from './case-edit.ts'

/** Test support: a case opened by a Wazuh alert that a second alert joined, with one run. */
export const T0 = Date.UTC(2026, 0, 15, 8, 12, 44)

export function testCase(patch: Partial<CaseDetail> = {}): CaseDetail {
  const alert = (id: string, at: number) => ({
    id,
    playbookId: 'brute-force-login',
    mode: 'production' as const,
    caseId: 'c1',
    runId: id === 'a1' ? 'r1' : null,
    source: 'wazuh',
    externalId: `1768464764.${id}`,
    ruleId: '5712',
    ruleName: 'sshd: brute force trying to get access to the system.',
    severity: 'high' as const,
    title: 'sshd: brute force',
    host: 'bastion-02',
    user: 'admin',
    groupKey: '5712:admin:193.32.162.77',
    eventAt: at - 2000,
    receivedAt: at,
    raw: { rule: { id: '5712' }, id },
  })
  return {
    id: 'c1',
    playbookId: 'brute-force-login',
    title: 'sshd: brute force',
    severity: 'high',
    status: 'new',
    assignee: null,
    disposition: null,
    tags: ['ssh'],
    ruleId: '5712',
    source: 'wazuh',
    grouping: true,
    alertCount: 2,
    lastAlertAt: T0 + 1000,
    detectedAt: T0 - 2000,
    createdAt: T0,
    updatedAt: T0 + 1000,
    acknowledgedAt: null,
    containedAt: null,
    resolvedAt: null,
    alerts: [alert('a2', T0 + 1000), alert('a1', T0)],
    runs: [
      {
        runId: 'r1',
        playbookId: 'brute-force-login',
        version: 1,
        linkedAt: T0,
        status: 'succeeded',
        queuedAt: T0,
        finishedAt: T0 + 500,
      },
    ],
    comments: [],
    timeline: [
      { id: 1, at: T0, actor: 'webhook', kind: 'opened', details: { alertId: 'a1', runId: 'r1' } },
      { id: 2, at: T0 + 1000, actor: 'webhook', kind: 'alert', details: { alertId: 'a2', runId: null } },
    ],
    playbooks: [{ id: 'brute-force-login', name: 'Brute-force sign-in', published: true }],
    ...patch,
  }
}
