import { describeError, type Logger } from './log'
import type { Store } from './storage/index'

const DAY = 864e5

/**
 * Deletes responses older than `days` now and then once a day, for as long as the process runs
 * (the timer does not keep it alive). Returns a function that stops it.
 *
 * @example
 * const stop = scheduleRetention(store, 365)
 */
export function scheduleRetention(store: Store, days: number, log: Logger = (line) => console.error(line)): () => void {
  if (!(Number.isInteger(days) && days > 0)) throw new RangeError(`days must be a whole number of days above 0, not ${String(days)}`)
  const run = () =>
    store.deleteOlderThan(days).then(
      (count) => log(`[npskit collector] retention: deleted ${count} responses older than ${days} days`),
      (error: unknown) => log(`[npskit collector] retention failed, next try in a day: ${describeError(error)}`),
    )
  void run()
  const timer = setInterval(run, DAY)
  timer.unref()
  return () => clearInterval(timer)
}
