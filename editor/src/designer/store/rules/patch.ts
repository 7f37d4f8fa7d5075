/**
 * A copy of `target` with `patch` applied, keys set to `undefined` removed.
 * @example applyPatch({ a: 1, b: 2 }, { b: undefined, c: 3 }) // { a: 1, c: 3 }
 */
export function applyPatch<T extends object>(target: T, patch: NoInfer<Partial<T>>): T {
  const out = { ...target } as Record<string, unknown>
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) delete out[k]
    else out[k] = v
  }
  return out as T
}
