import { isEcs, isGeneric, normalizeEcs, normalizeGeneric } from './ecs.ts'
import { isElastic, normalizeElastic } from './elastic.ts'
import { isSentinel, normalizeSentinel } from './sentinel.ts'
import type { AlertSource, Normalizer } from './shape.ts'
import { isSplunk, normalizeSplunk } from './splunk.ts'
import type { Obj } from './util.ts'
import { isWazuh, normalizeWazuh } from './wazuh.ts'

/** The normalizers, in the order auto-detection tries them (most specific first). */
export const NORMALIZERS: { source: AlertSource; detect: (p: Obj) => boolean; normalize: Normalizer }[] = [
  { source: 'splunk', detect: isSplunk, normalize: normalizeSplunk },
  { source: 'sentinel', detect: isSentinel, normalize: normalizeSentinel },
  { source: 'wazuh', detect: isWazuh, normalize: normalizeWazuh },
  { source: 'elastic', detect: isElastic, normalize: normalizeElastic },
  { source: 'ecs', detect: isEcs, normalize: normalizeEcs },
  { source: 'generic', detect: isGeneric, normalize: normalizeGeneric },
]

/** The format of a payload, or undefined when none matches. */
export function detectFormat(payload: Obj): AlertSource | undefined {
  return NORMALIZERS.find((n) => n.detect(payload))?.source
}
