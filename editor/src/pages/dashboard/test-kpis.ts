import type { Kpis } from './kpi-figures.ts'

/** Test support: the KPIs of 4 cases and 25 alerts. */
export function testKpis(patch: Partial<Kpis> = {}): Kpis {
  return {
    cases: 4,
    alerts: 25,
    mttd: { count: 4, medianMs: 90_000, p90Ms: 240_000 },
    mtta: { count: 3, medianMs: 600_000, p90Ms: 5_400_000 },
    mttc: { count: 1, medianMs: 1_800_000, p90Ms: 1_800_000 },
    mttr: { count: 0, medianMs: null, p90Ms: null },
    dispositions: {
      truePositive: 2,
      falsePositive: 1,
      benign: 0,
      undetermined: 1,
      truePositiveRate: 2 / 3,
      falsePositiveRate: 1 / 3,
    },
    byRule: [
      { key: '5712', alerts: 20, cases: 1 },
      { key: 'Access - Okta Brute Force Followed by Successful Sign-In - Rule', alerts: 5, cases: 3 },
    ],
    bySource: [
      { key: 'wazuh', alerts: 20, cases: 1 },
      { key: 'splunk', alerts: 5, cases: 3 },
    ],
    autoClosedAlertShare: 0.2,
    runs: { ended: 8, succeeded: 7, successRate: 0.875 },
    ...patch,
  }
}
