const ACRONYMS = new Set([
  'url',
  'urls',
  'ip',
  'ips',
  'id',
  'ids',
  'html',
  'http',
  'json',
  'cidr',
  'api',
  'ttl',
])

/**
 * A label from a param key: camelCase, snake_case and kebab-case become words, a trailing `Ms`
 * becomes "(ms)", known acronyms are upper-cased.
 * @example humanize('timeoutMs') // 'Timeout (ms)'
 * @example humanize('src_ip') // 'Src IP'
 */
export function humanize(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[\s_-]+/)
    .filter((w) => w !== '')
    .map((w) => w.toLowerCase())
  if (words.length === 0) return key
  const unit = words.length > 1 && words.at(-1) === 'ms' ? words.pop() : undefined
  const text = words
    .map((w, i) => {
      if (ACRONYMS.has(w))
        return w.endsWith('s') && w.length > 2 ? `${w.slice(0, -1).toUpperCase()}s` : w.toUpperCase()
      return i === 0 ? w[0]!.toUpperCase() + w.slice(1) : w
    })
    .join(' ')
  return unit ? `${text} (ms)` : text
}
