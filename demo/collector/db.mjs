// Storage for the collector: one small interface over two drivers that run the same SQL.
//   - PGlite (PostgreSQL compiled to WebAssembly) in a folder, so the demo needs nothing installed;
//   - `pg` against a real PostgreSQL server when a connection URL is given (DATABASE_URL).
// Both answer `query(sql, params) → { rows }`; `transaction(fn)` runs fn with such a query.
import { readdir, readFile, mkdir } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { join } from 'node:path'

const migrationsDir = fileURLToPath(new URL('./migrations/', import.meta.url))

/**
 * Opens the database and applies the migrations that have not run yet.
 * @param {{ url?: string, dataDir?: string, schema?: string }} options
 *   url: postgres://… for a server; otherwise dataDir: a folder for PGlite, or 'memory://'.
 *   schema: run everything in this schema (created if missing); tests use one per run.
 */
export async function openDatabase(options = {}) {
  const db = options.url ? await openPg(options.url, options.schema) : await openPglite(options.dataDir ?? 'memory://', options.schema)
  try {
    await migrate(db)
  } catch (error) {
    await db.close()
    throw error
  }
  return db
}

async function openPglite(dataDir, schema) {
  const { PGlite } = await import('@electric-sql/pglite')
  if (!dataDir.startsWith('memory://')) await mkdir(dataDir, { recursive: true })
  const pglite = new PGlite(dataDir)
  await pglite.waitReady
  if (schema) await pglite.exec(`CREATE SCHEMA IF NOT EXISTS ${ident(schema)}; SET search_path TO ${ident(schema)}`)
  return {
    driver: 'pglite',
    query: (sql, params) => pglite.query(sql, params),
    exec: (sql) => pglite.exec(sql),
    transaction: (fn) => pglite.transaction((tx) => fn({ query: (sql, params) => tx.query(sql, params), exec: (sql) => tx.exec(sql) })),
    close: () => pglite.close(),
  }
}

async function openPg(url, schema) {
  const { default: pg } = await import('pg')
  const config = { connectionString: url, max: 5 }
  if (schema) config.options = `-c search_path=${ident(schema)}`
  const pool = new pg.Pool(config)
  // An idle client that loses its server must not crash the process.
  pool.on('error', (error) => console.warn('[collector] database connection lost:', error.message))
  if (schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${ident(schema)}`)
  return {
    driver: 'pg',
    query: (sql, params) => pool.query(sql, params),
    exec: (sql) => pool.query(sql),
    async transaction(fn) {
      const client = await pool.connect()
      try {
        await client.query('BEGIN')
        const result = await fn({ query: (sql, params) => client.query(sql, params), exec: (sql) => client.query(sql) })
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

function ident(name) {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new RangeError(`Not a plain SQL identifier: ${name}`)
  return '"' + name + '"'
}

/**
 * Applies migrations/*.sql in name order, each once, each in its own transaction, and records
 * it in schema_migrations. An advisory lock keeps two processes starting together from racing.
 */
export async function migrate(db) {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    name text PRIMARY KEY,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`)
  const files = (await readdir(migrationsDir)).filter((name) => name.endsWith('.sql')).sort()
  const applied = []
  for (const name of files) {
    const sql = await readFile(join(migrationsDir, name), 'utf8')
    const ran = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(4242001)')
      const done = await tx.query('SELECT 1 FROM schema_migrations WHERE name = $1', [name])
      if (done.rows.length) return false
      await tx.exec(sql)
      await tx.query('INSERT INTO schema_migrations (name) VALUES ($1)', [name])
      return true
    })
    if (ran) applied.push(name)
  }
  return applied
}
