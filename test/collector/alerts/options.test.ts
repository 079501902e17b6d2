import { afterEach, describe, expect, it, vi } from 'vitest'
import { alertOptionsFromEnv, createAlerts, type AlertOptions } from '../../../src/collector/alerts/index'
import { createAlarm } from '../../../src/collector/alerts/alarm'
import { resolveAlertOptions } from '../../../src/collector/alerts/options'
import { planStep } from '../../../src/collector/alerts/plan'
import { retryAfterMs, retryDelay } from '../../../src/collector/alerts/backoff'
import { matches } from '../../../src/collector/alerts/when'
import { resolveWording } from '../../../src/collector/alerts/wording'
import { phrases } from '../../../src/collector/alerts/wordings'
import { bare, finish } from './support/answers'

const hook = 'https://hooks.slack.com/services/T000/B000/secret'

describe('resolveAlertOptions', () => {
  it('fills in the defaults: detractors, JSON, a two-minute window, 24 hours before giving up', () => {
    const o = resolveAlertOptions({ webhooks: hook })
    expect(o).toMatchObject({ format: 'json', when: ['detractor'], windowMs: 120_000, giveUpAfterMs: 86_400_000, pollMs: 1000, secret: null })
    expect(o.wording.code).toBe('en')
    expect(o.inboxUrl('x')).toBeNull()
  })

  it('takes several webhooks as a comma-separated string, and keeps only a hash of each URL and its origin', () => {
    const o = resolveAlertOptions({ webhooks: ` ${hook} , https://example.com/hook?token=abc` })
    expect(o.targets.map((t) => t.label)).toEqual(['webhook https://hooks.slack.com', 'webhook https://example.com'])
    for (const t of o.targets) expect(t.key).toMatch(/^webhook:[0-9a-f]{24}$/)
  })

  it('links to the response in the inbox under the public URL', () => {
    const o = resolveAlertOptions({ webhooks: hook, publicUrl: 'https://nps.example.com/' })
    expect(o.inboxUrl('abc')).toBe('https://nps.example.com/dashboard#inbox/abc')
    expect(resolveAlertOptions({ webhooks: hook, publicUrl: 'https://x.example', inboxPath: (id) => `/inbox/${id}` }).inboxUrl('a')).toBe('https://x.example/inbox/a')
  })

  const bad: [string, AlertOptions, ErrorConstructor | RangeErrorConstructor | TypeErrorConstructor, string][] = [
    ['no destination', {}, TypeError, 'alerts'],
    ['a webhook that is not a URL', { webhooks: 'hooks.slack.com' }, RangeError, 'alerts.webhooks'],
    ['a webhook that is not http', { webhooks: 'ftp://x.example/' }, RangeError, 'alerts.webhooks'],
    ['webhooks of the wrong type', { webhooks: 42 as never }, TypeError, 'alerts.webhooks'],
    ['an unknown format', { webhooks: hook, format: 'discord' as never }, RangeError, 'alerts.format'],
    ['an unknown condition', { webhooks: hook, when: ['detractor', 'angry'] as never }, RangeError, 'alerts.when'],
    ['no condition', { webhooks: hook, when: [] }, TypeError, 'alerts.when'],
    ['an empty secret', { webhooks: hook, secret: '' }, TypeError, 'alerts.secret'],
    ['a negative window', { webhooks: hook, windowMs: -1 }, RangeError, 'alerts.windowMs'],
    ['a fractional window', { webhooks: hook, windowMs: 1.5 }, TypeError, 'alerts.windowMs'],
    ['a window as a string', { webhooks: hook, windowMs: '100' as never }, TypeError, 'alerts.windowMs'],
    ['no concurrency', { webhooks: hook, concurrency: 0 }, RangeError, 'alerts.concurrency'],
    ['a locale that is no language tag', { webhooks: hook, locale: 'not a tag!' }, RangeError, 'alerts.locale'],
    ['a public URL that is not http', { webhooks: hook, publicUrl: 'javascript:alert(1)' }, RangeError, 'alerts.publicUrl'],
    ['an email without addresses', { email: { to: '', smtpUrl: 'smtp://localhost' } }, TypeError, 'alerts.email.to'],
    ['an email to a non-address', { email: { to: 'service', smtpUrl: 'smtp://localhost' } }, RangeError, 'alerts.email.to'],
    ['an SMTP URL that is not smtp', { email: { to: 'a@b.example', smtpUrl: 'https://mail.example' } }, RangeError, 'alerts.email.smtpUrl'],
    ['a log that is not a function', { webhooks: hook, log: 'console' as never }, TypeError, 'alerts.log'],
  ]
  it.each(bad)('refuses %s, naming the option', (_, options, type, name) => {
    expect(() => resolveAlertOptions(options)).toThrow(type)
    expect(() => resolveAlertOptions(options)).toThrow(name)
  })

  it('refuses a lease no longer than the request timeout: a slow send could then be claimed and sent twice', () => {
    expect(() => createAlerts({} as never, { webhooks: hook, timeoutMs: 5000, leaseMs: 5000 })).toThrow(/alerts.leaseMs/)
  })
})

describe('alertOptionsFromEnv', () => {
  it('reads nothing when no destination is set', () => {
    expect(alertOptionsFromEnv({ PORT: '3000' })).toBeUndefined()
  })

  it('reads every variable', () => {
    expect(alertOptionsFromEnv({
      ALERT_WEBHOOK_URL: `${hook},https://example.com/hook`, ALERT_FORMAT: 'slack', ALERT_WHEN: 'detractor, passive',
      ALERT_SECRET: 's3cret', ALERT_EMAIL_TO: 'a@shop.example,b@shop.example', SMTP_URL: 'smtps://u:p@mail.example:465',
      ALERT_EMAIL_FROM: 'NPS <nps@shop.example>', ALERT_LOCALE: 'nb-NO', ALERT_WINDOW_MS: '60000', PUBLIC_URL: 'https://nps.shop.example',
    })).toEqual({
      webhooks: `${hook},https://example.com/hook`, format: 'slack', when: ['detractor', 'passive'], secret: 's3cret',
      email: { to: 'a@shop.example,b@shop.example', smtpUrl: 'smtps://u:p@mail.example:465', from: 'NPS <nps@shop.example>' },
      locale: 'nb-NO', windowMs: 60000, publicUrl: 'https://nps.shop.example',
    })
  })

  const bad: [Record<string, string>, RegExp][] = [
    [{ ALERT_WEBHOOK_URL: 'nope' }, /^ALERT_WEBHOOK_URL:/],
    [{ ALERT_WEBHOOK_URL: hook, ALERT_FORMAT: 'xml' }, /^ALERT_FORMAT:/],
    [{ ALERT_WEBHOOK_URL: hook, ALERT_WHEN: 'detractor,sad' }, /^ALERT_WHEN:/],
    [{ ALERT_WEBHOOK_URL: hook, ALERT_WINDOW_MS: '2m' }, /^ALERT_WINDOW_MS:/],
    [{ ALERT_WEBHOOK_URL: hook, ALERT_LOCALE: '!!' }, /^ALERT_LOCALE:/],
    [{ ALERT_WEBHOOK_URL: hook, PUBLIC_URL: 'nps.example.com' }, /^PUBLIC_URL:/],
    [{ ALERT_EMAIL_TO: 'a@shop.example' }, /^SMTP_URL:/],
    [{ ALERT_EMAIL_TO: 'shop', SMTP_URL: 'smtp://localhost' }, /^ALERT_EMAIL_TO:/],
    [{ ALERT_EMAIL_TO: 'a@shop.example', SMTP_URL: 'mail.example' }, /^SMTP_URL:/],
    [{ ALERT_FORMAT: 'slack' }, /^ALERT_FORMAT is set, but no ALERT_WEBHOOK_URL or ALERT_EMAIL_TO/],
  ]
  it.each(bad)('refuses %j, naming the variable', (env, message) => {
    expect(() => alertOptionsFromEnv(env)).toThrow(message)
  })
})

describe('matches', () => {
  it('combines conditions with "or"', () => {
    expect(matches(['detractor'], { category: 'detractor', comment: null })).toBe(true)
    expect(matches(['detractor'], { category: 'passive', comment: 'x' })).toBe(false)
    expect(matches(['detractor', 'passive'], { category: 'passive', comment: null })).toBe(true)
    expect(matches(['all'], { category: 'promoter', comment: null })).toBe(true)
    expect(matches(['comment'], { category: 'promoter', comment: 'Love it' })).toBe(true)
    expect(matches(['comment'], { category: 'detractor', comment: null })).toBe(false)
  })
})

describe('planStep', () => {
  const d = bare(3)
  it('waits for the comment of a bare score and sends a complete answer at once', () => {
    expect(planStep(undefined, d, ['detractor'])).toEqual({ do: 'insert', dueNow: false })
    expect(planStep(undefined, finish(d, null), ['detractor'])).toEqual({ do: 'insert', dueNow: true })
    expect(planStep(undefined, bare(9), ['detractor'])).toEqual({ do: 'nothing' })
  })
  it('revises an alert not sent yet, and cancels it when the score no longer alerts', () => {
    const pending = { kind: 'alert', state: 'pending', sentComment: null } as const
    expect(planStep(pending, finish(d, 'late'), ['detractor'])).toEqual({ do: 'revise', dueNow: true })
    expect(planStep(pending, finish(d, 'fine', { score: 9 }), ['detractor'])).toEqual({ do: 'cancel' })
    expect(planStep({ ...pending, state: 'cancelled' }, finish(d, 'bad after all', { score: 2 }), ['detractor'])).toEqual({ do: 'revise', dueNow: true })
  })
  it('sends one update for a comment that came after the alert, and nothing else after it was sent', () => {
    const sentBare = { kind: 'alert', state: 'sent', sentComment: false } as const
    expect(planStep(sentBare, finish(d, 'late comment'), ['detractor'])).toEqual({ do: 'update' })
    expect(planStep(sentBare, finish(d, null), ['detractor'])).toEqual({ do: 'nothing' })
    expect(planStep({ ...sentBare, sentComment: true }, finish(d, 'again'), ['detractor'])).toEqual({ do: 'nothing' })
    expect(planStep({ ...sentBare, state: 'failed' }, finish(d, 'late'), ['detractor'])).toEqual({ do: 'nothing' })
  })
})

describe('retryDelay and retryAfterMs', () => {
  it('doubles from the base up to the cap, jittered between half and all of it', () => {
    expect([1, 2, 3, 4].map((n) => retryDelay(n, 1000, 5000, () => 1))).toEqual([1000, 2000, 4000, 5000])
    expect(retryDelay(3, 1000, 60_000, () => 0)).toBe(2000)
    expect(retryDelay(1000, 1000, 60_000, () => 1)).toBe(60_000)
  })
  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(retryAfterMs('30')).toBe(30_000)
    expect(retryAfterMs(new Date(Date.UTC(2030, 0, 1, 0, 1)).toUTCString(), Date.UTC(2030, 0, 1))).toBe(60_000)
    expect(retryAfterMs('soon')).toBeNull()
    expect(retryAfterMs(null)).toBeNull()
  })
})

describe('resolveWording', () => {
  it('writes in the language of the tag, using the widget locale for its questions', () => {
    const nb = resolveWording('nb-NO', 'locale')
    expect(nb.code).toBe('nb')
    expect(nb.category.detractor).toBe('Kritiker')
    expect(nb.scoreLabel).toBe('{score} av 10')
    expect(nb.followUp.detractor).toBe('Hva gikk galt, og hva bør vi gjøre bedre?')
    expect(resolveWording('no', 'locale').code).toBe('nb')
  })
  it('falls back to English for a language without alert phrases', () => {
    expect(resolveWording('ja', 'locale').code).toBe('en')
    expect(resolveWording('fr-CA', 'locale').category.detractor).toBe('Detractor')
  })
  it('has phrases for the Nordic languages and German, each with every phrase', () => {
    expect(Object.keys(phrases).sort()).toEqual(['da', 'de', 'en', 'fi', 'is', 'nb', 'nn', 'sv'])
    const keys = Object.keys(phrases.en!).sort()
    for (const [code, p] of Object.entries(phrases)) {
      expect(Object.keys(p).sort(), code).toEqual(keys)
      expect(resolveWording(code, 'locale').code).toBe(code)
    }
  })
})

describe('createAlarm', () => {
  afterEach(() => vi.useRealTimers())

  it('rings once for the moments of a burst, and again for each later moment, rounded up to its granularity', () => {
    vi.useFakeTimers({ now: 1_000_000 })
    const rings: number[] = []
    const alarm = createAlarm(() => rings.push(Date.now()), 100)
    for (let i = 0; i < 50; i++) alarm.set(2001 + i) // a burst of bare scores, their windows ending together
    alarm.set(5000)
    alarm.set(1000) // sooner than the timer set: it moves
    vi.advanceTimersByTime(10_000)
    expect(rings).toEqual([1_001_000, 1_002_100, 1_005_000])
  })

  it('rings no more once cleared', () => {
    vi.useFakeTimers({ now: 0 })
    let rang = 0
    const alarm = createAlarm(() => rang++)
    alarm.set(100)
    alarm.clear()
    vi.advanceTimersByTime(1000)
    expect(rang).toBe(0)
  })
})
