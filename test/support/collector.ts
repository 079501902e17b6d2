import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import type { SurveyResponse } from '../../src/types'

/**
 * What the collector does with one POST:
 * - `ok`: stores (upsert by id, newest `updatedAt` wins) and answers 204;
 * - `error`: answers 500 and stores nothing; `throttle`: 429 with `Retry-After`;
 * - `slow`: answers (and stores) only after `slowMs`;
 * - `drop`: closes the connection without an answer and stores nothing;
 * - `drop-after-store`: stores, then closes the connection without an answer (the nasty one).
 * Being down (connections refused) is `down()` / `up()`.
 */
export type Fault = 'ok' | 'error' | 'throttle' | 'slow' | 'drop' | 'drop-after-store'

/** One request as the collector saw it. Times are `performance.now()` ms. */
export interface Receipt {
  readonly id: string
  readonly complete: boolean
  readonly fault: Fault
  readonly contentType: string | undefined
  readonly cookie: string | undefined
  readonly headers: IncomingMessage['headers']
  readonly start: number
  /** Which page load sent it, when the page tags its requests (`metadata.sentBy`, see delivery-entry.ts). */
  readonly sentBy: string | undefined
  /** When a 2xx was fully written to a connection still open; undefined when never. */
  ackAt?: number
  status?: number
}

export interface CollectorOptions {
  /** How long `slow` waits before answering [10 000]. */
  readonly slowMs?: number
  /** The `Retry-After` of `throttle` ['1']. */
  readonly retryAfter?: string
  /** Stop by itself after this long, so a crashed test never leaves a server behind [120 000]. */
  readonly lifetimeMs?: number
}

export interface Collector {
  /** e.g. `http://127.0.0.1:41234/responses`: POST one response as JSON (any content type). */
  readonly url: string
  /** Every POST, in order of arrival. */
  readonly receipts: Receipt[]
  /** How many CORS preflights (OPTIONS) came. */
  readonly preflights: () => number
  /** The collector's table: one row per id. */
  readonly stored: Map<string, SurveyResponse>
  /** Picks the fault for each POST (n counts from 0). Default: always `ok`. */
  plan: (n: number, response: SurveyResponse) => Fault
  /** Refuse connections (the port is closed) until `up()`. */
  down(): Promise<void>
  up(): Promise<void>
  /**
   * Receipts of an (id, phase) that arrived after an earlier receipt of the same (id, phase)
   * had been acknowledged with a 2xx: real duplicates. A resend after a failure, a timeout
   * or a lost answer is fine and not counted.
   */
  duplicates(): { receipt: Receipt; acked: Receipt }[]
  close(): Promise<void>
}

const cors = { 'access-control-allow-origin': '*', 'access-control-expose-headers': 'retry-after' }

/** A test collector on 127.0.0.1 that can fail on command and records every request. */
export async function startCollector(options: CollectorOptions = {}): Promise<Collector> {
  const { slowMs = 10_000, retryAfter = '1', lifetimeMs = 120_000 } = options
  const receipts: Receipt[] = []
  const stored = new Map<string, SurveyResponse>()
  const sockets = new Set<Socket>()
  let port = 0
  let preflights = 0
  let server: Server

  const upsert = (r: SurveyResponse) => {
    const old = stored.get(r.id)
    const newer = !old || Date.parse(r.updatedAt) > Date.parse(old.updatedAt) || (r.updatedAt === old.updatedAt && (r.complete || !old.complete))
    if (newer) stored.set(r.id, r)
  }

  const answer = (res: ServerResponse, receipt: Receipt, status: number, headers: Record<string, string> = {}) => {
    receipt.status = status
    if (res.socket?.destroyed) return
    res.on('finish', () => {
      if (status < 300 && !res.socket?.destroyed) receipt.ackAt = performance.now()
    })
    res.writeHead(status, { ...cors, ...headers }).end()
  }

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method === 'OPTIONS') {
      preflights++
      res
        .writeHead(204, {
          ...cors,
          'access-control-allow-methods': 'POST',
          'access-control-allow-headers': req.headers['access-control-request-headers'] ?? '',
          'access-control-max-age': '600',
        })
        .end()
      return
    }
    if (req.method !== 'POST') {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>elsewhere</title><p>elsewhere</p>')
      return
    }
    const start = performance.now()
    let text = ''
    for await (const chunk of req) text += chunk
    let response: SurveyResponse
    try {
      response = JSON.parse(text) as SurveyResponse
      if (typeof response.id !== 'string') throw new Error('no id')
    } catch {
      res.writeHead(400, cors).end()
      return
    }
    const fault = collector.plan(receipts.length, response)
    const receipt: Receipt = {
      id: response.id,
      complete: response.complete,
      fault,
      contentType: req.headers['content-type'],
      cookie: req.headers.cookie,
      headers: req.headers,
      start,
      sentBy: typeof response.metadata?.sentBy === 'string' ? response.metadata.sentBy : undefined,
    }
    receipts.push(receipt)
    switch (fault) {
      case 'ok':
        upsert(response)
        return answer(res, receipt, 204)
      case 'error':
        return answer(res, receipt, 500)
      case 'throttle':
        return answer(res, receipt, 429, { 'retry-after': retryAfter })
      case 'slow':
        await new Promise((r) => setTimeout(r, slowMs))
        upsert(response)
        return answer(res, receipt, 200)
      case 'drop':
      case 'drop-after-store':
        if (fault === 'drop-after-store') upsert(response)
        req.socket.destroy()
    }
  }

  const listen = async () => {
    server = createServer((req, res) => void handle(req, res))
    server.on('connection', (socket) => {
      sockets.add(socket)
      socket.on('close', () => sockets.delete(socket))
    })
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', resolve))
    const address = server.address()
    if (address === null || typeof address === 'string') throw new Error('collector has no port')
    port = address.port
  }
  const stop = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy()
      server.close(() => resolve())
    })

  await listen()
  const timer = setTimeout(() => void stop(), lifetimeMs)
  timer.unref()

  const collector: Collector = {
    url: `http://127.0.0.1:${port}/responses`,
    receipts,
    preflights: () => preflights,
    stored,
    plan: () => 'ok',
    down: stop,
    up: listen,
    duplicates() {
      const found: { receipt: Receipt; acked: Receipt }[] = []
      for (const [i, receipt] of receipts.entries()) {
        const acked = receipts
          .slice(0, i)
          .find((r) => r.id === receipt.id && r.complete === receipt.complete && r.ackAt !== undefined && r.ackAt < receipt.start)
        if (acked) found.push({ receipt, acked })
      }
      return found
    },
    async close() {
      clearTimeout(timer)
      if (server.listening) await stop()
    },
  }
  return collector
}
