import { fail } from './fail'

/**
 * Items to read by index: an array or array-like as it is, any other iterable copied once, else
 * a TypeError naming `name`. Indexed loops stay fast with a check (and a throw) inside, where a
 * for…of loop must be ready to close its iterator and runs several times slower.
 */
export const listOf = <T>(items: Iterable<T> | ArrayLike<T>, name: string): ArrayLike<T> =>
  (items as ArrayLike<T>)?.length >= 0
    ? (items as ArrayLike<T>)
    : Symbol.iterator in Object(items)
      ? [...(items as Iterable<T>)]
      : fail(name, items, TypeError)
