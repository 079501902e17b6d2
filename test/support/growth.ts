/**
 * How many times longer `run(large)` takes than `run(small)`, each timed as the best of a few
 * rounds so that a busy machine's pauses fall out. Tests use it to check how a cost grows
 * (linear, not quadratic), never how long something takes on this machine.
 */
export function growth<T>(run: (input: T) => unknown, small: T, large: T, rounds = 5): number {
  const best = (input: T) => {
    let fastest = Infinity
    for (let i = 0; i < rounds; i++) {
      const started = performance.now()
      run(input)
      fastest = Math.min(fastest, performance.now() - started)
    }
    return fastest
  }
  best(small) // warm-up: the first call also compiles
  return best(large) / Math.max(best(small), 0.05)
}
