// The dashboard's alerts card (GET api/alerts): a notice when alerts failed, with how many and the
// newest of them (destination, last error, when, a link to the answer in the inbox) each with
// "Send again" (POST api/alerts/retry, signed with the admin's name and kept in the audit trail);
// the alerts still waiting with their next attempt; and who sent what again lately. Hidden when
// the collector has no alerts.
import { el } from './el'

const kinds = { alert: 'alert', update: 'comment update' }
const plural = (n, one, many = one + 's') => `${n.toLocaleString('en')} ${n === 1 ? one : many}`

/**
 * Wires the card. `signer()` is the inbox's: the admin's name, or null after asking for it.
 * `formatTime(iso)` formats in the collector's time zone.
 */
export function createAlertsCard({ $, getJson, formatTime, showError, signer }) {
  const card = $('alerts')
  const inboxLink = (id) => {
    const link = el('a', '', 'Open the answer')
    link.href = '#inbox/' + encodeURIComponent(id)
    return link
  }

  async function retry(body, control) {
    const by = signer()
    if (!by) return
    control.disabled = true
    try {
      await getJson('api/alerts/retry', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...body, by }) })
      await render()
    } catch (error) {
      showError('Could not send it again: ' + error.message)
      control.disabled = false
    }
  }

  function failure(a) {
    const item = el('li', 'alert-row')
    item.dataset.id = a.responseId
    const again = el('button', 'button small', 'Send again')
    again.type = 'button'
    again.addEventListener('click', () => retry({ responseId: a.responseId, kind: a.kind, target: a.targetKey }, again))
    item.append(
      el('strong', '', a.target),
      ` · ${kinds[a.kind]} · ${a.lastError ?? 'no error recorded'} · failed `,
      el('time', '', formatTime(a.failedAt)),
      ` after ${plural(a.attempts, 'attempt')} · `,
      inboxLink(a.responseId),
      ' ',
      again,
    )
    return item
  }

  function waiting(a) {
    const item = el('li', 'alert-row')
    item.dataset.id = a.responseId
    const due = el('time', '', formatTime(a.nextAttemptAt))
    const past = Date.parse(a.nextAttemptAt) <= Date.now()
    const state = a.sending
      ? ['being sent now']
      : a.attempts > 0
        ? [`retrying after ${a.lastError ?? 'an error'} (${plural(a.attempts, 'attempt')}): next attempt `, due]
        : past ? ['due now'] : ['waiting for the comment until ', due]
    item.append(el('strong', '', a.target), ` · ${kinds[a.kind]} · `, ...state, ' · ', inboxLink(a.responseId))
    return item
  }

  async function render() {
    const s = await getJson('api/alerts')
    card.hidden = !s.enabled
    if (!s.enabled) return
    const body = [el('p', 'muted', `${plural(s.sent, 'sent')} · ${plural(s.pending, 'waiting')} · ${plural(s.failed, 'failed')} (sent ones are kept for 7 days, failed ones for 30).`)]
    if (s.failed > 0) {
      const notice = el('div', 'notice alert-failed')
      notice.setAttribute('role', 'alert')
      const all = el('button', 'button small secondary', 'Send all again')
      all.type = 'button'
      all.addEventListener('click', () => retry({ all: true }, all))
      notice.append(
        el('p', 'alert-failed-count', `${plural(s.failed, 'alert')} could not be delivered and ${s.failed === 1 ? 'was' : 'were'} given up on. Check the destination, then send ${s.failed === 1 ? 'it' : 'them'} again.`),
        all,
      )
      const list = el('ol', 'alert-list')
      list.id = 'alerts-failed'
      list.append(...s.failedAlerts.map(failure))
      if (s.failed > s.failedAlerts.length) list.append(el('li', 'muted', `and ${s.failed - s.failedAlerts.length} older`))
      body.push(notice, list)
    }
    if (s.pendingAlerts.length > 0) {
      const list = el('ol', 'alert-list')
      list.id = 'alerts-waiting'
      list.append(...s.pendingAlerts.map(waiting))
      body.push(el('h3', '', 'Waiting'), list)
    }
    if (s.events.length > 0) {
      const list = el('ol', 'alert-list muted')
      list.id = 'alerts-events'
      list.append(...s.events.slice(0, 5).map((e) => {
        const item = el('li', '', `${kinds[e.kind]} to ${e.target} (it had failed with ${e.lastError ?? 'no error recorded'}) sent again by ${e.by} (${e.via}), `)
        item.append(el('time', '', formatTime(e.at)))
        return item
      }))
      body.push(el('h3', '', 'Sent again lately'), list)
    }
    $('alerts-body').replaceChildren(...body)
  }

  return { render }
}
