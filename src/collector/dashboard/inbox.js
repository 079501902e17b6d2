// The dashboard's inbox: detractors, those who may be contacted first, with their follow-up state
// (new → contacted → resolved, and back). Every change goes through POST
// api/responses/:id/follow-up, signed with the name the admin typed (kept in this browser's
// localStorage, never in a cookie). Customer text is only ever put on the page with textContent.
import { el } from './el'
import { replyMailto } from './replyMailto'

const nameKey = 'npskit-admin-name'
const stateLabels = { new: 'New', contacted: 'Contacted', resolved: 'Resolved' }

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * Wires the inbox's controls. `getJson(url, init)` answers parsed JSON or throws; `filters()` is
 * the dashboard's query; `formatTime(iso)` formats in the collector's time zone; `changed()` runs
 * after every change of state (the time to first contact moves with them).
 */
export function createInbox({ $, getJson, filters, formatTime, showError, changed }) {
  const nameInput = $('admin-name')
  try {
    nameInput.value = localStorage.getItem(nameKey) ?? ''
  } catch {
    // Storage may be off in this browser: the name is then typed once per visit.
  }
  nameInput.addEventListener('input', () => {
    try {
      localStorage.setItem(nameKey, nameInput.value.trim())
    } catch {}
  })

  /** The admin's name, or null after asking for it. */
  function signer() {
    const name = nameInput.value.trim()
    if (name) return name
    showError('Type your name above the inbox first: every change of state is signed with it.')
    nameInput.focus()
    return null
  }

  /** The id in the address (#inbox/<id>, an alert's link), or null. */
  function linkedId() {
    const match = /^#inbox\/(.*)$/.exec(location.hash)
    if (!match) return null
    try {
      return decodeURIComponent(match[1])
    } catch {
      return ''
    }
  }

  /**
   * Shows the answer an alert linked to above the list, whatever the filters; a missing or erased
   * one says so plainly. `move` brings it into view and focus (on arrival, not on every refresh).
   */
  async function showLinked(move) {
    const box = $('inbox-focus')
    const id = linkedId()
    if (id === null) {
      box.hidden = true
      box.replaceChildren()
      return
    }
    let r = null
    if (uuid.test(id)) {
      try {
        r = await getJson(`api/responses/${encodeURIComponent(id)}`)
      } catch (error) {
        if (error.status !== 404) throw error
      }
    }
    const back = el('a', 'button small secondary', 'Close')
    back.href = '#inbox'
    const head = el('div', 'inbox-head')
    head.append(el('h3', '', r ? 'The answer from the alert' : 'The answer from the alert is not here'), back)
    const item = el('ol', 'messages')
    if (r) item.append(message(r))
    box.replaceChildren(head, r ? item : el('p', 'notice', 'There is no answer with this link: it was erased (at the customer\'s request or after the retention period), or the link is incomplete.'))
    box.hidden = false
    if (move) {
      box.scrollIntoView({ block: 'start' })
      box.focus()
    }
  }

  let page = 1
  let arrived = false
  async function render(append = false) {
    page = append ? page + 1 : 1
    const params = filters()
    params.set('category', 'detractor')
    const state = $('follow-up-state').value
    if (state) params.set('followUpState', state)
    if ($('only-consent').checked) params.set('contactConsent', 'true')
    if ($('only-comments').checked) params.set('hasComment', 'true')
    params.set('pageSize', '10')
    params.set('page', String(page))
    const list = await getJson('api/inbox?' + params)
    const { states } = list
    $('open-count').textContent = `${states.new} new`
    $('state-counts').textContent = `${states.new} new · ${states.contacted} contacted · ${states.resolved} resolved`
    const items = list.items.map(message)
    if (append) $('inbox').append(...items)
    else $('inbox').replaceChildren(...items)
    if (!append && items.length === 0) $('inbox').append(el('li', 'muted', 'Nothing here. 🎉'))
    $('more').hidden = list.page >= list.pages
    if (!append) await showLinked(!arrived)
    arrived = true
  }

  async function setState(r, state, note, control) {
    const by = signer()
    if (!by) return
    control.disabled = true
    try {
      await getJson(`api/responses/${encodeURIComponent(r.id)}/follow-up`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ state, by, note: note || null }),
      })
      await render()
      await changed()
    } catch (error) {
      showError('Could not save: ' + error.message)
      control.disabled = false
    }
  }

  function stateLine(r) {
    const line = el('p', 'state')
    line.append(el('span', `state-badge state-${r.followUpState}`, stateLabels[r.followUpState]))
    if (r.followUpAt) {
      line.append(` by ${r.followUpBy}, `, el('time', '', formatTime(r.followUpAt)))
      if (r.followUpNote) line.append(': ', el('q', 'note', r.followUpNote))
    }
    return line
  }

  function history(r) {
    const details = el('details', 'history')
    details.append(el('summary', '', 'History'))
    const list = el('ol', 'events')
    details.append(list)
    details.addEventListener('toggle', async () => {
      if (!details.open) return
      try {
        const { events } = await getJson(`api/responses/${encodeURIComponent(r.id)}/follow-up`)
        list.replaceChildren(
          ...events.map((e) => el('li', '', `${formatTime(e.at)}: ${stateLabels[e.from]} → ${stateLabels[e.to]} by ${e.by}${e.note ? ': ' + e.note : ''}`)),
        )
        if (events.length === 0) list.append(el('li', 'muted', 'No changes yet.'))
      } catch (error) {
        showError('Could not load the history: ' + error.message)
      }
    })
    return details
  }

  function actions(r) {
    const bar = el('div', 'message-actions')
    const email = typeof r.user?.email === 'string' ? r.user.email : null
    const mailto = r.contactConsent && email ? replyMailto({ email, locale: r.locale, comment: r.comment, name: r.user?.name, signature: nameInput.value.trim() }) : null
    if (mailto) {
      const reply = el('a', 'button small', 'Reply by email')
      reply.href = mailto
      // The link opens the mail client as links do; the click also records the contact.
      reply.addEventListener('click', (event) => {
        if (!nameInput.value.trim()) {
          event.preventDefault()
          signer()
          return
        }
        // The draft is signed with the name as it is now.
        reply.href = replyMailto({ email, locale: r.locale, comment: r.comment, name: r.user?.name, signature: nameInput.value.trim() })
        setState(r, 'contacted', null, reply)
      })
      bar.append(reply)
    }
    if (r.followUpState === 'new') {
      const contacted = el('button', 'button small secondary', 'Mark contacted')
      contacted.type = 'button'
      contacted.addEventListener('click', () => setState(r, 'contacted', null, contacted))
      bar.append(contacted)
    }
    if (r.followUpState === 'resolved') {
      const reopen = el('button', 'button small secondary', 'Reopen')
      reopen.type = 'button'
      reopen.addEventListener('click', () => setState(r, r.firstContactAt ? 'contacted' : 'new', null, reopen))
      bar.append(reopen)
    } else {
      const form = el('form', 'resolve')
      const label = el('label', '', 'Note ')
      const note = el('input')
      note.name = 'note'
      note.maxLength = 500
      note.placeholder = 'What was done'
      label.append(note)
      const resolve = el('button', 'button small', 'Mark resolved')
      resolve.type = 'submit'
      form.append(label, resolve)
      form.addEventListener('submit', (event) => {
        event.preventDefault()
        setState(r, 'resolved', note.value.trim(), resolve)
      })
      bar.append(form)
    }
    return bar
  }

  function message(r) {
    const item = el('li', `message state-${r.followUpState}`)
    item.dataset.id = r.id
    const meta = el('p', 'meta')
    meta.append(
      el('span', `score ${r.category}-bg`, String(r.score)),
      el('time', '', formatTime(r.createdAt)),
      el('span', 'tag', r.journeyPoint ?? 'no journey point'),
      el('span', 'tag', r.locale),
    )
    if (r.metadata?.order) meta.append(el('span', 'tag', String(r.metadata.order)))
    const who = r.user?.email ?? r.user?.id
    if (r.contactConsent) meta.append(el('span', 'consent', '✆ May be contacted' + (who ? `: ${who}` : '')))
    const comment = r.comment ? el('blockquote', 'comment', r.comment) : el('p', 'muted', 'No comment.')
    comment.lang = r.locale
    item.append(meta, stateLine(r), comment, actions(r), history(r))
    return item
  }

  $('follow-up-state').addEventListener('change', () => render().catch((e) => showError(e.message)))
  $('only-consent').addEventListener('change', () => render().catch((e) => showError(e.message)))
  $('only-comments').addEventListener('change', () => render().catch((e) => showError(e.message)))
  $('more').addEventListener('click', () => render(true).catch((e) => showError(e.message)))
  addEventListener('hashchange', () => showLinked(true).catch((e) => showError('Could not open the answer: ' + e.message)))
  return { render, signer }
}
