import { LIMITS } from '../core/history'

import { bool, finite, fn, followUp, int, isObject, num, oneOf, placement, text, thankYou, type Check } from '../core/checks'

export type { Check } from '../core/checks'

const isRegExp = (v: unknown) => Object.prototype.toString.call(v) === '[object RegExp]'

/** Checks each field of an object against `fields`; unknown fields are wrong too. */
const shape =
  (what: string, fields: Readonly<Record<string, Check>>): Check =>
  (v) => {
    if (!isObject(v)) return what
    for (const [key, value] of Object.entries(v)) {
      const check = Object.hasOwn(fields, key) ? fields[key] : undefined
      if (!check) return `${what}, without '${key}'`
      const wrong = value === undefined ? undefined : check(value)
      if (wrong) return `${what}, with ${key} ${wrong}`
    }
    return undefined
  }

const DAYS = num(0, 3650)
const moments = ['click', 'event', 'dataLayer', 'afterMs', 'scrollDepth', 'exitIntent'] as const

const oneSpec: Check = (v) => {
  const what = '{ url?, and one of click, event, dataLayer, afterMs, scrollDepth, exitIntent }'
  const wrong = shape(what, {
    url: (u) => (isRegExp(u) ? undefined : text(u) && 'a path pattern or a RegExp'),
    click: (s) => text(s) && 'a CSS selector',
    event: text,
    dataLayer: text,
    afterMs: int(0, 86_400_000),
    scrollDepth: (d) => (typeof d === 'number' && d > 0 && d <= 1 ? undefined : 'a number above 0 up to 1'),
    exitIntent: (e) => (e === true ? undefined : 'true'),
  })(v)
  if (wrong) return wrong
  const spec = v as Record<string, unknown>
  const given = moments.filter((m) => spec[m] !== undefined)
  // Two moments in one spec would read as "both" but act as "either": ask for two specs.
  if (given.length > 1) return `${what} (one moment per spec: list several specs for any of ${given.join(', ')})`
  if (given.length === 0 && spec.url === undefined) return what
  return undefined
}

/**
 * A trigger spec, or a list of them: `{ url: '/checkout/*\/done' }`, `{ dataLayer: 'purchase' }`,
 * `[{ click: '#chat-close' }, { event: 'chat:closed' }]`. One moment per spec, optionally with
 * `url` to limit it to some pages. A selector's syntax is checked by the browser when the
 * trigger starts (a bad one is reported through `onError`).
 */
export const triggerSpecCheck: Check = (v) => {
  if (!Array.isArray(v)) return oneSpec(v)
  for (let i = 0; i < v.length; i++) {
    const wrong = oneSpec(v[i])
    if (wrong) return `a list of trigger specs, with [${i}] ${wrong}`
  }
  return undefined
}

const journeyPoint = shape('{ question?, followUp?, thankYou?, delayMs?, sampleRate?, placement?, priority?, on? }', {
  question: text,
  followUp,
  thankYou,
  delayMs: int(0, 3_600_000),
  sampleRate: num(0, 1),
  placement,
  priority: finite,
  on: triggerSpecCheck,
})

/**
 * `journeyPoints`: an object of journey point name → overrides for that point,
 * e.g. `{ 'checkout-complete': { delayMs: 1500, on: { url: '/order/*\/thanks' } } }`.
 */
export const journeyPointsCheck: Check = (v) => {
  const what = 'an object of journey points'
  if (!isObject(v)) return what
  for (const [name, point] of Object.entries(v)) {
    if (name.trim() === '' || name.length > 100) return `${what}, named by 1 to 100 characters`
    const wrong = journeyPoint(point)
    if (wrong) return `${what}, with "${name}" ${wrong}`
  }
  return undefined
}

// RFC 4647 basic language ranges: '*', or 1–8 letter subtags ('en', 'pt-BR', 'zh-Hant').
const languageRange = /^(\*|[a-z]{1,8}(-[a-z\d]{1,8})*)$/i

/** Checks for the targeting options other than `journeyPoints`. */
export const rulesChecks = {
  answeredWaitDays: DAYS,
  dismissedWaitDays: DAYS,
  // More prompts per period than the history keeps could never trip the rule.
  fatigue: shape('{ maxPrompts?, periodDays? }', { maxPrompts: int(1, LIMITS.prompts), periodDays: DAYS }),
  sampleRate: num(0, 1),
  minVisits: int(0, 1_000_000),
  minDaysSinceFirstSeen: DAYS,
  devices: (v) =>
    Array.isArray(v) && v.length > 0 && v.every((d) => d === 'mobile' || d === 'tablet' || d === 'desktop')
      ? undefined
      : "a non-empty array of 'mobile', 'tablet', 'desktop'",
  onlyLocales: (v) =>
    Array.isArray(v) && v.length > 0 && v.every((r) => typeof r === 'string' && languageRange.test(r))
      ? undefined
      : "a non-empty array of language ranges such as 'en' or 'pt-BR'",
  // An async function can only answer later; the rules decide at once (see Rules.when).
  when: (v) => fn(v) ?? (Object.prototype.toString.call(v) === '[object AsyncFunction]' ? 'a function that returns true or false, not an async function' : undefined),
  priority: finite,
  consent: oneOf('granted', 'denied', 'pending'),
  honourPrivacySignals: bool,
  storage: (v) =>
    v === 'local' || v === 'session' || v === 'memory' || (isObject(v) && ['getItem', 'setItem', 'removeItem'].every((m) => typeof v[m] === 'function'))
      ? undefined
      : "'local', 'session', 'memory' or an object with getItem, setItem and removeItem",
  storagePrefix: (v) => (typeof v === 'string' && v.length <= 64 ? undefined : 'a string of at most 64 characters'),
  debug: bool,
} satisfies Readonly<Record<string, Check>>
