/** A list of runs as shown: the items and the cursor of the next page ("Load more"). */
export interface RunPage<T> {
  items: T[]
  nextCursor?: string
}

/**
 * Applies a fresh first page (fetched with `limit`) to the runs shown. When everything shown fits in
 * the fresh page, the fresh page is the truth (finished runs leave a status filter, new runs appear).
 * Otherwise the older pages loaded with "Load more" are kept after the fresh window.
 * @example refreshPage({ items: [a1] }, { items: [b, a2] }, 50) // { items: [b, a2] }
 */
export function refreshPage<T extends { id: string }>(
  shown: RunPage<T>,
  fresh: RunPage<T>,
  limit: number,
): RunPage<T> {
  if (shown.items.length <= limit) return fresh
  const last = fresh.items.at(-1)
  const cut = last ? shown.items.findIndex((r) => r.id === last.id) : -1
  if (cut === -1) return fresh // lost track of where the fresh page ends: start over from it
  return { items: [...fresh.items, ...shown.items.slice(cut + 1)], nextCursor: shown.nextCursor }
}
