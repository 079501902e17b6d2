// Reading the script tag's data-* attributes into options. Pure: the adapter passes the
// attributes in as a plain object (`element.dataset`), so this runs in Node tests too.

/** Options whose attribute value is a number. */
const numbers = /^(radius|fontSize|zIndex|offset|maxCommentLength|autoCloseMs|sampleRate|answeredWaitDays|dismissedWaitDays|minVisits|minDaysSinceFirstSeen|priority)$/
/** Options whose attribute value is true or false (a bare attribute is true). */
/**
 * Options whose attribute value may be true or false (a bare attribute is true); `followUp` and
 * `dataLayer` may also be a string (`data-data-layer="myLayer"`), which stays one.
 */
const booleans = /^(includeQuery|redact|debug|honourPrivacySignals|contactConsent|events|followUp|dataLayer)$/

/** What a script tag asks for: the options, and a journey point to trigger at once. */
export interface ScriptConfig {
  readonly options: Record<string, unknown>
  readonly journeyPoint?: string | undefined
  readonly dedupeKey?: string | undefined
  /** Attribute names that mean nothing to npskit, e.g. `data-endpont`: worth a warning. */
  readonly unknown: readonly string[]
}

/**
 * Turns `dataset` (camel-cased `data-*`) and the parsed JSON config block into options.
 * Numbers and booleans are converted by option name, so `data-radius="8"` is the number 8
 * and `data-debug` alone is true; anything that is not a known option is reported in
 * `unknown` instead of failing, because consent managers and CDNs add their own `data-*`
 * to script tags (`data-cookieconsent`, `data-cfasync`). The attributes win over the JSON
 * block, which holds what attributes cannot say (journey points, metadata, messages).
 *
 * @example
 * scriptConfig({ endpoint: '/api/nps', radius: '8', journeyPoint: 'checkout-complete' }, {}, ['endpoint', 'radius'])
 * // → { options: { endpoint: '/api/nps', radius: 8 }, journeyPoint: 'checkout-complete', unknown: [] }
 */
export function scriptConfig(
  dataset: Readonly<Record<string, string | undefined>>,
  json: Readonly<Record<string, unknown>>,
  known: readonly string[],
): ScriptConfig {
  const options: Record<string, unknown> = { ...json }
  const unknown: string[] = []
  let journeyPoint: string | undefined
  let dedupeKey: string | undefined
  for (const [name, raw = ''] of Object.entries(dataset)) {
    if (name === 'journeyPoint') journeyPoint = raw
    else if (name === 'dedupeKey') dedupeKey = raw
    else if (!known.includes(name)) unknown.push('data-' + name.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase()))
    else options[name] = convert(name, raw)
  }
  return { options, journeyPoint, dedupeKey, unknown }
}

function convert(name: string, raw: string): unknown {
  const value = raw.trim()
  if (numbers.test(name)) return value === '' ? raw : Number(value)
  if (booleans.test(name)) {
    if (value === '' || value === 'true') return true
    if (value === 'false') return false
  }
  return raw
}
