/** Wraps a function so that whatever it throws goes to `onError` instead of into the page. */
export type Guard = <A extends unknown[]>(f: (...args: A) => unknown) => (...args: A) => void

export function guarded(onError: (error: Error) => void): Guard {
  return (f) =>
    (...args) => {
      try {
        f(...args)
      } catch (error) {
        // Not instanceof: an error from another realm (an iframe's window, a DOMException) is an Error too.
        onError(typeof (error as Error | null)?.message == 'string' ? (error as Error) : new Error(String(error)))
      }
    }
}

/** Calls every function in the list (other entries, such as `false`, are skipped) and empties it. */
export function stopAll(list: unknown[]): void {
  list.splice(0).forEach((off) => typeof off == 'function' && off())
}
