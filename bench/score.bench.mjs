// Throughput of tally + nps against the plainest fast loop: an 11-entry lookup table
// (counts[s]++), over the same 10⁶ scores in a plain array, a Uint8Array and a Float64Array.
// Run after `npm run build`: node bench/score.bench.mjs [path to score.js]
// It reports ratios and never fails: absolute times depend on the machine.
import { argv } from 'node:process'
import { pathToFileURL } from 'node:url'

const entry = argv[2] ? pathToFileURL(argv[2]).href : new URL('../dist/score.js', import.meta.url).href
const { nps, tally } = await import(entry)

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
const plain = Array.from({ length: N }, () => Math.floor(random() * 11))
const inputs = { 'Array': plain, 'Uint8Array': Uint8Array.from(plain), 'Float64Array': Float64Array.from(plain) }

function lookupTable(scores) {
  const counts = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
  for (let i = 0; i < scores.length; i++) counts[scores[i]]++
  let d = 0
  for (let s = 0; s <= 6; s++) d += counts[s]
  const p = counts[9] + counts[10]
  return (100 * (p - d)) / scores.length
}
const library = (scores) => nps(tally(scores))

// Keeps the results alive so the work cannot be optimised away.
let sink = 0
function time(fn, scores) {
  const start = performance.now()
  sink += fn(scores)
  return performance.now() - start
}
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1]

const rows = []
for (const [name, scores] of Object.entries(inputs)) {
  if (library(scores) !== lookupTable(scores)) console.warn(`${name}: results differ`)
  for (let i = 0; i < 5; i++) time(library, scores), time(lookupTable, scores) // warm-up
  const lib = []
  const base = []
  // Interleaved, so drift (turbo boost, GC, other processes) hits both alike.
  for (let i = 0; i < ROUNDS; i++) {
    if (i % 2) lib.push(time(library, scores)), base.push(time(lookupTable, scores))
    else base.push(time(lookupTable, scores)), lib.push(time(library, scores))
  }
  const l = median(lib)
  const b = median(base)
  rows.push({
    input: name,
    'tally + nps (ms)': +l.toFixed(2),
    'lookup loop (ms)': +b.toFixed(2),
    'tally Mscores/s': +(N / l / 1000).toFixed(0),
    'ratio (≤ 1.5 is the aim)': +(l / b).toFixed(2),
  })
}
console.log(`tally + nps over ${N.toLocaleString('en')} random scores, median of ${ROUNDS} interleaved rounds (${entry})`)
console.table(rows)
if (Number.isNaN(sink)) console.log('(results were NaN)')
