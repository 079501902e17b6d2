// npskit/score against the plainest fast loop for each job, measured in the same run, as ratios:
//   tally + nps   vs a validating 11-entry lookup-table loop (counts[s]++) over 10⁶ scores   aim ≤ 1.5
//   merge         vs a loop summing the four fields of 100,000 tallies                     aim ≤ 2
//   trend by day  vs a loop caching each UTC hour's local day (one Intl call per hour),
//                 over 10⁶ responses in Europe/Oslo (same buckets, same counts)            aim ≤ 1.5
//   segment       vs a plain Map loop with a category lookup table, over 10⁶ responses     aim ≤ 1.3
// Run after `npm run build`: node bench/score.bench.mjs [path to score.js]
// It reports ratios and never fails: absolute times depend on the machine.
import { argv } from 'node:process'
import { pathToFileURL } from 'node:url'

const entry = argv[2] ? pathToFileURL(argv[2]).href : new URL('../dist/score.js', import.meta.url).href
const { merge, nps, segment, tally, trend } = await import(entry)

const N = 1_000_000
const ROUNDS = 15
// xorshift32 with a fixed seed: the same data every run, random enough to defeat branch prediction.
let seed = 2463534242
const random = () => {
  seed ^= seed << 13
  seed ^= seed >>> 17
  seed ^= seed << 5
  return (seed >>> 0) / 4294967296
}
const int = (n) => Math.floor(random() * n)

// ── The references ──────────────────────────────────────────────────────────────────────────
function lookupTable(scores) {
  const counts = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i]
    if (s >>> 0 !== s || s > 10) throw new RangeError('bad score at ' + i)
    counts[s]++
  }
  let d = 0
  for (let s = 0; s <= 6; s++) d += counts[s]
  return (100 * (counts[9] + counts[10] - d)) / scores.length
}

function sumFields(tallies) {
  let d = 0
  let a = 0
  let p = 0
  let n = 0
  for (let i = 0; i < tallies.length; i++) {
    const t = tallies[i]
    d += t.detractors
    a += t.passives
    p += t.promoters
    n += t.total
  }
  return { detractors: d, passives: a, promoters: p, total: n }
}

const CATEGORY = [0, 0, 0, 0, 0, 0, 0, 1, 1, 2, 2]
function hourCachedDays(responses, timeZone) {
  const format = new Intl.DateTimeFormat('sv', { timeZone })
  const hours = new Map()
  const days = new Map()
  for (const r of responses) {
    const hour = Math.floor(r.createdAt / 36e5)
    let day = hours.get(hour)
    if (day === undefined) hours.set(hour, (day = Date.parse(format.format(hour * 36e5)) / 864e5))
    let c = days.get(day)
    if (!c) days.set(day, (c = [0, 0, 0]))
    c[CATEGORY[r.score]]++
  }
  return days
}

function mapLoop(responses) {
  const groups = new Map()
  for (const r of responses) {
    let c = groups.get(r.journeyPoint)
    if (!c) groups.set(r.journeyPoint, (c = [0, 0, 0]))
    c[CATEGORY[r.score]]++
  }
  return groups
}

// ── The data ────────────────────────────────────────────────────────────────────────────────
const plain = Array.from({ length: N }, () => int(11))
const tallies = Array.from({ length: 100_000 }, () => {
  const [d, a, p] = [int(50), int(50), int(50)]
  return { detractors: d, passives: a, promoters: p, total: d + a + p }
})
// A quarter of responses in random order (as a query without ORDER BY returns them), across Oslo's
// spring change, each with one of six journey points.
const points = ['checkout', 'support', 'delivery', 'returns', 'onboarding', 'renewal']
const from = Date.parse('2026-02-01T00:00:00Z')
const responses = Array.from({ length: N }, () => ({ score: int(11), createdAt: from + int(90 * 864e5), journeyPoint: points[int(6)] }))

// ── Checks: the library and the reference compute the same thing ───────────────────────────
const same = (what, ok) => ok || console.warn(`${what}: the library and the reference differ`)
same('tally', nps(tally(plain)) === lookupTable(plain))
same('merge', JSON.stringify(merge(tallies)) === JSON.stringify(sumFields(tallies)))
{
  const days = hourCachedDays(responses, 'Europe/Oslo')
  const buckets = trend(responses, { interval: 'day', timeZone: 'Europe/Oslo' })
  same('trend', buckets.length === days.size && buckets.every((b) => {
    const c = days.get(Date.parse(b.start) / 864e5)
    return c && c[0] === b.tally.detractors && c[1] === b.tally.passives && c[2] === b.tally.promoters
  }))
}
{
  const groups = mapLoop(responses)
  const ours = segment(responses, (r) => r.journeyPoint)
  same('segment', [...groups].every(([k, [d, a, p]]) => {
    const t = ours.get(k)
    return t.detractors === d && t.passives === a && t.promoters === p
  }))
}

// ── Timing ──────────────────────────────────────────────────────────────────────────────────
// Keeps the results alive so the work cannot be optimised away.
let sink = 0
function time(fn) {
  const start = performance.now()
  const result = fn()
  sink += typeof result == 'number' ? result : 1
  return performance.now() - start
}
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1]

function compareRuns(name, library, reference, aim, rounds = ROUNDS) {
  for (let i = 0; i < 3; i++) time(library), time(reference) // warm-up
  const lib = []
  const base = []
  // Interleaved, so drift (turbo boost, GC, other processes) hits both alike.
  for (let i = 0; i < rounds; i++) {
    if (i % 2) lib.push(time(library)), base.push(time(reference))
    else base.push(time(reference)), lib.push(time(library))
  }
  const ratio = median(lib) / median(base)
  return { job: name, 'npskit (ms)': +median(lib).toFixed(2), 'reference (ms)': +median(base).toFixed(2), ratio: +ratio.toFixed(2), aim: `≤ ${aim}`, met: ratio <= aim ? 'yes' : 'NO' }
}

const rows = []
for (const [name, scores] of [['Array', plain], ['Uint8Array', Uint8Array.from(plain)], ['Float64Array', Float64Array.from(plain)]]) {
  rows.push(compareRuns(`tally + nps, 10⁶ scores (${name})`, () => nps(tally(scores)), () => lookupTable(scores), 1.5))
}
rows.push(compareRuns('merge, 100,000 tallies (one array)', () => merge(tallies).total, () => sumFields(tallies).total, 2, 101))
rows.push(compareRuns('trend by day, 10⁶ responses, Europe/Oslo', () => trend(responses, { interval: 'day', timeZone: 'Europe/Oslo' }).length, () => hourCachedDays(responses, 'Europe/Oslo').size, 1.5, 9))
rows.push(compareRuns('segment by journey point, 10⁶ responses', () => segment(responses, (r) => r.journeyPoint).size, () => mapLoop(responses).size, 1.3, 9))

console.log(`npskit/score against plain loops, median of interleaved rounds (${entry})`)
console.table(rows)
if (Number.isNaN(sink)) console.log('(results were NaN)')
