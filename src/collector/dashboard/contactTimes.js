// The dashboard's "time to first contact": how long unhappy customers wait for a reply, median
// and 90th percentile, for the period and per week of the answer (GET api/time-to-contact).

/**
 * A duration for people: 45 s, 12 min, 3 h 20 min, 2 d 4 h.
 *
 * @example
 * duration(12_000) // '3 h 20 min'
 */
export function duration(seconds) {
  if (seconds === null || seconds === undefined) return '–'
  if (seconds < 60) return `${seconds} s`
  const minutes = Math.round(seconds / 60)
  if (minutes < 60) return `${minutes} min`
  const hours = Math.floor(minutes / 60)
  if (hours < 48) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`
  return hours % 24 ? `${Math.floor(hours / 24)} d ${hours % 24} h` : `${Math.floor(hours / 24)} d`
}

/** Renders GET api/time-to-contact into the card; `table(id, head, rows)` is the dashboard's. */
export function renderContactTimes($, figures, table) {
  const { overall, waiting, weeks } = figures
  $('ttc-median').textContent = duration(overall.medianSeconds)
  $('ttc-summary').textContent = overall.contacted
    ? `Median time from answer to first contact, over ${overall.contacted} answers contacted in this period; 90 % were contacted within ${duration(overall.p90Seconds)}. ${waiting} who may be contacted are still waiting.`
    : `Nobody was contacted yet for answers in this period. ${waiting} who may be contacted are waiting.`
  table(
    'ttcTable',
    ['Week of', 'Contacted', 'Median', '90th percentile'],
    weeks.map((w) => [w.start, String(w.contacted), duration(w.medianSeconds), duration(w.p90Seconds)]),
  )
}
