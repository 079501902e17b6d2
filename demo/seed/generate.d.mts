import type { SurveyResponse } from '../../src/types'

export function prng(seed: number): () => number
export function generate(options?: { count?: number; days?: number; until?: number; seed?: number }): (SurveyResponse & { followedUp: boolean })[]
