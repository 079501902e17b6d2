// The databases every collector test runs on: PGlite always, and PostgreSQL when
// NPSKIT_TEST_DATABASE_URL names a server (a schema of its own per database opened, dropped on
// close). In CI a missing server is an error, never a skip.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, beforeEach } from 'vitest'
import { createStore, openDatabase, type Database, type Store } from '../../src/collector/storage/index'

const inCI = process.env.CI === 'true' || process.env.CI === '1'
export const pgUrl = process.env.NPSKIT_TEST_DATABASE_URL

export interface Driver {
  name: 'pglite' | 'postgres'
  /** A fresh, migrated, empty database. */
  open(): Promise<Database>
}

/** A schema name no other test run uses. */
export const freshSchema = () => 't_' + randomUUID().replaceAll('-', '').slice(0, 16)

export function drivers(): Driver[] {
  const list: Driver[] = [{ name: 'pglite', open: () => openDatabase({ dataDir: 'memory://' }) }]
  if (pgUrl) {
    list.push({
      name: 'postgres',
      async open() {
        const schema = freshSchema()
        const db = await openDatabase({ url: pgUrl, schema })
        const close = db.close
        return Object.assign(db, {
          async close() {
            await db.query(`DROP SCHEMA "${schema}" CASCADE`)
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

/**
 * The storage tests' shared setup: one database and store per `describe` on `driver`, closed
 * after it, with the responses (and, through its triggers, the counts and audit trail) emptied
 * before each test. Read `db` and `store` inside the tests: they exist once `beforeAll` has run.
 *
 * @example
 * describe.each(drivers())('the store on $name', (driver) => {
 *   const ctx = useStore(driver)
 *   it('…', async () => expect(await ctx.store.upsertResponse(response())).toBe('created'))
 * })
 */
export function useStore(driver: Driver): { readonly db: Database; readonly store: Store } {
  let opened: { db: Database; store: Store } | undefined
  const get = () => {
    if (!opened) throw new Error(`useStore: the ${driver.name} database is not open yet; read ctx.db and ctx.store inside a test or hook`)
    return opened
  }
  beforeAll(async () => {
    const db = await driver.open()
    opened = { db, store: createStore(db) }
  })
  afterAll(() => opened?.db.close())
  beforeEach(() => get().db.query('TRUNCATE responses'))
  return {
    get db() {
      return get().db
    },
    get store() {
      return get().store
    },
  }
}
