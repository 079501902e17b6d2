/** Wakes the worker at the moments it knows alerts fall due: windows that end, retries. */
export interface Alarm {
  /** Rings `inMs` from now (and at every other moment set), once per `granularityMs`. */
  set(inMs: number): void
  clear(): void
}

/**
 * One timer for many moments: a burst of bare scores ends its windows a burst of milliseconds
 * apart, and one claim a little later finds them all. Moments are rounded up to `granularityMs`,
 * so a 100-per-second burst is ten rings a second at most. Timers are unref'd: an alarm never
 * keeps a process alive.
 *
 * @example
 * const alarm = createAlarm(() => worker.kick())
 * alarm.set(120_000) // when this answer's window for the comment ends
 */
export function createAlarm(ring: () => void, granularityMs = 100): Alarm {
  const moments = new Set<number>()
  let timer: ReturnType<typeof setTimeout> | null = null
  let armedFor = Infinity

  function arm(): void {
    let next = Infinity
    for (const at of moments) if (at < next) next = at
    if (next === armedFor) return
    if (timer) clearTimeout(timer)
    timer = null
    armedFor = next
    if (next === Infinity) return
    timer = setTimeout(fire, Math.max(0, next - Date.now()))
    timer.unref?.()
  }

  function fire(): void {
    timer = null
    armedFor = Infinity
    const now = Date.now()
    for (const at of moments) if (at <= now) moments.delete(at)
    arm()
    ring()
  }

  return {
    set(inMs) {
      const at = Math.ceil((Date.now() + Math.max(0, inMs)) / granularityMs) * granularityMs
      moments.add(at)
      // Later than the timer set: it stays, and fire() finds this moment among the rest.
      if (at < armedFor) arm()
    },
    clear() {
      moments.clear()
      if (timer) clearTimeout(timer)
      timer = null
      armedFor = Infinity
    },
  }
}
