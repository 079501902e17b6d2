import type { SurveyOptions } from '../types'
import { journeyPointsCheck, rulesChecks } from '../targeting/checks'

import { bool, fn, followUp, int, isObject, num, oneOf, perCategory, placement, str, text, thankYou, type Check } from './checks'

// Theme values end up in a stylesheet: refuse anything that could close the declaration.
const cssValue: Check = (v) => (typeof v === 'string' && /^[^;{}<>\\]{1,200}$/.test(v) ? undefined : 'a CSS value without ; { } < > \\')
const flat =
  (allowNull: boolean): Check =>
  (v) => {
    const wrong = `a flat object of strings, numbers${allowNull ? ', booleans and null' : ' and booleans'}`
    if (!isObject(v)) return wrong
    for (const value of Object.values(v)) {
      const t = typeof value
      if (!(t === 'string' || t === 'boolean' || (t === 'number' && Number.isFinite(value)) || (allowNull && value === null))) return wrong
    }
    return undefined
  }
const stringsObject: Check = (v) =>
  isObject(v) && Object.values(v).every((x) => typeof x === 'string') ? undefined : 'an object of strings'
const link: Check = (v) =>
  isObject(v) && typeof v.label === 'string' && typeof v.href === 'string' && /^(https?:\/\/|\/(?!\/))/i.test(v.href)
    ? undefined
    : "{ label, href } with an http(s) or '/…' href"
const locales: Check = (v) =>
  Array.isArray(v) && v.every((l) => isObject(l) && typeof l.code === 'string' && (l.dir === 'ltr' || l.dir === 'rtl') && stringsObject(l.messages) === undefined)
    ? undefined
    : 'an array of { code, dir, messages }'
// Responses go to http(s) only: a `javascript:` or `data:` endpoint is a mistake or an attack.
const endpoint: Check = (v) =>
  typeof v === 'string' && v.trim() !== '' && (/^https?:\/\//i.test(v) || !/^[a-z][a-z\d+.-]*:/i.test(v)) ? undefined : 'an http(s) URL, absolute or relative'
const target: Check = (v) =>
  typeof v === 'string' || (isObject(v) && (v as { nodeType?: unknown }).nodeType === 1) ? undefined : 'an element or a CSS selector'

/** What each option must be. The keys are the complete list of options. */
export const optionChecks: Readonly<Record<keyof SurveyOptions, Check>> = {
  surveyId: text,
  brand: str,
  question: text,
  locale: text,
  locales,
  messages: stringsObject,
  followUp,
  thankYou,
  promoterAction: link,
  contactConsent: perCategory(bool),
  placement,
  target,
  theme: oneOf('light', 'dark', 'auto'),
  accent: cssValue,
  background: cssValue,
  text: cssValue,
  radius: num(0, 64),
  fontFamily: cssValue,
  fontSize: num(10, 32),
  zIndex: int(-2147483647, 2147483647),
  offset: num(0, 2000),
  nonce: text,
  maxCommentLength: int(1, 10000),
  autoCloseMs: int(0, 3600000),
  metadata: flat(false),
  user: flat(true),
  onResponse: fn,
  endpoint,
  send: fn,
  headers: stringsObject,
  credentials: oneOf('omit', 'same-origin', 'include'),
  transform: fn,
  includeQuery: bool,
  redact: bool,
  events: bool,
  channel: oneOf('web', 'email'),
  // A name of anything but an array is reported when it is pushed to (delivery/analytics.ts).
  dataLayer: (v) => (typeof v == 'boolean' ? undefined : text(v) && 'true, false or the name of a global with push()'),
  onEvent: fn,
  recontactCheck: endpoint,
  journeyPoints: journeyPointsCheck,
  ...rulesChecks,
}

/**
 * Checks options before anything is shown, so a mistake surfaces at `createSurvey` with the
 * option's name instead of as a broken widget later. Unknown names are errors too: a typo
 * such as `placment` would otherwise be ignored silently. Out-of-range numbers are a
 * `RangeError`, everything else a `TypeError`.
 *
 * @example
 * validateOptions({ placement: 'center' })
 * // TypeError: npskit: option "placement" must be one of 'modal', 'bottom-right', …; got "center"
 */
export function validateOptions(options: unknown): SurveyOptions {
  if (options === undefined) return {}
  if (!isObject(options)) throw new TypeError('npskit: options must be an object, got ' + describe(options))
  for (const [name, value] of Object.entries(options)) {
    const check = (optionChecks as Record<string, Check | undefined>)[name]
    if (!check) throw new TypeError(`npskit: unknown option "${name}"`)
    if (value === undefined) continue
    const wrong = check(value)
    if (wrong) {
      const message = `npskit: option "${name}" must be ${wrong}; got ${describe(value)}`
      // A number where a number belongs but out of range is a RangeError; any wrong type a TypeError.
      throw typeof value === 'number' && /^an? (integer|number)/.test(wrong) ? new RangeError(message) : new TypeError(message)
    }
  }
  if (options.endpoint !== undefined && options.send !== undefined) {
    throw new TypeError('npskit: give either option "endpoint" or option "send", not both')
  }
  if (options.placement === 'inline' && options.target === undefined) {
    throw new TypeError('npskit: option "target" is required with placement "inline"')
  }
  return options as SurveyOptions
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value)
  if (typeof value === 'function') return 'a function'
  if (Array.isArray(value)) return 'an array'
  return value === null ? 'null' : typeof value === 'object' ? 'an object' : String(value)
}
