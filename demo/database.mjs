// Which database the demo uses: PostgreSQL at DATABASE_URL when set, otherwise PGlite in
// .data/pglite (DEMO_DATA_DIR to change it; 'memory://' for a throwaway one).
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { openDatabase } from './collector/db.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))

function isRunning(pid) {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return error.code === 'EPERM'
  }
}

/**
 * PGlite is one process's database: a second process opening the same folder would corrupt it.
 * A lock file beside the folder names the process that has it.
 */
function lock(dataDir) {
  const file = join(dirname(dataDir), '.' + dataDir.split(/[\\/]/).pop() + '.lock')
  if (existsSync(file)) {
    const pid = Number(readFileSync(file, 'utf8'))
    if (pid && pid !== process.pid && isRunning(pid)) {
      throw new Error(`${dataDir} is in use by process ${pid} (is the demo running? stop it first, or set DATABASE_URL).`)
    }
  }
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, String(process.pid))
  const release = () => rmSync(file, { force: true })
  process.once('exit', release)
  return release
}

export async function openDemoDatabase(env = process.env) {
  if (env.DATABASE_URL) {
    const db = await openDatabase({ url: env.DATABASE_URL })
    return { db, where: 'PostgreSQL at ' + env.DATABASE_URL.replace(/\/\/[^@/]*@/, '//…@') }
  }
  const dataDir = env.DEMO_DATA_DIR || join(root, '.data', 'pglite')
  if (dataDir.startsWith('memory://')) return { db: await openDatabase({ dataDir }), where: 'PGlite in memory' }
  const path = resolve(dataDir)
  const release = lock(path)
  const db = await openDatabase({ dataDir: path })
  const close = db.close
  db.close = async () => {
    await close()
    release()
  }
  return { db, where: 'PGlite in ' + path }
}
