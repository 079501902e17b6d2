import { fail } from './fail'

// The standard normal distribution without coefficient tables (they would cost more bytes than
// the code): a series near the centre, a continued fraction in the tail, each good to about
// 1e-15, and an inverse by bisection on them.

/**
 * Q(x) = P(Z > x) = 1 − Φ(x) for the standard normal Z, computed directly rather than as
 * 1 − Φ(x), so it stays accurate in relative terms far into the tail and tiny p-values do not
 * round to 0 early (Q(10) ≈ 7.6e-24). For any x; NaN gives NaN.
 */
export const upperTail = (x: number): number => {
  // The density φ(x) = e^(−x²/2) / √(2π).
  const density = Math.exp((-x * x) / 2) / 2.506628274631
  let f = x
  let k = 120
  if (x < 3) {
    // Marsaglia (2004): Φ(x) = 1/2 + φ(x)·(x + x³/3 + x⁵/(3·5) + …), summed until it stops changing.
    for (let term = (k = 1) && x; f + term !== f; ) f += term *= (x * x) / (k += 2)
    return 0.5 - density * f
  }
  // Laplace: Q(x) = φ(x) / (x + 1/(x + 2/(x + 3/(x + …)))), evaluated from the bottom up.
  for (; k; ) f = x + k-- / f
  return density / f
}

/**
 * The two-sided critical z of a confidence level in (0, 1): the x with Q(x) = q = (1 − level) / 2,
 * e.g. 1.959963984540054 for 0.95. Working with the small tail probability q instead of
 * 1 − q keeps the digits of q that 1 − q would round away.
 */
export const criticalZ = (level: number): number => {
  const q = level > 0 && level < 1 ? (1 - level) / 2 : fail('level', level)
  // Bisection on [0, 9] (Q(9) ≈ 1e-19 is below every q a double level allows) until the two ends
  // are neighbouring doubles: as exact as Q itself, in about 60 steps, without a starting guess.
  let low = 0
  let high = 9
  for (let x; (x = (low + high) / 2) > low && x < high; ) upperTail(x) > q ? (low = x) : (high = x)
  return low
}
