/** Calls `fire` once after `ms` milliseconds, unless disposed before. */
export function afterDelay(ms: number, fire: () => void): () => void {
  const timer = setTimeout(fire, ms)
  return () => clearTimeout(timer)
}
