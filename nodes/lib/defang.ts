/**
 * Refanging and defanging of indicators. Analysts and mail gateways "defang" indicators so that
 * nobody clicks them (`hxxp://evil[.]example`); extraction has to undo it first.
 */

const REFANG_RULES: [RegExp, string][] = [
  [/\bhxxp(s?)\b/gi, 'http$1'],
  [/\bh\*\*p(s?)\b/gi, 'http$1'],
  [/\bfxp:\/\//gi, 'ftp://'],
  [/\[:\/\/\]/g, '://'],
  [/\s?\[\.\]\s?|\(\.\)|\{\.\}|\s?\[dot\]\s?|\(dot\)|\{dot\}/gi, '.'],
  [/\s?\[@\]\s?|\(@\)|\{@\}|\s?\[at\]\s?|\(at\)/gi, '@'],
  [/\[:\]/g, ':'],
  [/\[\/\]/g, '/'],
]

/**
 * Turns defanged indicators back into their real form.
 * @example refang('hxxp://evil[.]example/login') // 'http://evil.example/login'
 */
export function refang(text: string): string {
  let out = text
  for (const [pattern, replacement] of REFANG_RULES) out = out.replace(pattern, replacement)
  return out
}

/**
 * Makes an indicator safe to show or send: `http` → `hxxp`, every dot → `[.]`, `@` → `[@]`.
 * @example defang('http://evil.example') // 'hxxp://evil[.]example'
 */
export function defang(text: string): string {
  return text
    .replace(/\bhttp(s?):\/\//gi, (_m, s: string) => `hxxp${s}://`)
    .replace(/\bftp:\/\//gi, 'fxp://')
    .replace(/\./g, '[.]')
    .replace(/@/g, '[@]')
}
