/**
 * A small, pure standard library available as `lib` inside the sandbox: IP parsing and CIDR
 * matching (IPv4 and IPv6), defang/refang of indicators, and SHA-256 over UTF-8 text.
 * It is sandbox source text: it runs inside QuickJS, never on the host.
 * @example lib.ip.inCidr('10.1.2.3', '10.0.0.0/8') // true
 */
export const STDLIB_SOURCE = String.raw`(() => {
'use strict'
const parse4 = (s) => {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s)
  if (!m) return null
  let n = 0n
  for (let i = 1; i <= 4; i++) { const b = Number(m[i]); if (b > 255) return null; n = (n << 8n) | BigInt(b) }
  return { version: 4, bits: 32, value: n }
}
const parse6 = (s) => {
  if (!/^[0-9a-fA-F:.]+$/.test(s) || s.length > 45) return null
  let tail = []
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(s)
  if (v4) {
    const p = parse4(v4[1]); if (!p) return null
    tail = [Number(p.value >> 16n), Number(p.value & 0xffffn)]
    s = s.slice(0, -v4[1].length) + (s.endsWith('::' + v4[1]) ? '' : '0')
    if (s.endsWith(':0')) s = s.slice(0, -2)
  }
  const halves = s.split('::')
  if (halves.length > 2) return null
  const group = (h) => (h === '' ? [] : h.split(':').map((g) => (/^[0-9a-fA-F]{1,4}$/.test(g) ? parseInt(g, 16) : NaN)))
  const head = group(halves[0])
  const rest = halves.length === 2 ? group(halves[1]) : []
  const fill = 8 - tail.length - head.length - rest.length
  if (halves.length === 1 ? fill !== 0 : fill < 1) return null
  const groups = [...head, ...new Array(halves.length === 2 ? fill : 0).fill(0), ...rest, ...tail]
  if (groups.some((g) => Number.isNaN(g))) return null
  let n = 0n
  for (const g of groups) n = (n << 16n) | BigInt(g)
  return { version: 6, bits: 128, value: n }
}
const parseIp = (s) => (typeof s !== 'string' ? null : s.includes(':') ? parse6(s.trim()) : parse4(s.trim()))
const inCidr = (ip, cidr) => {
  const a = parseIp(ip)
  const [net, len] = String(cidr).split('/')
  const b = parseIp(net)
  if (!a || !b || a.version !== b.version) return false
  const n = len === undefined ? b.bits : Number(len)
  if (!Number.isInteger(n) || n < 0 || n > b.bits) return false
  const shift = BigInt(b.bits - n)
  return a.value >> shift === b.value >> shift
}
const PRIVATE = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '127.0.0.0/8', '169.254.0.0/16', '100.64.0.0/10',
  '0.0.0.0/8', '::1/128', '::/128', 'fc00::/7', 'fe80::/10']
const ip = Object.freeze({
  isValid: (s) => parseIp(s) !== null,
  version: (s) => { const p = parseIp(s); return p ? p.version : null },
  inCidr,
  isPrivate: (s) => PRIVATE.some((c) => inCidr(s, c)),
})
const defang = (s) => String(s).replace(/^http/i, (m) => m[0] + 'xx' + m.slice(3)).replace(/\./g, '[.]').replace(/:\/\//, '[://]').replace(/@/g, '[@]')
const refang = (s) => String(s).replace(/\[\.\]|\(\.\)|\{\.\}/g, '.').replace(/\[:\/\/\]/g, '://').replace(/\[@\]/g, '@').replace(/^h(xx|XX)p/, 'http')
const K = [0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6,
  0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3,
  0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e,
  0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
  0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814,
  0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2]
const utf8 = (s) => {
  const out = []
  for (const ch of String(s)) {
    const c = ch.codePointAt(0)
    if (c < 0x80) out.push(c)
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63))
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63))
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63))
  }
  return out
}
const sha256 = (text) => {
  const bytes = utf8(text)
  const bitLen = bytes.length * 8
  bytes.push(0x80)
  while (bytes.length % 64 !== 56) bytes.push(0)
  for (let i = 7; i >= 0; i--) bytes.push(i > 3 ? 0 : (bitLen >>> (i * 8)) & 255)
  const h = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]
  const w = new Array(64)
  const rotr = (x, n) => (x >>> n) | (x << (32 - n))
  for (let off = 0; off < bytes.length; off += 64) {
    for (let i = 0; i < 16; i++) w[i] = (bytes[off + 4 * i] << 24) | (bytes[off + 4 * i + 1] << 16) | (bytes[off + 4 * i + 2] << 8) | bytes[off + 4 * i + 3]
    for (let i = 16; i < 64; i++) {
      const s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >>> 3)
      const s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >>> 10)
      w[i] = (w[i - 16] + s0 + w[i - 7] + s1) | 0
    }
    let [a, b, c, d, e, f, g, k] = h
    for (let i = 0; i < 64; i++) {
      const t1 = (k + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i]) | 0
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0
      k = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0
    }
    const v = [a, b, c, d, e, f, g, k]
    for (let i = 0; i < 8; i++) h[i] = (h[i] + v[i]) | 0
  }
  return h.map((x) => (x >>> 0).toString(16).padStart(8, '0')).join('')
}
return Object.freeze({ ip, defang, refang, sha256 })
})()`
