import { create } from 'zustand'

export type Theme = 'dark' | 'light'
const KEY = 'bulwark.theme'

function initial(): Theme {
  try {
    return localStorage.getItem(KEY) === 'light' ? 'light' : 'dark'
  } catch {
    return 'dark'
  }
}

/**
 * The colour theme: dark by default (SOC rooms), light on request; remembered in localStorage and
 * applied as `data-theme` on `<html>`.
 * @example const toggle = useTheme((s) => s.toggle)
 */
export const useTheme = create<{ theme: Theme; toggle(): void }>((set, get) => ({
  theme: initial(),
  toggle() {
    const theme: Theme = get().theme === 'dark' ? 'light' : 'dark'
    try {
      localStorage.setItem(KEY, theme)
    } catch {}
    document.documentElement.dataset.theme = theme
    set({ theme })
  },
}))
