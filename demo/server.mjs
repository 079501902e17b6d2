// `npm start`: builds dist/ when it is missing or older than src/, then serves the demo
// on 127.0.0.1 (PORT, default 4321). No dependencies beyond Node itself.
import { spawnSync } from 'node:child_process'
import { createServer } from 'node:http'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url)).replace(/[\/]$/, '')
const port = Number(process.env.PORT ?? 4321)

function newest(dir) {
  let latest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs)
  }
  return latest
}

function ensureBuilt() {
  const built = join(root, 'dist', 'score.js')
  if (existsSync(built) && statSync(built).mtimeMs >= newest(join(root, 'src'))) return
  console.log('dist/ is missing or stale: building…')
  const rollup = join(root, 'node_modules', 'rollup', 'dist', 'bin', 'rollup')
  const result = spawnSync(process.execPath, [rollup, '-c'], { cwd: root, stdio: 'inherit' })
  if (result.status !== 0) {
    console.error('Build failed; run `npm install` first, then `npm start` again.')
    process.exit(1)
  }
}

const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' }
const routes = { '/': 'demo/public/index.html', '/calculator': 'demo/public/calculator.html' }
// The demo pages follow the same strict policy a careful shop would set.
const csp = "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'"

async function handle(req, res) {
  const { pathname } = new URL(req.url ?? '/', 'http://localhost')
  if (pathname === '/favicon.ico') {
    res.writeHead(204).end()
    return
  }
  const mapped = routes[pathname] ?? (pathname.startsWith('/dist/') || pathname.startsWith('/demo/public/') ? pathname.slice(1) : undefined)
  const file = mapped && normalize(join(root, mapped))
  if (!file || !file.startsWith(root + sep) || req.method !== 'GET') {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found')
    return
  }
  try {
    const body = await readFile(file)
    res.writeHead(200, {
      'content-type': types[extname(file)] ?? 'application/octet-stream',
      'content-security-policy': csp,
      'x-content-type-options': 'nosniff',
    })
    res.end(body)
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found')
  }
}

ensureBuilt()
const server = createServer((req, res) => {
  handle(req, res).catch(() => res.writeHead(500).end())
})
server.listen(port, '127.0.0.1', () => {
  const base = `http://127.0.0.1:${server.address().port}`
  console.log(`npskit demo running:\n  ${base}/            overview\n  ${base}/calculator  NPS calculator built on npskit/score\nPress Ctrl+C to stop.`)
})
