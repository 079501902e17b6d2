import type { AnalyticsDetail, AnalyticsEventName, SurveyOptions, SurveyResponse } from '../types'

/**
 * Tells the page's own analytics what a showing came to: a push to GTM's data layer (`dataLayer`)
 * and a call of `onEvent`, each with its own copy of `{ journeyPoint, score, category, channel }`.
 * Nothing else goes out: not the comment, not who answered, not the page. A chunk of its own
 * (npskit-analytics.js), fetched only by surveys that have one of the two options. A page's
 * handler that throws, or a `dataLayer` name taken by something that is no array, is reported,
 * never thrown.
 *
 * @example
 * tell({ dataLayer: true }, 'npskit_score', 'checkout', response, console.warn)
 * // window.dataLayer: [{ event: 'npskit_score', journeyPoint: 'checkout', score: 9, category: 'promoter', channel: 'web' }]
 */
export function tell(
  o: Pick<SurveyOptions, 'dataLayer' | 'onEvent' | 'channel'>,
  name: AnalyticsEventName,
  journeyPoint: string | null,
  response: SurveyResponse | undefined,
  report: (error: unknown) => void,
): void {
  const detail = (): AnalyticsDetail => ({ journeyPoint, score: response?.score ?? null, category: response?.category ?? null, channel: o.channel ?? 'web' })
  const key = o.dataLayer === true ? 'dataLayer' : o.dataLayer
  try {
    if (key) {
      const w = window as unknown as Record<string, { push?: unknown } | undefined>
      // GTM's snippet creates the array, or takes over one made here: either way it sees the pushes.
      const layer = (w[key] ??= [])
      if (typeof layer.push !== 'function') throw new TypeError(`npskit: option "dataLayer": window.${key} has no push()`)
      layer.push({ event: name, ...detail() })
    }
  } catch (error) {
    report(error)
  }
  try {
    o.onEvent?.(name, detail())
  } catch (error) {
    report(error)
  }
}
