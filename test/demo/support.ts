import { createServer } from 'node:http'
import { randomUUID } from 'node:crypto'
import { createCollector, type CollectorOptions } from '../../demo/collector/index.mjs'
import { openDatabase, type Database } from '../../demo/collector/db.mjs'
import type { SurveyResponse } from '../../src/types'
import { listen, type Listening } from '../support/server'

const inCI = process.env.CI === 'true' || process.env.CI === '1'
const pgUrl = process.env.NPSKIT_TEST_DATABASE_URL

export interface Driver {
  name: 'pglite' | 'pg'
  /** A fresh, migrated, empty database (a schema of its own on a server). */
  open(): Promise<Database>
}

/**
 * The drivers to run the collector's tests against: PGlite always, PostgreSQL when
 * NPSKIT_TEST_DATABASE_URL names a server. In CI a missing server is an error, never a skip.
 */
export function drivers(): Driver[] {
  const list: Driver[] = [{ name: 'pglite', open: () => openDatabase({ dataDir: 'memory://' }) }]
  if (pgUrl) {
    list.push({
      name: 'pg',
      async open() {
        const schema = 't_' + randomUUID().replaceAll('-', '').slice(0, 16)
        const db = await openDatabase({ url: pgUrl, schema })
        const close = db.close
        return Object.assign(db, {
          async close() {
            await db.exec(`DROP SCHEMA "${schema}" CASCADE`)
            await close()
          },
        })
      },
    })
  } else {
    const message = 'NPSKIT_TEST_DATABASE_URL is not set, so the collector runs against PGlite only. Set it to postgres://… to test PostgreSQL too.'
    if (inCI) throw new Error(message + ' CI must test both drivers: .ci/run starts a PostgreSQL server.')
    console.warn('[collector tests on PostgreSQL skipped] ' + message)
  }
  return list
}

/** A collector listening for a test. */
export type Running = Listening

/** The collector on 127.0.0.1 and a random port; it stops by itself after lifetimeMs. */
export async function startCollector(options: CollectorOptions, lifetimeMs = 120_000): Promise<Running> {
  const handle = createCollector(options)
  const server = createServer((req, res) => {
    void handle(req, res).then((handled) => {
      if (!handled) res.writeHead(404).end()
    })
  })
  return listen(server, lifetimeMs)
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] }

/** A valid response as npskit sends it; override any field. */
export function response(overrides: Partial<Mutable<SurveyResponse>> = {}): SurveyResponse {
  const score = overrides.score ?? 9
  return {
    id: randomUUID(),
    surveyId: 'nps',
    score,
    category: score <= 6 ? 'detractor' : score <= 8 ? 'passive' : 'promoter',
    comment: null,
    contactConsent: false,
    journeyPoint: 'checkout-complete',
    locale: 'nb',
    question: 'Hvor sannsynlig er det at du vil anbefale Nordhandel til en venn eller kollega?',
    page: 'https://shop.example/checkout/complete',
    user: null,
    metadata: { order: 'NH-2026-100001' },
    createdAt: '2026-11-20T10:00:00.000Z',
    updatedAt: '2026-11-20T10:00:00.000Z',
    complete: false,
    sdk: { name: 'npskit', version: '0.1.0' },
    ...overrides,
  }
}

/** POSTs a body (an object is sent as JSON) and returns the status and parsed JSON answer. */
export async function post(origin: string, body: unknown, headers: Record<string, string> = {}, path = '/api/responses') {
  const res = await fetch(origin + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
  const text = await res.text()
  let json: any
  try {
    json = JSON.parse(text)
  } catch {
    json = text
  }
  return { status: res.status, headers: res.headers, body: json }
}

export async function get(origin: string, path: string, headers: Record<string, string> = {}) {
  const res = await fetch(origin + path, { headers })
  const text = await res.text()
  return { status: res.status, headers: res.headers, text, body: res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : undefined }
}
