// The built collector (dist/collector.js) with email links on, for the landing page's browser tests:
// a link maker and a look at what was stored.
import { listen } from './server'

type CollectorModule = typeof import('../../src/collector')
export const linkSecret = 'Qm9yZ2VuLWxhbmRpbmctdGVzdC1zZWNyZXQtMzItYnl0ZXMh'
let order = 5000

export interface LandingCollector {
  readonly origin: string
  readonly collector: CollectorModule
  /** A new signed link (an order of its own) to a Norwegian survey. */
  link(): ReturnType<CollectorModule['signSurveyLink']>
  /** The stored responses of a link (its one response, or none). */
  rows(token: string): Promise<Record<string, any>[]>
  query(sql: string, params?: unknown[]): Promise<Record<string, any>[]>
  close(): Promise<void>
}

export async function startLandingCollector(windowMs: number): Promise<LandingCollector> {
  // A path in a variable: the built package, which the type check (run before the build) does not see.
  const dist = '../../dist/collector.js'
  const collector = (await import(/* @vite-ignore */ dist)) as CollectorModule
  const { linkResponseId } = await import('../../src/collector/landing/responseId')
  const db = await collector.openDatabase({ dataDir: 'memory://' })
  const handler = collector.createCollector({ store: collector.createStore(db), links: { secret: linkSecret, brand: 'Nordhandel', windowMs }, log: () => {} })
  const server = await listen(collector.createCollectorServer(handler), 300_000)
  const query = async (sql: string, params: unknown[] = []) => (await db.query(sql, params)).rows
  return {
    origin: server.origin,
    collector,
    link: () =>
      collector.signSurveyLink({ secret: linkSecret, baseUrl: server.origin, orderId: `NH-${++order}`, email: 'kari@example.com', locale: 'nb', journeyPoint: 'order-delivered', expiresInDays: 30 }),
    rows: (token) => query('SELECT * FROM responses WHERE id = $1', [linkResponseId(token)]),
    query,
    async close() {
      await server.close()
      await db.close()
    },
  }
}
