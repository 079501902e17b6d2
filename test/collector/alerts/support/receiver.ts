import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** One webhook request as the receiver saw it. */
export interface Received {
  readonly delivery: string
  readonly raw: string
  readonly body: Record<string, unknown>
  readonly headers: IncomingMessage['headers']
  readonly at: number
  /** Whether a 2xx was written to the connection while it was still open. */
  acked: boolean
}

/** What the receiver does with the next request. */
export type Behaviour = 'ok' | 'hold' | { status: number; retryAfter?: string }

export interface Receiver {
  readonly url: string
  readonly received: Received[]
  /** Decides each request's fate [always `'ok'`]. */
  behave: (request: Received) => Behaviour
  /** Acknowledged requests per delivery id. */
  acked(): Map<string, number>
  /** Requests for a delivery id that had already been acknowledged: real duplicates. */
  duplicates(): Received[]
  /** Answers the held requests (those whose client is still waiting) [with 200]. */
  release(behaviour?: Exclude<Behaviour, 'hold'>): void
  /** How many requests are held unanswered. */
  held(): number
  /** Refuse connections until `up()`. */
  down(): Promise<void>
  up(): Promise<void>
  /** Resolves once `predicate` holds, checked on every request and every 20 ms. */
  until(predicate: () => boolean, timeoutMs?: number): Promise<void>
  close(): Promise<void>
}

/** A local webhook receiver on 127.0.0.1 that records every request and stops by itself. */
export async function startReceiver(lifetimeMs = 120_000): Promise<Receiver> {
  const received: Received[] = []
  const held = new Map<ServerResponse, (b: Exclude<Behaviour, 'hold'>) => void>()
  let server = createServer(handle)
  let port = 0
  const listen = () => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  await listen()
  port = (server.address() as AddressInfo).port
  const timer = setTimeout(() => void receiver.close(), lifetimeMs)
  timer.unref()

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8')
      const request: Received = {
        delivery: String(req.headers['x-npskit-delivery']), raw, body: JSON.parse(raw) as Record<string, unknown>,
        headers: req.headers, at: performance.now(), acked: false,
      }
      received.push(request)
      const behaviour = receiver.behave(request)
      const answer = (b: Exclude<Behaviour, 'hold'>): void => {
        const status = b === 'ok' ? 200 : b.status
        const headers: Record<string, string> = b !== 'ok' && b.retryAfter ? { 'retry-after': b.retryAfter } : {}
        res.on('finish', () => {
          if (status < 300 && !req.socket.destroyed) request.acked = true
        })
        res.writeHead(status, headers).end('ok')
      }
      if (behaviour === 'hold') {
        held.set(res, answer)
        res.on('close', () => held.delete(res))
      } else answer(behaviour)
    })
  }

  const receiver: Receiver = {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    behave: () => 'ok',
    acked() {
      const counts = new Map<string, number>()
      for (const r of received) if (r.acked) counts.set(r.delivery, (counts.get(r.delivery) ?? 0) + 1)
      return counts
    },
    duplicates() {
      const seen = new Set<string>()
      const out: Received[] = []
      for (const r of received) {
        if (seen.has(r.delivery)) out.push(r)
        if (r.acked) seen.add(r.delivery)
      }
      return out
    },
    release(behaviour = 'ok') {
      for (const answer of held.values()) answer(behaviour)
      held.clear()
    },
    held: () => held.size,
    async down() {
      for (const res of held.keys()) res.destroy()
      held.clear()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
    async up() {
      server = createServer(handle)
      await listen()
    },
    async until(predicate, timeoutMs = 30_000) {
      const start = Date.now()
      while (!predicate()) {
        if (Date.now() - start > timeoutMs) throw new Error(`receiver: condition not met within ${timeoutMs} ms (${received.length} received)`)
        await new Promise((r) => setTimeout(r, 20))
      }
    },
    async close() {
      clearTimeout(timer)
      for (const res of held.keys()) res.destroy()
      held.clear()
      if (server.listening) await receiver.down()
    },
  }
  return receiver
}
