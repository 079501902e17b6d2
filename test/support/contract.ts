// The wire formats of issue #19's contract between the widget and the collector (events, recontact),
// as the widget's tests check them before the collector's schema.json describes events.

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
const iso = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/

/**
 * The event payload of issue #19 (wire format 2 agreed with the collector), field by field: exactly
 * these keys, each of its type. A mismatch names the field.
 */
export function contractProblems(e: Record<string, unknown>): string[] {
  const problems: string[] = []
  const keys = ['type', 'id', 'event', 'surveyId', 'responseId', 'journeyPoint', 'channel', 'locale', 'page', 'user', 'at', 'sdk']
  for (const k of Object.keys(e)) if (!keys.includes(k)) problems.push('extra ' + k)
  const check = (k: string, ok: boolean) => ok || problems.push(k)
  const s = (v: unknown, min: number, max: number) => typeof v === 'string' && v.length >= min && v.length <= max
  check('type', e.type === 'event')
  check('id', typeof e.id === 'string' && uuid.test(e.id))
  check('event', ['shown', 'dismissed', 'sent'].includes(e.event as string))
  check('surveyId', s(e.surveyId, 1, 200))
  check('responseId', e.responseId === null || (typeof e.responseId === 'string' && uuid.test(e.responseId)))
  check('journeyPoint', e.journeyPoint === null || s(e.journeyPoint, 0, 200))
  check('channel', e.channel === 'web' || e.channel === 'email')
  check('locale', s(e.locale, 2, 35))
  check('page', s(e.page, 0, 2048))
  check('user', e.user === null || (typeof e.user === 'object' && Object.values(e.user as object).every((v) => v === null || ['string', 'number', 'boolean'].includes(typeof v))))
  check('at', typeof e.at === 'string' && iso.test(e.at))
  const sdk = e.sdk as Record<string, unknown> | undefined
  check('sdk', sdk?.name === 'npskit' && typeof sdk.version === 'string' && Object.keys(sdk).length === 2)
  return problems
}

