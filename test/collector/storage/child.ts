// A second collector process for the tests that need one (bundled by processes.ts):
//   hold  <dataDir | url> [schema]   open the database, print "ready", wait to be killed
//   burst <dataDir | url> [schema]   upsert responses, 8 at a time, printing each id once stored
// A failure to open is printed to stderr and ends the process with exit code 1.
import { createStore, openDatabase } from '../../../src/collector/storage/index'
import { response } from './fixtures'

const [mode, target = '', schema] = process.argv.slice(2)
const options = target.startsWith('postgres') ? { url: target, ...(schema ? { schema } : {}) } : { dataDir: target }

try {
  const db = await openDatabase(options)
  process.stdout.write('ready\n')
  if (mode === 'burst') {
    const store = createStore(db)
    const writer = async (worker: number) => {
      for (let i = 0; ; i++) {
        const minute = String(i % 60).padStart(2, '0')
        const r = response({ score: (i + worker) % 11, createdAt: `2026-11-20T10:${minute}:00.000Z`, updatedAt: `2026-11-20T10:${minute}:00.000Z` })
        await store.upsertResponse(r)
        // Written to a pipe synchronously: once the parent can read the id, the upsert has committed.
        process.stdout.write(r.id + '\n')
      }
    }
    await Promise.all(Array.from({ length: 8 }, (_, worker) => writer(worker)))
  } else {
    setInterval(() => {}, 1 << 30)
  }
} catch (error) {
  process.stderr.write(String((error as Error)?.message ?? error) + '\n')
  process.exit(1)
}
