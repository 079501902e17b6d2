import { migrate } from './migrate'
import { openPglite } from './pglite'
import { openPostgres } from './postgres'
import type { Database, OpenOptions } from './types'

/**
 * Opens the collector's database and brings its tables up to date: PostgreSQL through `pg` when
 * `url` is given, otherwise PGlite in `dataDir` (one process per folder: a second one is refused
 * with an Error naming the first) or in memory. Each driver is an optional peer dependency; a
 * missing one is an Error that says `npm install …`.
 *
 * @throws RangeError for a `schema` that is not a plain identifier; TypeError for bad options.
 * @example
 * const db = await openDatabase({ url: process.env.DATABASE_URL, dataDir: './npskit-data' })
 * const store = createStore(db)
 */
export async function openDatabase(options: OpenOptions = {}): Promise<Database> {
  const { url, dataDir, schema } = Object(options) as OpenOptions
  for (const [name, value] of Object.entries({ url, dataDir, schema })) {
    if (value !== undefined && (typeof value !== 'string' || value === '')) {
      throw new TypeError(`${name} must be a non-empty string, not ${JSON.stringify(value)}`)
    }
  }
  const db = url ? await openPostgres(url, schema) : await openPglite(dataDir ?? 'memory://', schema)
  try {
    await migrate(db)
  } catch (error) {
    await db.close()
    throw error
  }
  return db
}
