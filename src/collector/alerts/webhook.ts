import { refused, retry, describeError, type Attempt } from './attempt'
import { retryAfterMs } from './backoff'
import type { AlertContent } from './content'
import { deliveryId, jsonBody } from './json'
import { signBody } from './sign'
import { slackBody } from './slack'
import { teamsBody } from './teams'
import type { AlertFormat } from './types'

/** The raw body of a webhook alert in a format. */
export function webhookBody(content: AlertContent, format: AlertFormat): string {
  const body = format === 'slack' ? slackBody(content) : format === 'teams' ? teamsBody(content) : jsonBody(content)
  return JSON.stringify(body)
}

/**
 * POSTs one alert. A 2xx delivers it; 408, 425, 429 and 5xx, a timeout or a network error are
 * retried (honouring `Retry-After`); any other 4xx is refused for good.
 */
export async function postWebhook(
  url: string,
  content: AlertContent,
  options: { readonly format: AlertFormat; readonly secret: string | null; readonly timeoutMs: number },
): Promise<Attempt> {
  const raw = webhookBody(content, options.format)
  const headers: Record<string, string> = {
    'content-type': 'application/json; charset=utf-8',
    'user-agent': 'npskit-collector',
    'x-npskit-delivery': deliveryId(content.response.id, content.kind),
    ...(options.secret ? signBody(raw, options.secret) : {}),
  }
  let response: Response
  try {
    response = await fetch(url, { method: 'POST', headers, body: raw, redirect: 'error', signal: AbortSignal.timeout(options.timeoutMs) })
    // Drain the answer so the connection is reused; its content does not matter.
    await response.arrayBuffer().catch(() => undefined)
  } catch (error) {
    return retry(describeError(error))
  }
  if (response.ok) return { ok: true }
  const status = response.status
  if (status === 408 || status === 425 || status === 429 || status >= 500) {
    return retry(`HTTP ${status}`, retryAfterMs(response.headers.get('retry-after')))
  }
  return refused(`HTTP ${status}`)
}
