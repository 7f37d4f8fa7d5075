import { z } from 'zod'

/**
 * The one alert shape every SIEM payload is normalized into by `trigger.alert`. Playbooks read
 * `trigger.severity`, `trigger.src_ip`, `trigger.observables.ips`, ... whatever the SIEM; the
 * original payload stays available as `trigger.raw`.
 */

export const ALERT_SOURCES = ['splunk', 'elastic', 'wazuh', 'sentinel', 'ecs', 'generic'] as const
export const SEVERITIES = ['informational', 'low', 'medium', 'high', 'critical'] as const

export const alertSourceSchema = z.enum(ALERT_SOURCES)
export const severitySchema = z.enum(SEVERITIES)

/** Indicators found in the alert: structured fields plus indicators in its event data (refanged, deduplicated). */
export const observablesSchema = z.object({
  ips: z.array(z.string()),
  domains: z.array(z.string()),
  urls: z.array(z.string()),
  hashes: z.array(z.string()),
  emails: z.array(z.string()),
})

export const alertSchema = z.object({
  /** The SIEM's id for this alert (Splunk sid, Wazuh alert id, Sentinel incident name, ...). */
  id: z.string(),
  source: alertSourceSchema,
  /** The detection that fired: correlation search, rule, analytic rule. */
  rule: z.object({ id: z.string(), name: z.string() }),
  severity: severitySchema,
  /** The SIEM's own numeric score or level, when it has one (Elastic risk score, Wazuh level). */
  score: z.number().optional(),
  title: z.string(),
  description: z.string().optional(),
  /** When the alert fired, ISO 8601 in UTC. */
  timestamp: z.string(),
  host: z.string().optional(),
  user: z.string().optional(),
  src_ip: z.string().optional(),
  dst_ip: z.string().optional(),
  /** Rule groups, tactics or tags. */
  tags: z.array(z.string()).optional(),
  /** A link back to the alert in the SIEM. */
  link: z.string().optional(),
  observables: observablesSchema,
  /** The payload exactly as received. */
  raw: z.unknown(),
})

export type Alert = z.infer<typeof alertSchema>
export type AlertSource = z.infer<typeof alertSourceSchema>
export type Severity = z.infer<typeof severitySchema>
export type Observables = z.infer<typeof observablesSchema>

/** What a normalizer receives besides the payload: a clock and an id for alerts that carry none. */
export interface NormalizeEnv {
  now: number
  fallbackId: string
}

/** A SIEM-specific normalizer. Throws `NodeError('ALERT_UNRECOGNIZED')` when the payload is not its format. */
export type Normalizer = (payload: Record<string, unknown>, env: NormalizeEnv) => Alert
