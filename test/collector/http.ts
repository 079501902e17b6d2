// Starting the collector for a test, and talking to it: fetch for what a browser or client sends,
// raw sockets for what only an attacker sends (bad bytes, slow bodies, huge headers).
import { connect } from 'node:net'
import { createCollector } from '../../src/collector/createCollector'
import type { CollectorOptions } from '../../src/collector/options'
import { createCollectorServer, type ServerLimits } from '../../src/collector/server'
import { listen, type Listening } from '../support/server'

export { event, response } from './storage/fixtures'

/** The collector on 127.0.0.1 and a random port, with its log lines; it stops by itself. */
export async function startCollector(options: CollectorOptions, limits: ServerLimits = {}): Promise<Listening & { logs: string[] }> {
  const logs: string[] = []
  const server = createCollectorServer(createCollector({ log: (line) => logs.push(line), ...options }), limits)
  return Object.assign(await listen(server), { logs })
}

export interface Answer {
  status: number
  headers: Headers
  text: string
  body: any
}

async function answer(res: Response): Promise<Answer> {
  const text = await res.text()
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    body = undefined
  }
  return { status: res.status, headers: res.headers, text, body }
}

/** POSTs a body (an object is sent as JSON). */
export async function post(origin: string, body: unknown, headers: Record<string, string> = {}, path = '/api/responses'): Promise<Answer> {
  return answer(
    await fetch(origin + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  )
}

export async function get(origin: string, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> {
  return answer(await fetch(origin + path, { method, headers, redirect: 'manual' }))
}

/**
 * Sends raw bytes on a fresh socket and resolves with everything the server wrote until it closed
 * the connection (or `waitMs` passed), and when. `chunks` are written `gapMs` apart.
 */
export function raw(origin: string, chunks: (string | Buffer)[], { gapMs = 0, waitMs = 10_000 } = {}): Promise<{ text: string; closed: boolean; ms: number }> {
  const { hostname, port } = new URL(origin)
  return new Promise((resolve) => {
    const started = performance.now()
    const socket = connect(Number(port), hostname)
    let text = ''
    let done = false
    const finish = (closed: boolean) => {
      if (done) return
      done = true
      clearTimeout(timer)
      socket.destroy()
      resolve({ text, closed, ms: performance.now() - started })
    }
    const timer = setTimeout(() => finish(false), waitMs)
    socket.on('data', (data) => (text += data.toString('latin1')))
    socket.on('close', () => finish(true))
    socket.on('error', () => finish(true))
    socket.on('connect', async () => {
      for (const chunk of chunks) {
        if (done || socket.destroyed) return
        socket.write(chunk)
        if (gapMs) await new Promise((r) => setTimeout(r, gapMs))
      }
    })
  })
}

/** The status code of the first answer in raw socket output, or 0 when there was none. */
export const statusOf = (text: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0)
