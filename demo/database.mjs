// Which database the demo uses: PostgreSQL at DATABASE_URL when set, otherwise PGlite in
// .data/pglite (DEMO_DATA_DIR to change it; 'memory://' for a throwaway one). The collector's
// openDatabase refuses a folder another process has open, naming that process.
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { openDatabase } from '../dist/collector.js'

const root = fileURLToPath(new URL('..', import.meta.url))

/**
 * Where the demo's database is, without opening it: openDatabase's options, the driver, and a
 * description for the start-up message (a URL's password left out).
 */
export function demoDatabase(env = process.env) {
  if (env.DATABASE_URL) return { options: { url: env.DATABASE_URL }, driver: 'postgres', where: 'PostgreSQL at ' + env.DATABASE_URL.replace(/\/\/[^@/]*@/, '//…@') }
  const dataDir = env.DEMO_DATA_DIR || join(root, '.data', 'pglite')
  if (dataDir.startsWith('memory://')) return { options: { dataDir }, driver: 'pglite', where: 'PGlite in memory' }
  const path = resolve(dataDir)
  return { options: { dataDir: path }, driver: 'pglite', where: 'PGlite in ' + path }
}

export async function openDemoDatabase(env = process.env) {
  const { options, where } = demoDatabase(env)
  return { db: await openDatabase(options), where }
}
