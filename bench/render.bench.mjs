// Time from script evaluation to a visible survey in headless Chromium, against a plain-DOM
// baseline that renders the same question and scale, measured in the same run. Prints ratios:
// absolute times on shared machines say little. Run: npm run build && node bench/render.bench.mjs
import { createServer } from 'node:http'
import { readFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { extname, join, normalize } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'

const root = fileURLToPath(new URL('..', import.meta.url))
const rounds = Number(process.env.ROUNDS ?? 15)
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
if (!existsSync(join(root, 'dist/index.js'))) throw new Error('run `npm run build` first')

const server = createServer(async (req, res) => {
  const file = normalize(join(root, new URL(req.url, 'http://x').pathname))
  try {
    const body = await readFile(file)
    res.writeHead(200, { 'content-type': extname(file) === '.html' ? 'text/html' : 'text/javascript', 'cache-control': 'no-store' })
    res.end(body)
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

async function time(path) {
  const page = await browser.newPage()
  await page.goto(origin + path)
  await page.waitForFunction(() => typeof window.__time === 'number', null, { timeout: 30_000 })
  const t = await page.evaluate(() => window.__time)
  await page.close()
  return t
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const results = { baseline: [], npskit: [] }
await time('/bench/fixtures/baseline.html') // warm-up: browser start, compile caches
await time('/bench/fixtures/npskit.html')
for (let i = 0; i < rounds; i++) {
  // Interleaved, so drift in machine load hits both alike.
  results.baseline.push(await time('/bench/fixtures/baseline.html'))
  results.npskit.push(await time('/bench/fixtures/npskit.html'))
}
await browser.close()
server.close()

const base = median(results.baseline)
const ours = median(results.npskit)
console.log(`time to a visible survey, median of ${rounds} interleaved rounds (headless Chromium)`)
console.log(`  plain DOM baseline   ${base.toFixed(1)} ms   1.00×`)
console.log(`  npskit createSurvey  ${ours.toFixed(1)} ms   ${(ours / base).toFixed(2)}× baseline`)
console.log('(includes loading the lazy view and locale chunks from a local server)')
