import { fail } from './fail'
import type { ScoreCollection } from './types'

/** Arrays, typed arrays and array-likes are read by index (fast); other iterables are copied once. */
export const toList = (scores: ScoreCollection): ArrayLike<number> =>
  (scores as ArrayLike<number>)?.length >= 0
    ? (scores as ArrayLike<number>)
    : Symbol.iterator in Object(scores)
      ? [...(scores as Iterable<number>)]
      : fail('scores', scores, TypeError)
