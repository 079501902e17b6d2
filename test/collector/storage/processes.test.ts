import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

// Each test starts PGlite two or three times, in processes of its own: slow on a busy machine.
const slow = { timeout: 180_000 }
import { LOCK_FILE, openDatabase, type Database } from '../../../src/collector/storage/index'
import { drivers, freshSchema, pgUrl } from '../drivers'
import { startChild } from './processes'

const dirs: string[] = []
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'npskit-storage-'))
  dirs.push(dir)
  return dir
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

describe('one writer per PGlite directory', () => {
  it('refuses a second process on the same directory, naming the process that has it', slow, async () => {
    const dir = tempDir()
    const first = await startChild(['hold', dir])
    try {
      await first.waitFor((line) => line === 'ready')
      const second = await startChild(['hold', dir])
      expect(await second.exited).toBe(1)
      expect(second.stderr()).toContain(`The data directory ${dir} is in use by process ${first.process.pid}`)
      expect(second.lines).not.toContain('ready')
      // And in this process, too.
      await expect(openDatabase({ dataDir: dir })).rejects.toThrow(`in use by process ${first.process.pid}`)
    } finally {
      first.process.kill('SIGKILL')
      await first.exited
    }
    // The holder was killed and left its lock behind: the next process sees that it is gone.
    expect(existsSync(join(dir, LOCK_FILE))).toBe(true)
    const db = await openDatabase({ dataDir: dir })
    await db.close()
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false)
  })

  it('refuses a second open of one directory in the same process, and frees it on close', slow, async () => {
    const dir = tempDir()
    const db = await openDatabase({ dataDir: dir })
    await expect(openDatabase({ dataDir: join(dir, '.') })).rejects.toThrow(`in use by process ${process.pid}`)
    await db.close()
    await db.close() // twice is harmless
    const again = await openDatabase({ dataDir: dir })
    await again.close()
  })
})

/** Where a child process and this one meet: a PGlite folder, or a schema on the server. */
async function sharedDatabase(name: 'pglite' | 'postgres'): Promise<{ args: string[]; open: () => Promise<Database>; drop: () => Promise<void> }> {
  if (name === 'pglite') {
    const dir = tempDir()
    return { args: [dir], open: () => openDatabase({ dataDir: dir }), drop: async () => {} }
  }
  const schema = freshSchema()
  const open = () => openDatabase({ url: pgUrl!, schema })
  await (await open()).close()
  return {
    args: [pgUrl!, schema],
    open,
    drop: async () => {
      const db = await open()
      await db.query(`DROP SCHEMA "${schema}" CASCADE`)
      await db.close()
    },
  }
}

describe.each(drivers())('a kill -9 during a write burst on $name', ({ name }) => {
  it('loses no acknowledged response, and the counts still match the rows', slow, async () => {
    const shared = await sharedDatabase(name)
    const writer = await startChild(['burst', ...shared.args])
    try {
      // The child opens the database itself; once it has acknowledged 400 writes, it dies mid-burst.
      await writer.waitFor((_, number) => number > 400)
    } finally {
      writer.process.kill('SIGKILL')
    }
    expect(await writer.exited).toBeNull()
    const acknowledged = writer.lines.slice(1)
    expect(acknowledged.length).toBeGreaterThanOrEqual(400)
    const db = await shared.open()
    try {
      const { rows } = await db.query<{ id: string }>('SELECT id FROM responses WHERE id = ANY($1::uuid[])', [acknowledged])
      expect(new Set(rows.map((r) => r.id)).size).toBe(acknowledged.length)
      const counted = await db.query<{ n: number }>('SELECT coalesce(sum(n), 0)::int AS n FROM response_counts WHERE span = 1440 AND rollup = 3')
      const stored = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM responses')
      expect(counted.rows[0]!.n).toBe(stored.rows[0]!.n)
    } finally {
      await db.close()
      await shared.drop()
    }
  })
})
