import { createServer, type Server } from 'node:http'
import { readFile } from 'node:fs/promises'
import { extname, join, normalize } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository root: tests serve the built `dist/` and `test/fixtures/` from it. */
export const root = fileURLToPath(new URL('../..', import.meta.url))

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.css': 'text/css',
}

export interface StaticServer {
  /** e.g. `http://127.0.0.1:41234` */
  origin: string
  /** Every path requested, in order, so tests can check what a page loaded. */
  requests: string[]
  /** Responses POSTed to any path under `/api/` (answered 204), parsed as JSON, in arrival order. */
  posted: { path: string; body: Record<string, unknown> }[]
  /** The `shown`/`dismissed` events POSTed there (`type: 'event'`), kept apart from the responses. */
  events: { path: string; body: Record<string, unknown> }[]
  close(): Promise<void>
}

export interface ServeOptions {
  /** The folder to serve [the repository root], e.g. a bundler's output. */
  dir?: string
  /** Extra response headers for HTML pages, e.g. a Content-Security-Policy. */
  htmlHeaders?: Record<string, string>
  /** Stop by itself after this long, so a crashed test never leaves a server behind. */
  lifetimeMs?: number
  /** Extra HTML pages by path, e.g. a fake shop's `/shop/cart` (where a browser cannot route requests itself). */
  pages?: Record<string, string>
  /** A script (path on this server) every HTML page loads first, e.g. `/test/fixtures/problems.js`. */
  inject?: string
}

/** A static file server for the repository (or `dir`) on 127.0.0.1 and a random port. */
export async function serve(options: ServeOptions = {}): Promise<StaticServer> {
  const base = options.dir ?? root
  const requests: string[] = []
  const posted: StaticServer['posted'] = []
  const events: StaticServer['events'] = []
  const server: Server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
    requests.push(path)
    if (req.method === 'POST' && path.startsWith('/api/')) {
      const chunks: Buffer[] = []
      for await (const chunk of req) chunks.push(chunk as Buffer)
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>
        ;(body.type === 'event' ? events : posted).push({ path, body })
      } catch {
        res.writeHead(400).end()
        return
      }
      res.writeHead(204).end()
      return
    }
    if (path === '/favicon.ico') {
      res.writeHead(204).end()
      return
    }
    const file = normalize(join(base, path))
    if (!file.startsWith(base)) {
      res.writeHead(403).end()
      return
    }
    try {
      const page = options.pages?.[path]
      const type = page === undefined ? (types[extname(file)] ?? 'application/octet-stream') : types['.html']!
      let body: string | Buffer = page ?? (await readFile(file))
      if (options.inject && type.startsWith('text/html')) {
        // Before everything else on the page, so it sees what the page's own scripts do.
        body = body.toString().replace(/^(<!doctype html>)?/i, `$1<script src="${options.inject}"></script>`)
      }
      res.writeHead(200, {
        'content-type': type,
        'cache-control': 'no-store',
        ...(type.startsWith('text/html') ? options.htmlHeaders : {}),
      })
      res.end(body)
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found')
    }
  })
  return { ...(await listen(server, options.lifetimeMs)), requests, posted, events }
}

/** A running server of a test: where it listens, and how to stop it. */
export interface Listening {
  /** e.g. `http://127.0.0.1:41234` */
  origin: string
  close(): Promise<void>
}

/**
 * Starts `server` on 127.0.0.1 and a random port. It stops by itself after `lifetimeMs`, so a
 * crashed test never leaves a server behind; `close()` stops it at once, open connections too.
 */
export async function listen(server: Server, lifetimeMs = 120_000): Promise<Listening> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const timer = setTimeout(() => {
    server.closeAllConnections()
    server.close()
  }, lifetimeMs)
  timer.unref()
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('server has no port')
  return {
    origin: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise((resolve) => {
        clearTimeout(timer)
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
