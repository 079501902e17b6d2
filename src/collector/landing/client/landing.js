// The landing page of an email survey link (GET /r/<token>): the widget, exactly as a shop installs
// it, inline, with the score from the link already chosen. Served by the collector beside the widget
// (assets/index.js); plain JavaScript so it ships as written.
//
// Link scanners open every link of an email, some of them running this script. So the page tells the
// collector whether a person acted: an answer made by the page itself (the link's score, shown) is
// only held by the collector, while a tap on a score or a sent comment (trusted input events, which
// a script cannot fake) records at once.
import { createSurvey } from './index.js'

const config = JSON.parse(document.getElementById('npskit-link').textContent)
let human = false
for (const type of ['pointerdown', 'keydown']) {
  document.addEventListener(type, (event) => {
    if (event.isTrusted) human = true
  }, true)
}

// keepalive: a customer who clicks one score and closes the tab at once is still heard. A refusal
// (4xx) is final; a network error, 429 or 5xx is retried by the widget's delivery queue.
// Events (shown, dismissed; type 'event') go where every widget's go, the collector's own endpoint.
async function send(payload) {
  const event = payload.type === 'event'
  const answer = await fetch(event ? '../api/responses' : config.token, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    // An event names the link's response, whose id the collector takes from the token.
    body: JSON.stringify(event ? { ...payload, responseId: config.responseId } : { response: payload, human }),
    keepalive: true,
    credentials: 'same-origin',
  })
  if (answer.status === 429 || answer.status >= 500) throw new Error(`The collector answered ${answer.status}`)
}

const survey = createSurvey({
  surveyId: config.surveyId,
  locale: config.locale,
  ...(config.brand ? { brand: config.brand } : {}),
  // Who the link was sent to (the collector sets it on the response anyway): for the events and the
  // "never ask twice" check, which know the customer only through this option.
  ...(config.user ? { user: config.user } : {}),
  placement: 'inline',
  target: '#survey',
  nonce: config.nonce,
  send,
  // Asked by email: the response and its shown/dismissed events say so, for the response rate per
  // channel. A custom send gets events only when asked for them.
  channel: 'email',
  events: true,
  // The customer asked to answer by clicking the link: no sampling, fatigue or privacy-signal rule
  // applies here, and the thank-you stays on the page it is the end of.
  honourPrivacySignals: false,
  autoCloseMs: 0,
  storage: 'memory',
})

// Only once the page is visible: a prerendered or background tab has not been seen by anyone.
function whenVisible() {
  if (document.visibilityState === 'visible') return Promise.resolve()
  return new Promise((resolve) => {
    const check = () => {
      if (document.visibilityState !== 'visible') return
      document.removeEventListener('visibilitychange', check)
      resolve()
    }
    document.addEventListener('visibilitychange', check)
  })
}

await whenVisible()
const shown = survey.show({ journeyPoint: config.journeyPoint, ...(config.score === null ? {} : { score: config.score }) })
document.documentElement.dataset.state = 'shown'
shown.then((result) => {
  document.documentElement.dataset.state = result.status
})
