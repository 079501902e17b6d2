// The dashboard's response rate (GET api/funnel): per journey point and channel, how many were
// asked (emails sent, surveys shown), dismissed, answered and answered with a comment, and the
// rate by week per channel. Over every language: events carry none the funnel counts by.

const percent = (rate) => (rate === null ? '–' : `${Math.round(rate * 1000) / 10} %`)
const channelName = { web: 'On the site', email: 'By email' }

/** The funnel's query: the dashboard's filters without the language. */
export function funnelQuery(params) {
  const query = new URLSearchParams(params)
  query.delete('locale')
  return query
}

/**
 * Renders GET api/funnel into its card; `table(id, head, rows)` and `draw(id, config)` are the
 * dashboard's, `colours` its palette.
 */
export function renderFunnel($, f, { table, draw, colours, shown }) {
  const line = (channel) => {
    const c = f.channels.find((x) => x.channel === channel)
    if (!c) return null
    const asked = channel === 'email' && c.sent ? `${c.sent} emails sent, ${c.shown} opened` : `${c.shown} shown, ${c.dismissed} dismissed`
    return `${channelName[channel]}: ${percent(c.rate)} answered (${asked}, ${c.answered} answered, ${c.commented} with a comment).`
  }
  const said = ['web', 'email'].map(line).filter(Boolean)
  $('funnel-summary').textContent = said.length ? said.join(' ') : 'Nothing was asked or answered in this period.'
  table(
    'funnelTable',
    ['Journey point', 'Channel', 'Sent', 'Shown', 'Dismissed', 'Answered', 'Commented', 'Rate'],
    f.rows.map((r) => [r.journeyPoint ?? '(none)', r.channel, String(r.sent), String(r.shown), String(r.dismissed), String(r.answered), String(r.commented), percent(r.rate)]),
  )
  const starts = [...new Set(f.weeks.map((w) => w.start))]
  const series = (channel, color) => ({
    label: channelName[channel],
    data: starts.map((start) => {
      const rate = f.weeks.find((w) => w.start === start && w.channel === channel)?.rate
      return rate === undefined || rate === null ? null : Math.round(rate * 1000) / 10
    }),
    borderColor: color,
    backgroundColor: color,
    pointRadius: 2,
    spanGaps: true,
  })
  draw('rate', {
    type: 'line',
    data: { labels: starts.map(shown), datasets: [series('web', colours.line), series('email', colours.passive)] },
    options: { scales: { y: { beginAtZero: true, suggestedMax: 50, ticks: { callback: (v) => v + ' %' } } }, plugins: { legend: { display: false } } },
  })
}
