import { createHash, randomBytes } from 'node:crypto'
import { createServer } from 'node:http'
import { listen, type Listening } from './server'

/**
 * A small stand-in for the npskit collector's side of issue #19 (wire formats 2 and 3), on 127.0.0.1:
 * it takes responses and events at `POST /api/responses`, remembers them by the salted hash of the
 * user's keys, and answers `GET /api/recontact/salt` and `GET /api/recontact` as the contract says.
 */
export interface RecontactCollector extends Listening {
  /** Every URL requested of it (path and query), in order. */
  readonly urls: string[]
  /** Every body POSTed to it. */
  readonly bodies: Record<string, unknown>[]
  /** From now on, hold the answer to `GET /api/recontact` this long (ms), as a slow collector would. */
  slow(ms: number): void
}

const days = (v: string | null) => (v !== null && /^\d+$/.test(v) && +v <= 3650 ? +v : undefined)

export async function startRecontactCollector(): Promise<RecontactCollector> {
  const salt = randomBytes(16).toString('base64url')
  const hash = (key: string) => createHash('sha256').update(salt + '\n' + key, 'utf8').digest('hex')
  const keysOf = (user: unknown) => {
    const u = (user ?? {}) as Record<string, unknown>
    const keys: string[] = []
    if (u.id !== undefined && u.id !== null && u.id !== '') keys.push(hash('id:' + String(u.id)))
    if (typeof u.email === 'string' && u.email.trim()) keys.push(hash('email:' + u.email.trim().toLowerCase()))
    return keys
  }
  // What each hashed person did, and when.
  const seen: { h: string; what: 'answered' | 'dismissed' | 'asked'; at: number }[] = []
  const urls: string[] = []
  const bodies: Record<string, unknown>[] = []
  const state = { delayMs: 0 }
  const cors = { 'access-control-allow-origin': '*' }

  const server = createServer(async (req, res) => {
    urls.push(req.url ?? '')
    const url = new URL(req.url ?? '/', 'http://x')
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
      res.writeHead(status, { 'content-type': 'application/json', ...cors, ...headers }).end(JSON.stringify(body))
    if (req.method === 'OPTIONS') return res.writeHead(204, { ...cors, 'access-control-allow-headers': '*', 'access-control-allow-methods': 'GET, POST' }).end()
    if (req.method === 'POST' && url.pathname === '/api/responses') {
      let text = ''
      for await (const chunk of req) text += String(chunk)
      const body = JSON.parse(text) as Record<string, unknown>
      bodies.push(body)
      const at = Date.now()
      const what = body.type !== 'event' ? 'answered' : body.event === 'dismissed' ? 'dismissed' : 'asked'
      for (const h of keysOf(body.user)) seen.push({ h, what, at })
      return json(201, { ok: true })
    }
    if (req.method === 'GET' && url.pathname === '/api/recontact/salt') return json(200, { salt }, { 'cache-control': 'public, max-age=86400' })
    if (req.method === 'GET' && url.pathname === '/api/recontact') {
      const hs = url.searchParams.getAll('h')
      const answered = days(url.searchParams.get('answered'))
      const dismissed = days(url.searchParams.get('dismissed'))
      if (!hs.length || hs.length > 2 || !hs.every((h) => /^[0-9a-f]{64}$/.test(h))) return json(400, { error: 'h' })
      if (answered === undefined) return json(400, { error: 'answered' })
      if (dismissed === undefined) return json(400, { error: 'dismissed' })
      if (state.delayMs) await new Promise((r) => setTimeout(r, state.delayMs))
      const now = Date.now()
      const mine = seen.filter((s) => hs.includes(s.h))
      const within = (what: string, d: number) => mine.find((s) => s.what === what && s.at > now - d * 86_400_000)
      // "asked" counts only a showing that was not answered (an answer comes after its showing).
      const answer = within('answered', answered) ?? within('dismissed', dismissed) ?? (mine.some((s) => s.what === 'answered') ? undefined : within('asked', dismissed))
      if (!res.writableEnded && !res.destroyed) {
        return json(200, answer ? { ask: false, reason: answer.what, at: new Date(answer.at).toISOString() } : { ask: true }, { 'cache-control': 'no-store' })
      }
      return
    }
    json(404, { error: 'not found' })
  })
  const listening = await listen(server)
  return { ...listening, urls, bodies, slow: (ms) => void (state.delayMs = ms) }
}
