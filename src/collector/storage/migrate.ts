import { migrations as all, type Migration } from './migrations/index'
import type { Database } from './types'

// Any constant; the same in every process that migrates this database.
const MIGRATION_LOCK = 4242001

/**
 * Applies the migrations that have not run yet, each once, each in its own transaction, and
 * records each in schema_migrations. An advisory lock keeps two processes starting together (on
 * one PostgreSQL) from racing. Returns the names it applied.
 *
 * @example
 * await migrate(db) // → ['001_responses.sql', …] on a new database, [] after that
 */
export async function migrate(db: Database, migrations: readonly Migration[] = all): Promise<string[]> {
  await db.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
    name text PRIMARY KEY,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`)
  const applied: string[] = []
  for (const { name, statements } of migrations) {
    const ran = await db.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`)
      const done = await tx.query('SELECT 1 FROM schema_migrations WHERE name = $1', [name])
      if (done.rows.length) return false
      for (const sql of statements) await tx.query(sql)
      await tx.query('INSERT INTO schema_migrations (name) VALUES ($1)', [name])
      return true
    })
    if (ran) applied.push(name)
  }
  return applied
}
