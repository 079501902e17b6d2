import { describe, expect, it } from 'vitest'
import { journeyPointsCheck, rulesChecks, triggerSpecCheck } from '../../../src/targeting/checks'

const ok = undefined

describe('triggerSpecCheck', () => {
  it.each([
    [{ url: '/checkout/*/done' }, ok],
    [{ url: /^\/order\/\d+$/ }, ok],
    [{ click: '[data-buy]' }, ok],
    [{ url: '/blog/*', scrollDepth: 0.5 }, ok],
    [{ url: '/pricing', exitIntent: true }, ok],
    [{ event: 'chat:closed' }, ok],
    [{ dataLayer: 'purchase' }, ok],
    [{ afterMs: 0 }, ok],
    [{ afterMs: 30000, url: undefined }, ok],
    [[{ url: '/a' }, { dataLayer: 'purchase' }], ok],
    [[], ok],
  ])('accepts %j', (spec, expected) => {
    expect(triggerSpecCheck(spec)).toBe(expected)
  })

  it.each([
    [{}, /^\{ url\?, and one of/],
    [null, /^\{ url\?/],
    ['/checkout', /^\{ url\?/],
    [{ url: '' }, /url a path pattern or a RegExp/],
    [{ url: 5 }, /url a path pattern or a RegExp/],
    [{ click: '' }, /click a CSS selector/],
    [{ event: 3 }, /event a non-empty string/],
    [{ afterMs: -1 }, /afterMs an integer from 0 to 86400000/],
    [{ afterMs: 1.5 }, /afterMs an integer/],
    [{ scrollDepth: 0 }, /scrollDepth a number above 0 up to 1/],
    [{ scrollDepth: 50 }, /scrollDepth a number above 0 up to 1/],
    [{ exitIntent: false }, /exitIntent true/],
    [{ exitIntent: 'yes' }, /exitIntent true/],
    [{ selector: '.x' }, /without 'selector'/],
    [{ afterMs: 1000, exitIntent: true }, /one moment per spec: list several specs for any of afterMs, exitIntent/],
    [{ url: '/x', click: 'a', event: 'e' }, /any of click, event/],
    [[{ url: '/a' }, { click: 1 }], /^a list of trigger specs, with \[1\] .*click a CSS selector/],
  ])('refuses %j', (spec, message) => {
    expect(triggerSpecCheck(spec)).toMatch(message)
  })
})

describe('journeyPointsCheck', () => {
  it.each([
    {},
    { 'checkout-complete': {} },
    {
      'checkout-complete': { delayMs: 1500, sampleRate: 0.5, placement: 'modal', priority: 2, on: { url: '/thanks' } },
      'support-closed': { question: 'How did we do?', followUp: { detractor: 'What went wrong?', promoter: false }, thankYou: 'Thanks!' },
    },
    { a: { followUp: false, thankYou: { promoter: 'Yay' }, on: [{ click: '#x' }, { event: 'y' }] } },
    { a: { delayMs: undefined } },
  ])('accepts %j', (points) => {
    expect(journeyPointsCheck(points)).toBeUndefined()
  })

  it.each([
    [[], 'an object of journey points'],
    ['checkout', 'an object of journey points'],
    [{ '': {} }, 'an object of journey points, named by 1 to 100 characters'],
    [{ ['x'.repeat(101)]: {} }, 'an object of journey points, named by 1 to 100 characters'],
    [{ a: null }, 'an object of journey points, with "a" { question?, followUp?, thankYou?, delayMs?, sampleRate?, placement?, priority?, on? }'],
    [{ a: { delay: 5 } }, /with "a" .*, without 'delay'$/],
    [{ a: { delayMs: -5 } }, /with "a" .*, with delayMs an integer from 0 to 3600000$/],
    [{ a: { sampleRate: 2 } }, /with sampleRate a number from 0 to 1$/],
    [{ a: { placement: 'center' } }, /with placement one of 'modal'/],
    [{ a: { priority: NaN } }, /with priority a finite number$/],
    [{ a: { question: ' ' } }, /with question a non-empty string$/],
    [{ a: { followUp: 3 } }, /with followUp a string or a boolean or an object per category$/],
    [{ a: { followUp: { angry: 'x' } } }, /with followUp an object with only 'detractor', 'passive', 'promoter'$/],
    [{ a: { thankYou: { promoter: 1 } } }, /with thankYou a string for 'promoter'$/],
    [{ a: { on: { afterMs: 'soon' } } }, /with on .*afterMs an integer/],
  ] as const)('refuses %j', (points, message) => {
    expect(journeyPointsCheck(points)).toMatch(message)
  })
})

describe('rulesChecks', () => {
  const good: Record<keyof typeof rulesChecks, unknown[]> = {
    answeredWaitDays: [0, 90, 3650, 0.5],
    dismissedWaitDays: [0, 14],
    fatigue: [{}, { maxPrompts: 1 }, { maxPrompts: 50, periodDays: 0 }, { periodDays: 30 }],
    sampleRate: [0, 0.25, 1],
    minVisits: [0, 3],
    minDaysSinceFirstSeen: [0, 7, 1.5],
    devices: [['mobile'], ['tablet', 'desktop']],
    onlyLocales: [['en'], ['pt-BR', 'zh-Hant', '*'], ['nb', 'nn', 'no']],
    when: [() => true],
    priority: [0, -3, 2.5],
    consent: ['granted', 'denied', 'pending'],
    honourPrivacySignals: [true, false],
    storage: ['local', 'session', 'memory', { getItem() {}, setItem() {}, removeItem() {} }],
    storagePrefix: ['', 'npskit:', 'shop.nps.'],
    debug: [true, false],
  }
  const bad: Record<keyof typeof rulesChecks, [unknown, string | RegExp][]> = {
    answeredWaitDays: [[-1, 'a number from 0 to 3650'], ['90', 'a number from 0 to 3650'], [NaN, 'a number from 0 to 3650']],
    dismissedWaitDays: [[4000, 'a number from 0 to 3650']],
    fatigue: [
      [3, '{ maxPrompts?, periodDays? }'],
      [{ maxPrompts: 0 }, '{ maxPrompts?, periodDays? }, with maxPrompts an integer from 1 to 50'],
      [{ maxPrompts: 51 }, /maxPrompts an integer from 1 to 50/],
      [{ periodDays: -1 }, /periodDays a number from 0 to 3650/],
      [{ max: 1 }, "{ maxPrompts?, periodDays? }, without 'max'"],
    ],
    sampleRate: [[1.5, 'a number from 0 to 1'], [-0.1, 'a number from 0 to 1'], ['0.5', 'a number from 0 to 1']],
    minVisits: [[1.5, 'an integer from 0 to 1000000'], [-1, 'an integer from 0 to 1000000']],
    minDaysSinceFirstSeen: [[-1, 'a number from 0 to 3650']],
    devices: [[[], /non-empty array/], [['phone'], /'mobile', 'tablet', 'desktop'/], ['mobile', /array/]],
    onlyLocales: [[[], /non-empty array of language ranges/], [['en_GB'], /language ranges/], [['en GB'], /language ranges/], [['languagetoolong'], /language ranges/], ['en', /array/], [[1], /language ranges/]],
    when: [[true, 'a function']],
    priority: [[Infinity, 'a finite number'], ['1', 'a finite number']],
    consent: [[true, "one of 'granted', 'denied', 'pending'"], ['yes', /one of/]],
    honourPrivacySignals: [['no', 'true or false']],
    storage: [['cookie', /'local', 'session', 'memory' or an object/], [{ getItem() {} }, /getItem, setItem and removeItem/], [null, /or an object/]],
    storagePrefix: [[1, 'a string of at most 64 characters'], ['x'.repeat(65), 'a string of at most 64 characters']],
    debug: [[1, 'true or false']],
  }
  const cases = (table: Record<string, unknown[]>) => Object.entries(table).flatMap(([name, values]) => values.map((v) => [name, v] as const))

  it.each(cases(good))('%s accepts %j', (name, value) => {
    expect(rulesChecks[name as keyof typeof rulesChecks](value)).toBeUndefined()
  })

  it.each(cases(bad))('%s refuses %j', (name, pair) => {
    const [value, message] = pair as [unknown, string | RegExp]
    expect(rulesChecks[name as keyof typeof rulesChecks](value)).toMatch(message)
  })

  it('says numbers out of range the way validateOptions turns into a RangeError', () => {
    for (const name of ['answeredWaitDays', 'sampleRate', 'minVisits'] as const) {
      expect(rulesChecks[name](-1)).toMatch(/^an? (integer|number)/)
    }
  })
})
