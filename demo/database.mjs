// Which database the demo uses: PostgreSQL at DATABASE_URL when set, otherwise PGlite in
// .data/pglite (DEMO_DATA_DIR to change it; 'memory://' for a throwaway one). The collector's
// openDatabase refuses a folder another process has open, naming that process.
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { openDatabase } from '../dist/collector.js'

const root = fileURLToPath(new URL('..', import.meta.url))

export async function openDemoDatabase(env = process.env) {
  if (env.DATABASE_URL) {
    const db = await openDatabase({ url: env.DATABASE_URL })
    return { db, where: 'PostgreSQL at ' + env.DATABASE_URL.replace(/\/\/[^@/]*@/, '//…@') }
  }
  const dataDir = env.DEMO_DATA_DIR || join(root, '.data', 'pglite')
  if (dataDir.startsWith('memory://')) return { db: await openDatabase({ dataDir }), where: 'PGlite in memory' }
  const path = resolve(dataDir)
  return { db: await openDatabase({ dataDir: path }), where: 'PGlite in ' + path }
}
