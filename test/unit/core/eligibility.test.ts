import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { eligible } from '../../../src/core/eligibility'
import type { Context, ReasonCode, Rules } from '../../../src/core/eligibility'
import { emptyHistory, recordAnswer, recordDismiss, recordPrompt, recordVisit } from '../../../src/core/history'
import type { History } from '../../../src/core/history'

const DAY = 86_400_000
const T0 = Date.UTC(2025, 0, 1)
const NOW = T0 + 365 * DAY
const ok = { eligible: true, reason: 'eligible' } as const
const no = (reason: ReasonCode) => ({ eligible: false, reason })

// A returning visitor with nothing against them, and a context with consent.
const fresh: History = recordVisit(emptyHistory('visitor-1', T0))
const ctx = (more: Partial<Context> = {}): Context => ({ now: NOW, consent: 'granted', ...more })
const check = (history: History, rules: Rules = {}, more: Partial<Context> = {}, surveyId = 'nps') =>
  eligible(() => history, surveyId, rules, ctx(more))

describe('eligible', () => {
  it('lets a consenting visitor with no history be asked', () => {
    expect(check(fresh)).toEqual(ok)
  })

  describe('consent and privacy signals', () => {
    it.each([
      [{ consent: 'denied' }, 'no-consent'],
      [{ consent: 'pending' }, 'consent-pending'],
      [{ gpc: true }, 'privacy-signal'],
      [{ dnt: true }, 'privacy-signal'],
      [{ gpc: true, dnt: true, honourPrivacySignals: true }, 'privacy-signal'],
      [{ consent: 'denied', gpc: true }, 'no-consent'],
    ] as const)('with %j says %s', (more, reason) => {
      expect(check(fresh, {}, more)).toEqual(no(reason))
    })

    it('lets a shop opt out of GPC and DNT, but never out of consent', () => {
      expect(check(fresh, {}, { gpc: true, dnt: true, honourPrivacySignals: false })).toEqual(ok)
      expect(check(fresh, {}, { consent: 'denied', gpc: true, honourPrivacySignals: false })).toEqual(no('no-consent'))
    })

    it('ignores signals that are off', () => {
      expect(check(fresh, {}, { gpc: false, dnt: false })).toEqual(ok)
    })
  })

  it('waits while another survey is on screen', () => {
    expect(check(fresh, {}, { onScreen: true })).toEqual(no('survey-on-screen'))
    expect(check(fresh, {}, { onScreen: false })).toEqual(ok)
  })

  describe('dedupeKey', () => {
    const asked = recordPrompt(fresh, 'nps', T0, 'order-1')

    it('never asks about the same key twice, however long ago', () => {
      expect(check(asked, {}, { dedupeKey: 'order-1' })).toEqual(no('already-surveyed-key'))
    })

    it('asks about a new key, and lets another survey ask about the same one', () => {
      expect(check(asked, {}, { dedupeKey: 'order-2' })).toEqual(ok)
      expect(check(asked, {}, { dedupeKey: 'order-1' }, 'delivery')).toEqual(ok)
    })
  })

  describe('waits after an answer and a dismissal', () => {
    it.each([
      ['answered', 90 * DAY - 1, {}, 'answered-recently'],
      ['answered', 90 * DAY, {}, 'eligible'],
      ['answered', 0, {}, 'answered-recently'],
      ['answered', -DAY, {}, 'answered-recently'],
      ['answered', 30 * DAY - 1, { answeredWaitDays: 30 }, 'answered-recently'],
      ['answered', 30 * DAY, { answeredWaitDays: 30 }, 'eligible'],
      ['answered', 0, { answeredWaitDays: 0 }, 'eligible'],
      ['dismissed', 14 * DAY - 1, {}, 'dismissed-recently'],
      ['dismissed', 14 * DAY, {}, 'eligible'],
      ['dismissed', 3 * DAY - 1, { dismissedWaitDays: 3 }, 'dismissed-recently'],
      ['dismissed', 3 * DAY, { dismissedWaitDays: 3 }, 'eligible'],
    ] as const)('%s %i ms ago with %j: %s', (what, ago, rules, reason) => {
      const record = what === 'answered' ? recordAnswer : recordDismiss
      const verdict = check(record(fresh, 'nps', NOW - ago), { fatigue: { periodDays: 0 }, ...rules })
      expect(verdict.reason).toBe(reason)
    })

    it('only counts the survey’s own answers', () => {
      expect(check(recordAnswer(fresh, 'other', NOW - DAY), { fatigue: { periodDays: 0 } })).toEqual(ok)
    })

    it('names the answer before the dismissal when both apply', () => {
      const h = recordDismiss(recordAnswer(fresh, 'nps', NOW - DAY), 'nps', NOW - DAY)
      expect(check(h)).toEqual(no('answered-recently'))
    })
  })

  describe('site-wide fatigue', () => {
    it('stops a second survey from asking within the period (1 per 14 days by default)', () => {
      const h = recordDismiss(recordPrompt(fresh, 'a', NOW - 3 * DAY), 'a', NOW - 3 * DAY)
      expect(check(h, {}, {}, 'b')).toEqual(no('fatigue'))
      expect(check(h, {}, { now: NOW + 11 * DAY - 1 }, 'b')).toEqual(no('fatigue'))
      expect(check(h, {}, { now: NOW + 11 * DAY }, 'b')).toEqual(ok)
    })

    it('counts prompts of every survey against maxPrompts per periodDays', () => {
      const rules: Rules = { fatigue: { maxPrompts: 2, periodDays: 30 } }
      const one = recordPrompt(fresh, 'a', NOW - 20 * DAY)
      const two = recordPrompt(one, 'b', NOW - 10 * DAY)
      expect(check(one, rules, {}, 'c')).toEqual(ok)
      expect(check(two, rules, {}, 'c')).toEqual(no('fatigue'))
      expect(check(two, rules, { now: NOW + 10 * DAY }, 'c')).toEqual(ok)
    })

    it('can be turned off', () => {
      const h = recordPrompt(fresh, 'a', NOW - 1)
      expect(check(h, { fatigue: { periodDays: 0 } }, {}, 'b')).toEqual(ok)
      expect(check(h, { fatigue: { maxPrompts: Infinity } }, {}, 'b')).toEqual(ok)
    })
  })

  describe('filters', () => {
    it.each<[string, Rules, Partial<Context>, ReasonCode | 'eligible']>([
      ['minVisits met', { minVisits: 1 }, {}, 'eligible'],
      ['minVisits missed', { minVisits: 2 }, {}, 'too-few-visits'],
      ['minDaysSinceFirstSeen met', { minDaysSinceFirstSeen: 365 }, {}, 'eligible'],
      ['minDaysSinceFirstSeen missed by 1 ms', { minDaysSinceFirstSeen: 365 }, { now: NOW - 1 }, 'too-new'],
      ['device listed', { devices: ['mobile', 'tablet'] }, { device: 'tablet' }, 'eligible'],
      ['device not listed', { devices: ['mobile'] }, { device: 'desktop' }, 'wrong-device'],
      ['device unknown', { devices: ['mobile'] }, {}, 'wrong-device'],
      ['locale exact', { onlyLocales: ['nb-NO'] }, { locale: 'nb-NO' }, 'eligible'],
      ['locale by language range', { onlyLocales: ['en'] }, { locale: 'en-GB' }, 'eligible'],
      ['locale in another case', { onlyLocales: ['EN-gb'] }, { locale: 'en-GB' }, 'eligible'],
      ['locale wildcard', { onlyLocales: ['*'] }, { locale: 'fi' }, 'eligible'],
      ['locale that only shares letters', { onlyLocales: ['en'] }, { locale: 'eng' }, 'wrong-locale'],
      ['locale narrower than the tag', { onlyLocales: ['en-GB'] }, { locale: 'en' }, 'wrong-locale'],
      ['locale unknown', { onlyLocales: ['en'] }, {}, 'wrong-locale'],
      ['when says yes', { when: () => true }, {}, 'eligible'],
      ['when says no', { when: () => false }, {}, 'filtered'],
      ['when throws', { when: () => { throw new Error('bug') } }, {}, 'when-error'],
    ])('%s', (_, rules, more, reason) => {
      expect(check(fresh, rules, more).reason).toBe(reason)
    })

    it('hands when() the whole context, journey point and metadata included', () => {
      const seen: Context[] = []
      const more = { journeyPoint: 'checkout-complete', metadata: { plan: 'pro' } }
      check(fresh, { when: (c) => (seen.push(c), true) }, more)
      expect(seen).toEqual([ctx(more)])
    })

    it('reads no history while consent, a privacy signal or a survey on screen says no', () => {
      let reads = 0
      const read = () => (reads++, fresh)
      for (const more of [{ consent: 'denied' }, { consent: 'pending' }, { gpc: true }, { dnt: true }, { onScreen: true }] as const) {
        expect(eligible(read, 'nps', {}, ctx(more)).eligible).toBe(false)
      }
      expect(reads).toBe(0)
      expect(eligible(read, 'nps', {}, ctx({ gpc: true, honourPrivacySignals: false })).eligible).toBe(true)
      expect(reads).toBe(1)
    })

    it('does not call when() once an earlier check has failed', () => {
      let calls = 0
      check(fresh, { when: () => (calls++, true) }, { consent: 'denied' })
      expect(calls).toBe(0)
    })
  })

  describe('sampleRate', () => {
    const visitors = Array.from({ length: 2_000 }, (_, i) => recordVisit(emptyHistory(`visitor-${i}`, T0)))

    it('asks nobody at 0 and everybody at 1', () => {
      expect(visitors.every((h) => check(h, { sampleRate: 0 }).reason === 'sampled-out')).toBe(true)
      expect(visitors.every((h) => check(h, { sampleRate: 1 }).eligible)).toBe(true)
    })

    it('keeps about the rate, and the same visitors on every page load', () => {
      const first = visitors.map((h) => check(h, { sampleRate: 0.3 }).eligible)
      const again = visitors.map((h) => check(h, { sampleRate: 0.3 }, { now: NOW + DAY }).eligible)
      expect(again).toEqual(first)
      expect(Math.abs(first.filter(Boolean).length / visitors.length - 0.3)).toBeLessThan(0.05)
    })
  })

  it('checks in the documented order, so each situation has one stable reason', () => {
    // Every check fails here; removing the cause of each in turn must reveal the next.
    const order: ReasonCode[] = [
      'no-consent', 'privacy-signal', 'survey-on-screen', 'already-surveyed-key', 'answered-recently',
      'dismissed-recently', 'fatigue', 'too-few-visits', 'too-new', 'wrong-device', 'wrong-locale', 'filtered', 'sampled-out',
    ]
    let h = recordDismiss(recordAnswer(recordPrompt(emptyHistory('visitor-1', NOW), 'nps', NOW, 'order-1'), 'nps', NOW), 'nps', NOW)
    let rules: Rules = { minVisits: 1, minDaysSinceFirstSeen: 1, devices: ['mobile'], onlyLocales: ['fi'], when: () => false, sampleRate: 0 }
    let more: Partial<Context> = { consent: 'denied', gpc: true, onScreen: true, dedupeKey: 'order-1', device: 'desktop', locale: 'en' }
    const fixes: (() => void)[] = [
      () => (more = { ...more, consent: 'granted' }),
      () => (more = { ...more, gpc: false }),
      () => (more = { ...more, onScreen: false }),
      () => (more = { ...more, dedupeKey: 'order-2' }),
      () => (rules = { ...rules, answeredWaitDays: 0 }),
      () => (rules = { ...rules, dismissedWaitDays: 0 }),
      () => (rules = { ...rules, fatigue: { periodDays: 0 } }),
      () => (h = recordVisit(h)),
      () => (rules = { ...rules, minDaysSinceFirstSeen: 0 }),
      () => (more = { ...more, device: 'mobile' }),
      () => (more = { ...more, locale: 'fi-FI' }),
      () => (rules = { ...rules, when: () => true }),
      () => (rules = { ...rules, sampleRate: 1 }),
    ]
    const seen = fixes.map((fix) => {
      const reason = check(h, rules, more).reason
      fix()
      return reason
    })
    expect(seen).toEqual(order)
    expect(check(h, rules, more)).toEqual(ok)
  })

  it('is a pure function of its inputs (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 400 }),
        fc.constantFrom<Context['consent']>('granted', 'denied', 'pending'),
        fc.boolean(),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (daysAgo, consent, gpc, sampleRate) => {
          const h = recordAnswer(fresh, 'nps', NOW - daysAgo * DAY)
          const snapshot = structuredClone(h)
          const a = check(h, { sampleRate }, { consent, gpc })
          expect(check(h, { sampleRate }, { consent, gpc })).toEqual(a)
          expect(h).toEqual(snapshot)
          expect(a.eligible).toBe(a.reason === 'eligible')
        },
      ),
    )
  })
})
