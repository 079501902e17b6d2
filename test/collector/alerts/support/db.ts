import { randomUUID } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import pg from 'pg'
import { migrateAlerts } from '../../../../src/collector/alerts/index'
import type { AlertsDatabase } from '../../../../src/collector/alerts/index'

const inCI = process.env.CI === 'true' || process.env.CI === '1'
export const pgUrl = process.env.NPSKIT_TEST_DATABASE_URL

/** A test database: the alerts' view of it, plus a way to drop it. */
export interface TestDatabase extends AlertsDatabase {
  close(): Promise<void>
}

export interface Driver {
  readonly name: 'pglite' | 'pg'
  /** A fresh database with the outbox and a tiny responses table (a schema of its own on a server). */
  open(): Promise<TestDatabase>
}

/** Wraps a PGlite in the alerts' interface. */
export function wrapPglite(pglite: PGlite): TestDatabase {
  return {
    driver: 'pglite',
    query: async (sql, params) => pglite.query(sql, params as unknown[]) as never,
    transaction: (fn) => pglite.transaction((tx) => fn({ query: async (sql, params) => tx.query(sql, params as unknown[]) as never })),
    close: () => pglite.close(),
  }
}

/** Wraps a `pg` pool in the alerts' interface, every connection in `schema`. */
export function wrapPool(url: string, schema: string, max = 5): TestDatabase {
  const pool = new pg.Pool({ connectionString: url, max, options: `-c search_path=${schema}` })
  pool.on('error', () => {})
  return {
    driver: 'postgres',
    query: async (sql, params) => pool.query(sql, params as unknown[]) as never,
    async transaction(fn) {
      const client = await pool.connect()
      try {
        await client.query('BEGIN')
        const result = await fn({ query: async (sql, params) => client.query(sql, params as unknown[]) as never })
        await client.query('COMMIT')
        return result
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {})
        throw error
      } finally {
        client.release()
      }
    },
    close: () => pool.end(),
  }
}

/** Creates the outbox and the stand-in for the collector's responses table. */
export async function prepare(db: AlertsDatabase): Promise<void> {
  await migrateAlerts(db)
  await db.query(`CREATE TABLE IF NOT EXISTS responses (id text PRIMARY KEY, updated_at timestamptz NOT NULL, complete boolean NOT NULL)`)
}

/** A new, empty schema on the test server; dropped by the returned function. */
export async function createSchema(url: string): Promise<{ schema: string; drop(): Promise<void> }> {
  const schema = 'alerts_' + randomUUID().replaceAll('-', '').slice(0, 16)
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  await admin.query(`CREATE SCHEMA ${schema}`)
  await admin.end()
  return {
    schema,
    async drop() {
      const client = new pg.Client({ connectionString: url })
      await client.connect()
      await client.query(`DROP SCHEMA ${schema} CASCADE`)
      await client.end()
    },
  }
}

/** A PGlite data directory of its own, removed by the returned function. */
export async function tempDir(): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'npskit-alerts-'))
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) }
}

/**
 * PGlite always, PostgreSQL when NPSKIT_TEST_DATABASE_URL names a server. In CI a missing server
 * is an error, never a skip.
 */
export function drivers(): Driver[] {
  const list: Driver[] = [{
    name: 'pglite',
    async open() {
      const db = wrapPglite(await PGlite.create())
      await prepare(db)
      return db
    },
  }]
  if (pgUrl) {
    const url = pgUrl
    list.push({
      name: 'pg',
      async open() {
        const { schema, drop } = await createSchema(url)
        const db = wrapPool(url, schema)
        await prepare(db)
        return { ...db, close: async () => { await db.close(); await drop() } }
      },
    })
  } else {
    const message = 'NPSKIT_TEST_DATABASE_URL is not set, so the alerts run against PGlite only.'
    if (inCI) throw new Error(message + ' CI must test both drivers.')
    console.warn('[alerts tests on PostgreSQL skipped] ' + message)
  }
  return list
}
