/** An answer to the NPS question: an integer from 0 to 10. */
export type Score = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10

/** Detractors answer 0–6, passives 7–8, promoters 9–10. */
export type Category = 'detractor' | 'passive' | 'promoter'

/**
 * Counts per category. With weights the counts are sums of weights. Tallies add up:
 * see {@link merge}.
 */
export interface Tally {
  detractors: number
  passives: number
  promoters: number
  /** detractors + passives + promoters */
  total: number
  /**
   * Weighted tallies only: the sum of the squared weights, Σw². With it the statistics use
   * Kish's effective sample size (Σw)² / Σw² = total² / squaredWeights instead of `total`, so
   * 100 answers weighted by 10 count as 100 answers, not 1,000. Absent means unweighted
   * (every weight 1, so Σw² = total).
   */
  squaredWeights?: number
}

/** Scores in any shape: an array, a typed array (`Uint8Array`, `Float64Array`, …), any array-like or iterable. */
export type ScoreCollection = ArrayLike<number> | Iterable<number>
