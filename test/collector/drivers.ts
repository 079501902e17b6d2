// The databases every collector test runs on: PGlite always, and PostgreSQL when
// NPSKIT_TEST_DATABASE_URL names a server (a schema of its own per database opened, dropped on
// close). In CI a missing server is an error, never a skip.
import { randomUUID } from 'node:crypto'
import { openDatabase, type Database } from '../../src/collector/storage/index'

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
