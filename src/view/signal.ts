// The reactivity the view needs, and no more: a value that re-runs what read it when it changes.
// The survey is a few dozen nodes re-rendered whole on any change (bind.ts), so it needs neither
// computed values nor per-component bookkeeping; this is 20 lines where @preact/signals-core
// was 1.3 kB of the bytes before the first paint.

/** A value whose readers (inside {@link effect}) run again when it is set to a different one. */
export interface Signal<T> {
  value: T
}

let running: (() => void) | undefined

/**
 * Makes a {@link Signal}.
 *
 * @example
 * const count = signal(0)
 * effect(() => console.log(count.value)) // logs 0
 * count.value = 1 // logs 1
 */
export function signal<T>(initial: T): Signal<T> {
  let current = initial
  const readers = new Set<() => void>()
  return {
    get value() {
      if (running) readers.add(running)
      return current
    },
    set value(next) {
      if (Object.is(next, current)) return
      current = next
      for (const run of [...readers]) run()
    },
  }
}

/**
 * Runs `fn` now and again, synchronously, whenever a signal it read is set (the view sets signals
 * in event handlers, never while it renders).
 *
 * @returns the function that stops it.
 * @example
 * const stop = effect(() => render(view(), root))
 */
export function effect(fn: () => void): () => void {
  let stopped = false
  const run = () => {
    if (stopped) return
    const outer = running
    running = run
    try {
      fn()
    } finally {
      running = outer
    }
  }
  run()
  return () => {
    stopped = true
  }
}
