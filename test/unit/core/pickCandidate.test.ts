import { describe, expect, it } from 'vitest'
import { pickCandidate } from '../../../src/core/pickCandidate'

describe('pickCandidate', () => {
  it('returns undefined for no candidates', () => {
    expect(pickCandidate([])).toBeUndefined()
  })

  it('picks the highest priority', () => {
    const list = [
      { surveyId: 'a', priority: 1 },
      { surveyId: 'b', priority: 5 },
      { surveyId: 'c', priority: -2 },
    ]
    expect(pickCandidate(list)?.surveyId).toBe('b')
  })

  it('keeps the first of a tie', () => {
    expect(pickCandidate([{ surveyId: 'a', priority: 2 }, { surveyId: 'b', priority: 2 }])?.surveyId).toBe('a')
  })

  it('reads a missing or NaN priority as 0', () => {
    expect(pickCandidate([{ surveyId: 'a', priority: Number.NaN }, { surveyId: 'b', priority: 1 }])?.surveyId).toBe('b')
    expect(pickCandidate([{ surveyId: 'a' }, { surveyId: 'b', priority: 0 }])?.surveyId).toBe('a')
    expect(pickCandidate([{ surveyId: 'a' }, { surveyId: 'b', priority: -1 }])?.surveyId).toBe('a')
  })

  it('returns the candidate object itself, extra fields and all', () => {
    const winner = { surveyId: 'b', priority: 3, mount: 'footer' }
    expect(pickCandidate([{ surveyId: 'a', priority: 0, mount: 'x' }, winner])).toBe(winner)
  })
})
