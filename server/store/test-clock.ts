/** A settable clock and counting ids for store tests. */
export function testDeps(start = 1_700_000_000_000) {
  let t = start
  let n = 0
  return {
    now: () => t,
    ids: () => `id-${String(++n).padStart(4, '0')}`,
    set: (ms: number) => {
      t = ms
    },
    advance: (ms: number) => {
      t += ms
    },
  }
}
