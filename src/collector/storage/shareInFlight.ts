/**
 * Wraps an async function so that calls with the same key while one is running share its result
 * instead of starting another. Eight dashboards refreshing the same view cost one summary, and
 * the writes waiting for the database wait behind one.
 *
 * @example
 * const summaryOnce = shareInFlight((f) => summary(db, f), (f) => JSON.stringify(f))
 */
export function shareInFlight<A, R>(fn: (arg: A) => Promise<R>, keyOf: (arg: A) => string): (arg: A) => Promise<R> {
  const running = new Map<string, Promise<R>>()
  return (arg) => {
    const key = keyOf(arg)
    let result = running.get(key)
    if (!result) {
      result = fn(arg).finally(() => running.delete(key))
      running.set(key, result)
    }
    return result
  }
}
