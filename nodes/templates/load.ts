import type { NodeType } from '../../runtime/node-type.ts'
import { compileTemplate } from './compile.ts'
import type { IntegrationTemplate } from './schema.ts'
import abuseipdbCheck from './starter/abuseipdb-check.json' with { type: 'json' }
import cloudflareBlockIp from './starter/cloudflare-block-ip.json' with { type: 'json' }
import crowdstrikeContainHost from './starter/crowdstrike-contain-host.json' with { type: 'json' }
import defenderIsolateMachine from './starter/defender-isolate-machine.json' with { type: 'json' }
import entraDisableUser from './starter/entra-disable-user.json' with { type: 'json' }
import greynoiseCommunity from './starter/greynoise-community.json' with { type: 'json' }
import jiraCreateIssue from './starter/jira-create-issue.json' with { type: 'json' }
import oktaSuspendUser from './starter/okta-suspend-user.json' with { type: 'json' }
import servicenowCreateIncident from './starter/servicenow-create-incident.json' with { type: 'json' }
import slackPostMessage from './starter/slack-post-message.json' with { type: 'json' }
import teamsPostMessage from './starter/teams-post-message.json' with { type: 'json' }
import thehiveCreateCase from './starter/thehive-create-case.json' with { type: 'json' }
import urlhausUrlLookup from './starter/urlhaus-url-lookup.json' with { type: 'json' }
import virustotalDomainReport from './starter/virustotal-domain-report.json' with { type: 'json' }
import virustotalFileReport from './starter/virustotal-file-report.json' with { type: 'json' }
import virustotalIpReport from './starter/virustotal-ip-report.json' with { type: 'json' }
import virustotalUrlReport from './starter/virustotal-url-report.json' with { type: 'json' }
import { parseTemplate } from './validate.ts'

/**
 * The shipped starter templates, imported statically so the bundle stays browser-safe (no file
 * system). Add a template: drop its JSON into `starter/`, import it here, list it below; the tests
 * then require a stub-server case for it.
 */

/** The raw starter template files, in palette order (enrichment, then actions). */
export const STARTER_TEMPLATE_FILES: readonly unknown[] = [
  virustotalFileReport,
  virustotalUrlReport,
  virustotalIpReport,
  virustotalDomainReport,
  abuseipdbCheck,
  greynoiseCommunity,
  urlhausUrlLookup,
  crowdstrikeContainHost,
  defenderIsolateMachine,
  oktaSuspendUser,
  entraDisableUser,
  cloudflareBlockIp,
  jiraCreateIssue,
  thehiveCreateCase,
  servicenowCreateIncident,
  slackPostMessage,
  teamsPostMessage,
]

let cached: { templates: IntegrationTemplate[]; types: NodeType[] } | undefined

function load() {
  if (!cached) {
    const templates = STARTER_TEMPLATE_FILES.map((file) => parseTemplate(file))
    cached = { templates, types: templates.map(compileTemplate) }
  }
  return cached
}

/**
 * The validated starter templates (throws `TemplateValidationError` if a shipped file is broken).
 * @example starterTemplates().map((t) => t.id) // ['virustotal.file-report', ...]
 */
export function starterTemplates(): readonly IntegrationTemplate[] {
  return load().templates
}

/**
 * The starter templates as node types, for the built-in registry.
 * @example createRegistry([...builtins, ...templateNodeTypes()])
 */
export function templateNodeTypes(): readonly NodeType[] {
  return load().types
}
