// PGlite: PostgreSQL compiled to WebAssembly, in this process, on a folder (or in memory).
import { mkdir } from 'node:fs/promises'
import { resolve } from 'node:path'
import { ident } from './ident'
import { importOptional } from './importOptional'
import { lockDirectory } from './lock'
import type { Database, Queryable } from './types'

/** Opens PGlite on `dataDir` ('memory://…' for none), holding the folder's lock until close(). */
export async function openPglite(dataDir: string, schema?: string): Promise<Database> {
  const { PGlite } = await importOptional('@electric-sql/pglite', () => import('@electric-sql/pglite'))
  const inMemory = dataDir.startsWith('memory://')
  let release = () => {}
  if (!inMemory) {
    dataDir = resolve(dataDir)
    await mkdir(dataDir, { recursive: true })
    release = lockDirectory(dataDir)
  }
  let pglite: InstanceType<typeof PGlite>
  try {
    pglite = new PGlite(dataDir)
    await pglite.waitReady
    if (schema) await pglite.exec(`CREATE SCHEMA IF NOT EXISTS ${ident(schema)}; SET search_path TO ${ident(schema)}`)
  } catch (error) {
    release()
    throw error
  }
  let closed: Promise<void> | undefined
  // PGlite runs one statement at a time, synchronously on this thread: while a dashboard's query
  // runs, nothing else does, not even reading a request. Writes (transactions: every POST) go
  // first. A query waits for the transactions already asked for, and for a turn of the event
  // loop, so a POST that arrived meanwhile is read and queued before it: a POST waits behind at
  // most the one query that is running, however many dashboards refresh.
  let lastWrite: Promise<unknown> = Promise.resolve()
  return {
    driver: 'pglite',
    async query(sql, params) {
      await new Promise((resolve) => setImmediate(resolve))
      await lastWrite
      return pglite.query(sql, params as any[])
    },
    // PGlite runs one transaction at a time and queues the rest, which is what a single writer wants.
    transaction(fn) {
      const done = pglite.transaction((tx) => fn({ query: (sql, params) => tx.query(sql, params as any[]) } as Queryable))
      // Transactions run in order: when the last one asked for is done, so are all before it.
      lastWrite = done.catch(() => {})
      return done
    },
    close: () =>
      (closed ??= (async () => {
        try {
          await pglite.close()
        } finally {
          release()
        }
      })()),
  }
}
