// PostgreSQL through `pg`: a pool, transactions on one client each.
import { ident } from './ident'
import { importOptional } from './importOptional'
import type { Database, Queryable } from './types'

// The part of `pg` used here (the project does not depend on @types/pg).
interface PgClient {
  query(sql: string, params?: readonly unknown[]): Promise<{ rows: any[] }>
  release(error?: Error | boolean): void
}
interface PgPool {
  query(sql: string, params?: readonly unknown[]): Promise<{ rows: any[] }>
  connect(): Promise<PgClient>
  end(): Promise<void>
  on(event: 'error', listener: (error: Error) => void): void
}
interface PgModule {
  Pool: new (config: Record<string, unknown>) => PgPool
}

/** Opens a pool on `url`; with `schema`, every connection works in that schema (created if missing). */
export async function openPostgres(url: string, schema?: string): Promise<Database> {
  // `as string`: the project has no @types/pg; the emitted JavaScript is a plain import('pg').
  const pg: { default: PgModule } = await importOptional('pg', () => import('pg' as string))
  const config: Record<string, unknown> = { connectionString: url, max: 10 }
  if (schema) config.options = `-c search_path=${ident(schema)}`
  const pool = new pg.default.Pool(config)
  // An idle client that loses its server must not end the process; the next query reconnects.
  pool.on('error', (error) => console.warn('[npskit collector] database connection lost:', error.message))
  let closed: Promise<void> | undefined
  try {
    if (schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${ident(schema)}`)
    else await pool.query('SELECT 1')
  } catch (error) {
    await pool.end().catch(() => {})
    throw error
  }
  return {
    driver: 'postgres',
    query: (sql, params) => pool.query(sql, params),
    async transaction(fn) {
      const client = await pool.connect()
      const tx: Queryable = { query: (sql, params) => client.query(sql, params) }
      try {
        await client.query('BEGIN')
        const result = await fn(tx)
        await client.query('COMMIT')
        client.release()
        return result
      } catch (error) {
        // A client whose ROLLBACK fails is broken: destroy it instead of returning it to the pool.
        await client.query('ROLLBACK').then(
          () => client.release(),
          (rollbackError: Error) => client.release(rollbackError),
        )
        throw error
      }
    },
    close: () => (closed ??= pool.end()),
  }
}
