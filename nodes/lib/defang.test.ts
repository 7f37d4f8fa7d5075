import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { defang, refang } from './defang.ts'

describe('refang', () => {
  it.each([
    ['hxxp://evil[.]example/login', 'http://evil.example/login'],
    ['hXXps://bad(.)co[.]uk', 'https://bad.co.uk'],
    ['evil[dot]example', 'evil.example'],
    ['user[@]evil[.]example', 'user@evil.example'],
    ['user[at]evil{.}example', 'user@evil.example'],
    ['http[:]//1.2.3[.]4', 'http://1.2.3.4'],
    ['fxp://files[.]example', 'ftp://files.example'],
  ])('turns %s into %s', (defanged, real) => {
    expect(refang(defanged)).toBe(real)
  })

  it('leaves ordinary text alone', () => {
    expect(refang('The meeting (at 10) is in room [A].')).toBe('The meeting (at 10) is in room [A].')
  })
})

describe('defang', () => {
  it('makes URLs, domains and e-mails unclickable', () => {
    expect(defang('https://evil.example/a.php')).toBe('hxxps://evil[.]example/a[.]php')
    expect(defang('ceo@evil.example')).toBe('ceo[@]evil[.]example')
  })

  it('is undone by refang for any URL', () => {
    fc.assert(
      fc.property(fc.webUrl(), (url) => {
        expect(refang(defang(url))).toBe(url)
      }),
    )
  })
})
