/**
 * Runs `run` right after the next frame is painted: a task queued from the frame's own callback.
 * Work that must not hold up a first paint waits for it this way. A tab that draws no frames
 * (hidden) runs it when it draws again.
 *
 * @example
 * afterPaint(() => void import('./later.js'))
 */
export function afterPaint(run: () => void): void {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(run))
  else setTimeout(run)
}
