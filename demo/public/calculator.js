import { category, compare, confidenceInterval, histogram, nps, parseScore, sampleSize, tally } from '/dist/score.js'

const $ = (id) => document.getElementById(id)
const fmt = (n, digits = 1) => (Number.isNaN(n) ? '–' : (n > 0 ? '+' : '') + n.toFixed(digits))

function read(text) {
  const scores = []
  let unreadable = 0
  for (const part of text.split(/[\n,;]+/)) {
    if (part.trim() === '') continue
    const score = parseScore(part)
    if (score === undefined) unreadable++
    else scores.push(score)
  }
  return { scores, unreadable }
}

function render() {
  const level = Number($('level').value)
  const a = read($('a').value)
  const b = read($('b').value)
  const t = tally(a.scores)

  $('nps').textContent = fmt(nps(t))
  const ci = confidenceInterval(t, { level })
  $('interval').textContent = t.total ? `${level * 100} % interval: ${fmt(ci.low)} to ${fmt(ci.high)} (${ci.method})` : ''
  $('counts').textContent = `${t.total} responses · promoters ${t.promoters} · passives ${t.passives} · detractors ${t.detractors}`
  $('unreadable').textContent = a.unreadable ? `${a.unreadable} value(s) could not be read as a 0–10 score.` : ''

  const counts = histogram(a.scores)
  const max = Math.max(1, ...counts)
  $('histogram').replaceChildren(
    ...counts.map((count, score) => {
      const row = document.createElement('tr')
      const label = document.createElement('th')
      label.textContent = String(score)
      label.className = category(score)
      const bar = document.createElement('td')
      const meter = document.createElement('meter')
      meter.max = max
      meter.value = count
      meter.title = `${count} × ${score}`
      bar.append(meter)
      const value = document.createElement('td')
      value.textContent = String(count)
      row.append(label, bar, value)
      return row
    }),
  )

  const previous = tally(b.scores)
  if (previous.total && t.total) {
    const c = compare(t, previous, { level })
    $('compare').textContent =
      `Change ${fmt(c.difference)} points (from ${fmt(nps(previous))}), ${level * 100} % interval ${fmt(c.low)} to ${fmt(c.high)}, ` +
      `p = ${c.pValue.toPrecision(2)}: ${c.significant ? 'a significant change.' : 'not significant: this could be noise.'}`
  } else {
    $('compare').textContent = 'Add scores for the previous period.'
  }
  $('sample').textContent = `For a margin of ±5 points at ${level * 100} % you need about ${sampleSize(5, { level }).toLocaleString('en')} responses (worst case), ±10 points: ${sampleSize(10, { level }).toLocaleString('en')}.`
}

for (const id of ['a', 'b', 'level']) $(id).addEventListener('input', render)
render()
