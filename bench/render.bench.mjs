// Time to a visible survey in headless Chromium: npskit from its script tag against a plain-DOM
// survey of the same question (bench/fixtures/baseline.js), measured in the same run, from each
// script's first byte to the frame in which eleven options are on screen. Each load gets a fresh
// browser context (nothing cached, empty storage); the two pages alternate, and the median of
// ROUNDS (default 15) loads is compared. Three conditions: loopback as it is, the CPU slowed 4×
// (CDP Emulation.setCPUThrottlingRate), and 50 ms added by the server to every response (a network).
// With the added latency it also prints the request chain: how many fetches had to wait for another.
// For each condition it prints where npskit's time goes: when its first stage requested the UI and
// the locale, when both had arrived, and the floor that leaves (see the table's note).
// Run: npm run build && node bench/render.bench.mjs
import { createServer } from 'node:http'
import { readFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { extname, join, normalize } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'

const root = fileURLToPath(new URL('..', import.meta.url))
const rounds = Math.max(15, Number(process.env.ROUNDS ?? 15))
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
if (!existsSync(join(root, 'dist/npskit.iife.js'))) throw new Error('run `npm run build` first')

let latencyMs = 0
// Files are read once and served from memory, as a CDN's edge serves them: on loopback the server
// should cost nothing, so that the figures are the browser's (the added latency is the network).
const files = new Map()
const server = createServer(async (req, res) => {
  if (latencyMs) await new Promise((r) => setTimeout(r, latencyMs))
  const path = new URL(req.url, 'http://x').pathname
  if (req.method === 'POST') return void res.writeHead(204).end()
  const file = normalize(join(root, path))
  try {
    if (!files.has(file)) files.set(file, await readFile(file))
    res.writeHead(200, { 'content-type': extname(file) === '.html' ? 'text/html' : 'text/javascript', 'cache-control': 'no-store' })
    res.end(files.get(file))
  } catch {
    res.writeHead(404).end()
  }
})
await new Promise((r) => server.listen(0, '127.0.0.1', r))
const origin = `http://127.0.0.1:${server.address().port}`
const browser = await chromium.launch({
  executablePath,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
})

const pages = {
  baseline: { path: '/bench/fixtures/baseline.html', script: '/bench/fixtures/baseline.js' },
  npskit: { path: '/bench/fixtures/npskit.html', script: '/dist/npskit.iife.js' },
}

/** One load in a fresh context: ms from the script's first byte to eleven visible options, and what was fetched. */
async function load({ path, script }, cpuRate) {
  const context = await browser.newContext()
  await context.addInitScript(probe)
  const page = await context.newPage()
  if (cpuRate > 1) await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: cpuRate })
  // The probe says so on the console: waiting with waitForFunction would inject Playwright's own
  // script into the page while it is still loading, and its 20–50 ms of main-thread work would land
  // in the middle of whichever page was slower to paint.
  const seen = new Promise((resolve) => page.on('console', (m) => m.text() === 'bench:visible' && resolve()))
  await page.goto(origin + path)
  await Promise.race([seen, new Promise((_, reject) => setTimeout(() => reject(new Error(`${path}: no survey within 60 s`)), 60_000).unref())])
  const { visible, fetched } = await page.evaluate(() => ({
    visible: window.__visible,
    fetched: performance.getEntriesByType('resource').map((e) => ({ file: new URL(e.name).pathname, start: e.startTime, firstByte: e.responseStart, end: e.responseEnd })),
  }))
  await context.close()
  const own = fetched.find((f) => f.file === script)
  // npskit only: when its first stage had decided (the UI requested), and when the last of what the
  // first paint needs (the UI and the locale) had arrived: no renderer can paint before that.
  const paintFiles = fetched.filter((f) => /\/(npskit-ui|locales\/\w+)\.js$/.test(f.file))
  return {
    ms: visible - own.firstByte,
    requested: Math.min(...paintFiles.map((f) => f.start)) - own.firstByte,
    arrived: Math.max(...paintFiles.map((f) => f.end)) - own.firstByte,
    fetched: fetched.filter((f) => f.file.endsWith('.js') && f.start < visible),
  }
}

// The fetches by how many others each had to wait for: a fetch is one level deeper than the
// deepest fetch that had ended before it started. The number of levels is the serial chain.
function chain(fetched) {
  const sorted = [...fetched].sort((a, b) => a.start - b.start)
  const level = new Map()
  for (const f of sorted) level.set(f, 1 + Math.max(0, ...sorted.filter((g) => g.end <= f.start).map((g) => level.get(g))))
  const levels = []
  for (const f of sorted) (levels[level.get(f) - 1] ??= []).push(f.file.replace(/^\/(dist|bench\/fixtures)\//, ''))
  return levels
}

// Injected before any page script: notes the frame in which eleven options are on screen (in any
// shadow root, laid out) as window.__visible, in the page's own clock, and says so on the console.
// No request of its own.
function probe() {
  const visible = () =>
    [...(document.body?.querySelectorAll('*') ?? [])].some((el) => {
      const options = el.shadowRoot?.querySelectorAll('[role=radio]')
      return options?.length === 11 && [...options].every((o) => o.getBoundingClientRect().width > 0)
    })
  const check = () => (visible() ? ((window.__visible = performance.now()), console.debug('bench:visible')) : requestAnimationFrame(check))
  requestAnimationFrame(check)
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

async function measure(label, { cpuRate = 1, latency = 0 }) {
  latencyMs = latency
  const times = { baseline: [], npskit: [], requested: [], arrived: [] }
  let last
  await load(pages.baseline, cpuRate) // warm-up: the browser's own caches, not the page's
  await load(pages.npskit, cpuRate)
  for (let i = 0; i < rounds; i++) {
    // Alternating, so drift in the machine's load hits both alike.
    times.baseline.push((await load(pages.baseline, cpuRate)).ms)
    last = await load(pages.npskit, cpuRate)
    times.npskit.push(last.ms)
    times.requested.push(last.requested)
    times.arrived.push(last.arrived)
  }
  const base = median(times.baseline)
  const ours = median(times.npskit)
  const arrived = median(times.arrived)
  // The floor: the UI and the locale here, then a paint as quick as the whole plain-DOM survey's.
  return { label, base, ours, ratio: ours / base, requested: median(times.requested), arrived, floor: (arrived + base) / base, levels: chain(last.fetched) }
}

const results = [
  { ...(await measure('loopback', {})), target: 2.0 },
  { ...(await measure('CPU slowed 4×', { cpuRate: 4 })), target: 1.5 },
  await measure(`${50} ms added per request`, { latency: 50 }),
]
await browser.close()
server.close()

const pad = (s, n) => String(s).padEnd(n)
console.log(`time to a visible survey (eleven options on screen) from the script's first byte,`)
console.log(`median of ${rounds} alternating loads, a fresh context each, headless Chromium`)
console.log(`  ${pad('condition', 26)}${pad('plain DOM', 13)}${pad('npskit', 13)}ratio`)
for (const r of results) {
  const verdict = r.target ? `   (target ≤ ${r.target.toFixed(1)}: ${r.ratio <= r.target ? 'met' : 'missed'})` : ''
  console.log(`  ${pad(r.label, 26)}${pad(r.base.toFixed(1) + ' ms', 13)}${pad(r.ours.toFixed(1) + ' ms', 13)}${r.ratio.toFixed(2)}×${verdict}`)
}
console.log(`where npskit's time goes (medians, from the script's first byte): the first stage decides and`)
console.log(`requests the UI and the locale; once both are here a paint can start. The floor is that moment plus`)
console.log(`the plain survey's whole time, as a ratio: no renderer after a second round trip does better.`)
console.log(`  ${pad('condition', 26)}${pad('requested', 13)}${pad('arrived', 13)}${pad('visible', 13)}floor`)
for (const r of results) console.log(`  ${pad(r.label, 26)}${pad(r.requested.toFixed(1) + ' ms', 13)}${pad(r.arrived.toFixed(1) + ' ms', 13)}${pad(r.ours.toFixed(1) + ' ms', 13)}${r.floor.toFixed(2)}×`)
const { levels } = results[2]
console.log(`request chain before the first paint, ${50} ms per request (npskit, last load):`)
levels.forEach((files, i) => console.log(`  ${i + 1}. ${files.join('  ‖  ')}`))
console.log(`  ${levels.length} serial request${levels.length === 1 ? '' : 's'} (target ≤ 2: ${levels.length <= 2 ? 'met' : 'missed'})`)
