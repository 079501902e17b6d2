/**
 * Wraps an async function so that calls with the same key while one is running share its result
 * instead of starting another, and so that one key starts at most once per `minIntervalMs`: a
 * call that comes sooner waits for its turn (and whoever comes meanwhile shares it). Eight
 * dashboards refreshing the same view back to back cost a few computations a second, however
 * fast they ask, and the writes waiting for the database wait behind one. A result is never older
 * than the call: it starts after the call, or was already running when the call came.
 *
 * @example
 * const summaryOnce = shareInFlight((f) => summary(db, f), (f) => JSON.stringify(f), 250)
 */
export function shareInFlight<A, R>(fn: (arg: A) => Promise<R>, keyOf: (arg: A) => string, minIntervalMs = 0): (arg: A) => Promise<R> {
  const running = new Map<string, Promise<R>>()
  // When each key last started, kept for minIntervalMs after its computation ends.
  const started = new Map<string, number>()
  return (arg) => {
    const key = keyOf(arg)
    let result = running.get(key)
    if (!result) {
      const wait = (started.get(key) ?? -Infinity) + minIntervalMs - Date.now()
      const turn = wait > 0 ? new Promise<void>((resolve) => setTimeout(resolve, wait)) : Promise.resolve()
      const at = Math.max(Date.now(), Date.now() + wait)
      started.set(key, at)
      result = turn
        .then(() => fn(arg))
        .finally(() => {
          running.delete(key)
          if (minIntervalMs > 0) setTimeout(() => started.get(key) === at && started.delete(key), minIntervalMs).unref?.()
          else started.delete(key)
        })
      running.set(key, result)
    }
    return result
  }
}
