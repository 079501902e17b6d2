import { resolveAlertOptions } from './options'
import type { AlertFormat, AlertOptions, AlertWhen } from './types'

// Errors name the variable a user set, not the option it became.
const names: readonly [option: string, variable: string][] = [
  ['alerts.webhooks', 'ALERT_WEBHOOK_URL'], ['alerts.format', 'ALERT_FORMAT'], ['alerts.when', 'ALERT_WHEN'],
  ['alerts.secret', 'ALERT_SECRET'], ['alerts.email.to', 'ALERT_EMAIL_TO'], ['alerts.email.smtpUrl', 'SMTP_URL'],
  ['alerts.email.from', 'ALERT_EMAIL_FROM'], ['alerts.locale', 'ALERT_LOCALE'], ['alerts.windowMs', 'ALERT_WINDOW_MS'],
  ['alerts.publicUrl', 'PUBLIC_URL'],
]

/**
 * Reads the alert settings of `npx npskit-collector` from the environment: undefined when no
 * destination (ALERT_WEBHOOK_URL, ALERT_EMAIL_TO) is set. A bad value is a TypeError or
 * RangeError naming the variable.
 *
 * @example
 * alertOptionsFromEnv({ ALERT_WEBHOOK_URL: 'https://hooks.slack.com/services/T/B/x', ALERT_FORMAT: 'slack' })
 * // → { webhooks: 'https://hooks.slack.com/services/T/B/x', format: 'slack', … }
 */
export function alertOptionsFromEnv(env: Readonly<Record<string, string | undefined>>): AlertOptions | undefined {
  const value = (name: string): string | undefined => (env[name]?.trim() ? env[name]!.trim() : undefined)
  const webhooks = value('ALERT_WEBHOOK_URL')
  const to = value('ALERT_EMAIL_TO')
  if (!webhooks && !to) {
    const orphan = ['ALERT_FORMAT', 'ALERT_WHEN', 'ALERT_SECRET', 'ALERT_LOCALE', 'ALERT_WINDOW_MS', 'ALERT_EMAIL_FROM'].find((n) => value(n))
    if (orphan) throw new TypeError(`${orphan} is set, but no ALERT_WEBHOOK_URL or ALERT_EMAIL_TO to send alerts to`)
    return undefined
  }
  const smtpUrl = value('SMTP_URL')
  if (to && !smtpUrl) throw new TypeError('SMTP_URL: needed to send the alerts of ALERT_EMAIL_TO')
  const windowMs = value('ALERT_WINDOW_MS')
  if (windowMs !== undefined && !/^\d+$/.test(windowMs)) throw new TypeError(`ALERT_WINDOW_MS: expected milliseconds, got ${windowMs}`)
  const from = value('ALERT_EMAIL_FROM')
  const options: AlertOptions = {
    ...(webhooks ? { webhooks } : {}),
    ...(value('ALERT_FORMAT') ? { format: value('ALERT_FORMAT') as AlertFormat } : {}),
    ...(value('ALERT_WHEN') ? { when: value('ALERT_WHEN')!.split(',').map((w) => w.trim()) as AlertWhen[] } : {}),
    ...(value('ALERT_SECRET') ? { secret: value('ALERT_SECRET')! } : {}),
    ...(to && smtpUrl ? { email: { to, smtpUrl, ...(from ? { from } : {}) } } : {}),
    ...(value('ALERT_LOCALE') ? { locale: value('ALERT_LOCALE')! } : {}),
    ...(windowMs !== undefined ? { windowMs: Number(windowMs) } : {}),
    ...(value('PUBLIC_URL') ? { publicUrl: value('PUBLIC_URL')! } : {}),
  }
  try {
    resolveAlertOptions(options)
  } catch (error) {
    if (!(error instanceof Error)) throw error
    let message = error.message
    for (const [option, variable] of names) message = message.split(option + ':').join(variable + ':')
    throw new (error instanceof RangeError ? RangeError : TypeError)(message)
  }
  return options
}
