// Types for TypeScript users (and this repository's tests) of the plain-JavaScript collector.
export interface Queryable {
  query<Row = Record<string, any>>(sql: string, params?: unknown[]): Promise<{ rows: Row[] }>
  exec(sql: string): Promise<unknown>
}
export interface Database extends Queryable {
  readonly driver: 'pglite' | 'pg'
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>
  close(): Promise<void>
}
export interface OpenOptions {
  /** postgres://… to use a PostgreSQL server through `pg`. */
  url?: string
  /** Without url: a folder for PGlite, or 'memory://' [memory]. */
  dataDir?: string
  /** Run in this schema, created if missing. */
  schema?: string
}
export function openDatabase(options?: OpenOptions): Promise<Database>
/** Applies the migrations not yet applied; returns their file names. */
export function migrate(db: Database): Promise<string[]>
