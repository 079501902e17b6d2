/**
 * Chooses the one survey to show when several are eligible at once: the highest
 * `priority` (default 0) wins, and a tie goes to the first, so the order the shop
 * declared its surveys in is the tie-break.
 *
 * @returns the winner, or `undefined` for an empty list.
 * @example
 * pickCandidate([{ surveyId: 'a' }, { surveyId: 'b', priority: 2 }]) // → { surveyId: 'b', priority: 2 }
 */
export function pickCandidate<C extends { readonly priority?: number | undefined }>(candidates: readonly C[]): C | undefined {
  let best: C | undefined
  for (const c of candidates) {
    // `|| 0` turns a NaN priority into the default instead of letting it beat everything.
    if (best === undefined || (c.priority || 0) > (best.priority || 0)) best = c
  }
  return best
}
