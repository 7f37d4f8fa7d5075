import { describe, expect, it } from 'vitest'
import { type KeyPress, shortcutFor } from './keymap.ts'

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
})

describe('shortcutFor', () => {
  it('maps the editor shortcuts, Ctrl and ⌘ alike', () => {
    expect(shortcutFor(press('s', { ctrlKey: true }))).toBe('save')
    expect(shortcutFor(press('s', { metaKey: true }))).toBe('save')
    expect(shortcutFor(press('z', { ctrlKey: true }))).toBe('undo')
    expect(shortcutFor(press('Z', { ctrlKey: true, shiftKey: true }))).toBe('redo')
    expect(shortcutFor(press('y', { ctrlKey: true }))).toBe('redo')
    expect(shortcutFor(press('d', { ctrlKey: true }))).toBe('duplicate')
    expect(shortcutFor(press('a', { metaKey: true }))).toBe('selectAll')
    expect(shortcutFor(press('?', { shiftKey: true }))).toBe('help')
    expect(shortcutFor(press('L', { shiftKey: true }))).toBe('autoLayout')
    expect(shortcutFor(press('!', { shiftKey: true, code: 'Digit1' }))).toBe('zoomToFit')
    expect(shortcutFor(press('Escape'))).toBe('escape')
  })

  it('leaves other keys alone', () => {
    expect(shortcutFor(press('s'))).toBeUndefined()
    expect(shortcutFor(press('l'))).toBeUndefined()
    expect(shortcutFor(press('c', { ctrlKey: true }))).toBeUndefined()
    expect(shortcutFor(press('s', { ctrlKey: true, altKey: true }))).toBeUndefined()
  })
})
