// The dashboard: renders GET api/summary (every number computed by npskit/score on the server)
// with Chart.js, the response rate (funnel.js), the close-the-loop inbox (inbox.js), the time to
// first contact (contactTimes.js) and the alerts that failed or wait (alerts.js). Customer text is only
// ever put on the page with textContent. URLs are relative to the page, so the collector can be
// mounted under a path. The build bundles this file with the parts of Chart.js it uses.
import { BarController, BarElement, CategoryScale, Chart, Filler, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js'
import { category } from '../../score/category'
import { createAlertsCard } from './alerts'
import { renderContactTimes } from './contactTimes'
import { funnelQuery, renderFunnel } from './funnel'
import { createInbox } from './inbox'

Chart.register(BarController, BarElement, CategoryScale, Filler, LinearScale, LineController, LineElement, PointElement, Tooltip)

const $ = (id) => document.getElementById(id)
Chart.defaults.animation = false
Chart.defaults.font.family = getComputedStyle(document.body).fontFamily
Chart.defaults.maintainAspectRatio = false

const colours = { detractor: '#c0392b', passive: '#d4a017', promoter: '#1f7a5c', line: '#1f4e5f', band: 'rgba(31, 78, 95, 0.15)' }
const signed = (n, digits = 0) => (n === null ? '–' : (n > 0 ? '+' : n < 0 ? '−' : '') + Math.abs(n).toFixed(digits))
const day = (iso) => iso.slice(0, 10)
const DAY = 864e5
// One way of writing dates everywhere on the page: "3 Jun 2026" (with the time where it matters), in the
// summary's time zone once the first summary has said which.
let dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })
const dateOnly = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' })
const shown = (iso) => dateOnly.format(new Date(day(iso)))
// A p-value in plain words: how often chance alone would give a difference this large.
const chance = (p) => (p < 0.001 ? 'p < 0.001, less than 1 in 1,000' : `p = ${p.toFixed(3)}, about 1 in ${Math.round(1 / p).toLocaleString('en')}`)
const languageNames = new Intl.DisplayNames(['en'], { type: 'language' })
// A tag stored by an older collector may be no valid BCP 47 (en_US): show it as it is.
const languageName = (tag) => {
  try {
    return `${languageNames.of(tag)} (${tag})`
  } catch {
    return tag
  }
}

function filters() {
  const params = new URLSearchParams()
  const from = $('from').value
  const to = $('to').value
  if (from) params.set('from', from)
  // The form's "to" is a day, inclusive; the API's is an instant, exclusive.
  if (to) params.set('to', new Date(Date.parse(to) + DAY).toISOString().slice(0, 10))
  for (const name of ['journeyPoint', 'locale']) if ($(name).value) params.set(name, $(name).value)
  return params
}

async function getJson(url, init) {
  const response = await fetch(url, init)
  // The session ended (or the token changed): sign in again, and come back to the same answer.
  if (response.status === 401) {
    location.assign('login' + location.hash)
    throw new Error('Signed out')
  }
  const body = await response.json()
  if (!response.ok) throw Object.assign(new Error(body.error ?? response.statusText), { status: response.status })
  return body
}

const charts = {}
function draw(id, config) {
  charts[id]?.destroy()
  charts[id] = new Chart($(id), config)
}

function fillSelect(select, values, label = (v) => v) {
  const current = select.value
  select.replaceChildren(new Option('All', ''), ...values.map((v) => new Option(label(v), v)))
  select.value = values.includes(current) ? current : ''
}

function renderKpis(s) {
  $('nps').textContent = signed(s.nps)
  $('nps').className = 'big ' + (s.nps === null ? '' : s.nps >= 30 ? 'promoter' : s.nps < 0 ? 'detractor' : 'passive')
  $('interval').textContent = s.interval
    ? `${Math.round(s.interval.level * 100)} % confidence interval ${signed(s.interval.low, 1)} to ${signed(s.interval.high, 1)}`
    : 'No responses in this period.'
  const t = s.tally
  $('total').textContent = t.total.toLocaleString('en')
  const pct = (n) => (t.total ? Math.round((n / t.total) * 100) : 0)
  $('counts').textContent = `${pct(t.promoters)} % promoters · ${pct(t.passives)} % passives · ${pct(t.detractors)} % detractors`
  const [d, p, r] = $('shares').children
  d.style.flexGrow = String(t.detractors)
  p.style.flexGrow = String(t.passives)
  r.style.flexGrow = String(t.promoters)
  const { current, previous, test } = s.comparison
  if (test) {
    $('change').textContent = signed(test.difference, 1)
    $('change').className = 'big ' + (!test.significant ? '' : test.difference > 0 ? 'promoter' : 'detractor')
    $('compare').textContent =
      `${signed(current.nps, 1)} now, ${signed(previous.nps, 1)} in ${shown(previous.from)} – ${shown(new Date(Date.parse(previous.to) - 1).toISOString())} ` +
      `(${previous.tally.total} responses). If nothing had changed, a difference this large would come up by chance ${chance(test.pValue)}: ` +
      (test.significant ? 'a significant change.' : 'not significant, this could be noise.')
  } else {
    $('change').textContent = '–'
    $('change').className = 'big'
    $('compare').textContent = 'Not enough responses in one of the two periods to compare them.'
  }
}

function renderCharts(s) {
  draw('distribution', {
    type: 'bar',
    data: {
      labels: s.histogram.map((_, score) => String(score)),
      datasets: [{ label: 'Responses', data: s.histogram, backgroundColor: s.histogram.map((_, score) => colours[category(score)]), borderRadius: 3 }],
    },
    options: { plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
  })
  const weeks = s.trend
  draw('trend', {
    type: 'line',
    data: {
      labels: weeks.map((w) => shown(w.start)),
      datasets: [
        { label: 'high', data: weeks.map((w) => w.high), borderWidth: 0, pointRadius: 0, fill: '+1', backgroundColor: colours.band },
        { label: 'low', data: weeks.map((w) => w.low), borderWidth: 0, pointRadius: 0, fill: false },
        { label: 'NPS', data: weeks.map((w) => w.nps), borderColor: colours.line, backgroundColor: colours.line, pointRadius: 2, tension: 0.25, spanGaps: true },
      ],
    },
    options: {
      scales: { y: { suggestedMin: -20, suggestedMax: 60 }, x: { ticks: { maxTicksLimit: 8 } } },
      plugins: {
        legend: { display: false },
        tooltip: {
          filter: (item) => item.dataset.label === 'NPS',
          callbacks: {
            title: (items) => 'Week of ' + items[0].label,
            label: (item) => {
              const w = weeks[item.dataIndex]
              return `NPS ${signed(w.nps, 1)} (${signed(w.low, 0)} to ${signed(w.high, 0)}), ${w.tally.total} responses`
            },
          },
        },
      },
    },
  })
  table('distributionTable', ['Score', 'Responses'], s.histogram.map((count, score) => [String(score), String(count)]))
  table('trendTable', ['Week of', 'NPS', '95 % interval', 'n'], weeks.map((w) => [w.start, signed(w.nps, 1), `${signed(w.low, 0)} to ${signed(w.high, 0)}`, String(w.tally.total)]))
  breakdown('byJourneyPoint', 'Journey point', s.byJourneyPoint, (k) => k)
  breakdown('byLocale', 'Language', s.byLocale, (k) => (k === '(none)' ? k : languageName(k)))
}

/** A table with a header row: the charts' numbers for screen readers and for copying. */
function table(id, head, rows) {
  const tr = (cells, tag) => {
    const row = document.createElement('tr')
    for (const text of cells) {
      const cell = document.createElement(tag)
      cell.textContent = text
      row.append(cell)
    }
    return row
  }
  $(id).replaceChildren(tr(head, 'th'), ...rows.map((cells) => tr(cells, 'td')))
}

function breakdown(id, title, rows, label) {
  draw(id, {
    type: 'bar',
    data: {
      labels: rows.map((r) => label(r.key)),
      datasets: [{ label: 'NPS', data: rows.map((r) => r.nps), backgroundColor: rows.map((r) => (r.nps >= 30 ? colours.promoter : r.nps < 0 ? colours.detractor : colours.passive)), borderRadius: 3, maxBarThickness: 28 }],
    },
    options: { indexAxis: 'y', plugins: { legend: { display: false } }, scales: { x: { suggestedMin: -50, suggestedMax: 50 } } },
  })
  table(id + 'Table', [title, 'NPS', '95 % interval', 'n'], rows.map((r) => [label(r.key), signed(r.nps, 1), `${signed(r.low, 0)} to ${signed(r.high, 0)}`, String(r.tally.total)]))
}

const inbox = createInbox({
  $,
  getJson,
  filters,
  formatTime: (iso) => dateTime.format(new Date(iso)),
  showError: (text) => ($('error').textContent = text),
  changed: () => renderTimes(),
})

const alertsCard = createAlertsCard({
  $,
  getJson,
  formatTime: (iso) => dateTime.format(new Date(iso)),
  showError: (text) => ($('error').textContent = text),
  signer: inbox.signer,
})

async function renderTimes() {
  renderContactTimes($, await getJson('api/time-to-contact?' + filters()), table)
}

async function renderRate() {
  renderFunnel($, await getJson('api/funnel?' + funnelQuery(filters())), { table, draw, colours, shown })
}

async function refresh() {
  $('error').textContent = ''
  try {
    const s = await getJson('api/summary?' + filters())
    fillSelect($('journeyPoint'), s.journeyPoints)
    fillSelect($('locale'), s.locales, languageName)
    if (s.period.timeZone !== dateTime.resolvedOptions().timeZone) {
      dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: s.period.timeZone })
    }
    $('time-zone').textContent = s.period.timeZone
    if (!$('from').value) $('from').value = day(s.period.from)
    if (!$('to').value) $('to').value = day(new Date(Date.parse(s.period.to) - 1).toISOString())
    // After the period shown is in the form: on first load the export covers what is on screen.
    $('csv').href = 'api/responses?' + new URLSearchParams({ ...Object.fromEntries(filters()), format: 'csv' })
    renderKpis(s)
    renderCharts(s)
    await Promise.all([inbox.render(), renderTimes(), alertsCard.render(), renderRate()])
    document.body.dataset.ready = 'true'
  } catch (error) {
    $('error').textContent = 'Could not load the summary: ' + error.message
  }
}

$('filters').addEventListener('change', refresh)
$('filters').addEventListener('submit', (event) => event.preventDefault())
refresh()
