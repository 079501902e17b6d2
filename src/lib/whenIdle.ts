/**
 * Runs `run` once the browser has a moment (`requestIdleCallback`, at most `timeoutMs` later), or on
 * the next task where there is no such call (Safari before 18.4). For what may wait until the survey
 * is on screen, but not for long.
 *
 * @example
 * whenIdle(() => void import('./later'))
 */
export function whenIdle(run: () => void, timeoutMs = 500): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: timeoutMs })
  else setTimeout(run, 1)
}
