import { resolveLocale } from '../core/locale'
import * as builtIn from '../locales/index'
import { normalHex } from './contrast'
import type { EmailLocale, EmailMessages, SurveyEmailOptions } from './types'

/** The options of one email, checked, with the locale resolved and the accent normalised. */
export interface EmailSettings {
  readonly brand: string
  readonly locale: EmailLocale
  readonly question: string | undefined
  readonly messages: Partial<EmailMessages>
  readonly accent: string
  readonly links: SurveyEmailOptions['links']
}

// The accent of the widget's light theme: white digits on it reach 6.46:1.
const defaultAccent = '#2456c9'
const names = ['brand', 'locale', 'question', 'messages', 'accent', 'links']
// The widget's messages object may be passed as it is, so every key a locale has is allowed; the email's
// own key is `subject`. Anything else is most likely a typo that would otherwise be ignored silently.
const messageKeys = [...Object.keys(builtIn.en.messages), 'subject']
// What an email needs from a locale of the shop's own (`subject` defaults to the question).
const localeKeys = ['question', 'questionNoBrand', 'low', 'high', 'scoreLabel'] as const

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value)
  if (typeof value === 'function') return 'a function'
  if (Array.isArray(value)) return 'an array'
  return value === null ? 'null' : typeof value === 'object' ? 'an object' : String(value)
}

/** Throws the TypeError every wrong option gets: its name, what it must be, what it was. */
export function wrong(name: string, must: string, got: unknown, Type: typeof TypeError = TypeError): never {
  throw new Type(`npskit/email: option "${name}" must be ${must}; got ${describe(got)}`)
}

const text = (name: string, v: unknown): string =>
  typeof v === 'string' && v.trim() !== '' ? v : wrong(name, 'a non-empty string', v)

function strings(name: string, v: unknown, keys: readonly string[]): Record<string, string> {
  if (!isObject(v)) return wrong(name, 'an object of strings', v)
  for (const [key, value] of Object.entries(v)) {
    if (!keys.includes(key)) throw new TypeError(`npskit/email: option "${name}" has no key "${key}"; it takes ${keys.join(', ')}`)
    if (typeof value !== 'string') wrong(`${name}.${key}`, 'a string', value)
  }
  return v as Record<string, string>
}

function locale(v: unknown): EmailLocale {
  if (typeof v === 'string') {
    text('locale', v)
    return builtIn[resolveLocale(v, [], builtIn.localeCodes) as (typeof builtIn.localeCodes)[number]]
  }
  if (!isObject(v)) return wrong('locale', "a BCP 47 tag such as 'nb', or { code, dir, messages }", v)
  if (typeof v.code !== 'string' || !/^[a-z]{2,8}(-[a-z0-9]{1,8})*$/i.test(v.code)) wrong('locale.code', "a BCP 47 tag such as 'nb'", v.code)
  if (v.dir !== 'ltr' && v.dir !== 'rtl') wrong('locale.dir', "'ltr' or 'rtl'", v.dir)
  if (!isObject(v.messages)) wrong('locale.messages', 'an object of strings', v.messages)
  for (const key of localeKeys) text(`locale.messages.${key}`, v.messages[key])
  return v as unknown as EmailLocale
}

/**
 * Checks the options of `surveyEmail` before anything is written: a mistake is a TypeError (or a
 * RangeError for a value of the right type out of range) that names the option, never a broken email.
 */
export function emailSettings(options: unknown): EmailSettings {
  if (!isObject(options)) return wrong('options', 'an object', options)
  for (const name of Object.keys(options)) {
    if (!names.includes(name)) throw new TypeError(`npskit/email: unknown option "${name}"`)
  }
  const o = options as Partial<Record<keyof SurveyEmailOptions, unknown>>
  const accent = o.accent === undefined ? defaultAccent : typeof o.accent === 'string' ? normalHex(o.accent) : undefined
  if (accent === undefined) wrong('accent', "a hex colour such as '#2456c9' or '#26c'", o.accent)
  const links = o.links
  if (typeof links !== 'function' && !isObject(links)) wrong('links', 'a function (score) => URL, or { baseUrl, token }', links)
  return {
    brand: text('brand', o.brand),
    locale: locale(o.locale),
    question: o.question === undefined ? undefined : text('question', o.question),
    messages: o.messages === undefined ? {} : strings('messages', o.messages, messageKeys),
    accent: accent!,
    links: links as SurveyEmailOptions['links'],
  }
}
