import { refused, retry, describeError, type Attempt } from './attempt'
import type { AlertContent } from './content'
import { alertEmail } from './email'
import { deliveryId } from './json'

/** The part of nodemailer that alerts use. */
interface Transport {
  sendMail(message: Record<string, unknown>): Promise<unknown>
  close(): void
}
interface Nodemailer {
  createTransport(options: Record<string, unknown>): Transport
}

/**
 * Loads nodemailer, an optional peer dependency needed only for alerts by email.
 * Fails with an error that says what to install.
 */
export async function loadNodemailer(): Promise<Nodemailer> {
  try {
    const module = (await import('nodemailer' as string)) as { default?: Nodemailer } & Nodemailer
    return module.default ?? module
  } catch {
    throw new Error('Alerts by email (ALERT_EMAIL_TO) need the nodemailer package: npm install nodemailer')
  }
}

/** One SMTP connection pool per server, closed with the worker. */
export interface Mailer {
  send(smtpUrl: string, from: string, to: readonly string[], content: AlertContent): Promise<Attempt>
  close(): void
}

/**
 * Sends alerts by email. An SMTP 5xx answer refuses for good (e.g. an unknown mailbox); a 4xx,
 * a timeout or a lost connection is retried.
 */
export function createMailer(nodemailer: Nodemailer, timeoutMs: number): Mailer {
  const transports = new Map<string, Transport>()
  return {
    async send(smtpUrl, from, to, content) {
      let transport = transports.get(smtpUrl)
      if (!transport) {
        // No pool: a pooled message that timed out here would still be sent later from the queue,
        // and then again by the retry. One connection per alert ends with its timeout.
        transport = nodemailer.createTransport({ url: smtpUrl, connectionTimeout: timeoutMs, greetingTimeout: timeoutMs, socketTimeout: timeoutMs })
        transports.set(smtpUrl, transport)
      }
      const email = alertEmail(content)
      try {
        await transport.sendMail({
          from, to: to.join(', '), subject: email.subject, text: email.text, html: email.html,
          headers: { 'X-Npskit-Delivery': deliveryId(content.response.id, content.kind) },
        })
        return { ok: true }
      } catch (error) {
        const code = (error as { responseCode?: unknown }).responseCode
        if (typeof code === 'number' && code >= 500 && code < 600) return refused(`SMTP ${code}`)
        return retry(typeof code === 'number' ? `SMTP ${code}` : describeError(error))
      }
    },
    close() {
      for (const transport of transports.values()) transport.close()
      transports.clear()
    },
  }
}
