/**
 * Recharts props that draw charts with the theme's variables, so they follow the dark and light
 * themes like the rest of the editor.
 */

export const AXIS = {
  stroke: 'var(--border)',
  tick: { fill: 'var(--fg-muted)', fontSize: 12 },
  tickLine: false,
} as const

export const GRID = { stroke: 'var(--border)', strokeDasharray: '3 3' } as const

export const TOOLTIP = {
  contentStyle: {
    background: 'var(--bg-elevated)',
    border: '1px solid var(--border)',
    borderRadius: 6,
    color: 'var(--fg)',
  },
  labelStyle: { color: 'var(--fg)' },
  itemStyle: { color: 'var(--fg)' },
  cursor: { fill: 'var(--bg-sunken)' },
} as const

/** The legend lists series in the order they are drawn (recharts sorts by name by default). */
export const LEGEND = { wrapperStyle: { color: 'var(--fg-muted)', fontSize: 12 }, itemSorter: null } as const

/** Bar colours: the first series in the accent, the second in the warning tone. */
export const SERIES = ['var(--accent)', 'var(--warning)'] as const

/**
 * A long category name cut for an axis label (the full name is in the tooltip and the table).
 * @example shorten('Access - Okta Brute Force Followed by Successful Sign-In - Rule', 20) // 'Access - Okta Brute…'
 */
export function shorten(text: string, max = 32): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text
}
