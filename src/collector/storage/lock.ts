// One writer per PGlite directory. PGlite is PostgreSQL inside one process, with no postmaster to
// keep a second process out: two collectors on one folder each keep their own buffers and WAL,
// overwrite each other's pages and lose acknowledged responses. A lock file in the folder, made
// with O_EXCL, names the process that holds it.
import { randomUUID } from 'node:crypto'
import { linkSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'

/** The lock file's name inside the data directory. */
export const LOCK_FILE = 'npskit-collector.lock'

interface Owner {
  pid: number
  host: string
  /** Linux: the boot this process runs in and when it started, so a reused pid is not mistaken for the owner. */
  boot?: string
  start?: string
  token: string
  since: string
}

// Locks this process holds: a second openDatabase() on the same folder in one process is refused too.
const held = new Map<string, string>()

/**
 * Takes the directory's lock for this process, or throws an Error naming the process that has it.
 * A lock left by a process that is gone (killed, crashed, or the machine rebooted) is taken over.
 * Returns the function that releases it (also run when the process exits).
 *
 * @example
 * const release = lockDirectory('/var/lib/npskit')
 * // … use PGlite …
 * release()
 */
export function lockDirectory(dir: string): () => void {
  const file = join(dir, LOCK_FILE)
  const me: Owner = { pid: process.pid, host: hostname(), ...processIdentity(process.pid), token: randomUUID(), since: new Date().toISOString() }
  for (let attempt = 0; ; attempt++) {
    if (create(file, JSON.stringify(me) + '\n')) break
    if (attempt > 5) throw new Error(`Could not take the lock ${file}: it keeps changing hands`)
    const text = readText(file)
    if (text === undefined) continue // released meanwhile: try again
    const owner = parse(text)
    if (owner && isAlive(owner, file)) {
      throw new Error(
        `The data directory ${dir} is in use by process ${owner.pid} on ${owner.host} (since ${owner.since}). ` +
          'One process at a time may open a PGlite directory: stop the other collector first, or use PostgreSQL ' +
          `(DATABASE_URL) to run several. If no such process exists any more, delete ${file}.`,
      )
    }
    takeOver(file, text)
  }
  held.set(file, me.token)
  let released = false
  const release = () => {
    if (released) return
    released = true
    process.off('exit', release)
    held.delete(file)
    // Only our own lock: never a file another process wrote after taking over a lock we lost.
    if (parse(readText(file) ?? '')?.token === me.token) unlinkQuietly(file)
  }
  process.on('exit', release)
  return release
}

/**
 * Creates the lock with its content in one step: the text goes to a file of our own (O_EXCL), which
 * is then hard-linked to the lock's name. link() fails when the name exists, so no process ever
 * reads a half-written lock and mistakes it for a stale one.
 */
function create(file: string, text: string): boolean {
  const own = `${file}.${process.pid}.${randomUUID()}`
  writeFileSync(own, text, { flag: 'wx', mode: 0o644 })
  try {
    linkSync(own, file)
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw error
  } finally {
    unlinkQuietly(own)
  }
}

/**
 * Moves a stale lock out of the way. Renaming is atomic, so of two processes that found the same
 * stale lock only one moves it; the one that instead moved a fresh lock puts it back.
 */
function takeOver(file: string, staleText: string): void {
  const aside = `${file}.${process.pid}.${randomUUID()}`
  try {
    renameSync(file, aside)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return
    throw error
  }
  if (readText(aside) !== staleText) {
    try {
      linkSync(aside, file)
    } catch {
      // Someone holds the lock again; theirs stands, and ours will be refused on the next attempt.
    }
  }
  unlinkQuietly(aside)
}

function isAlive(owner: Owner, file: string): boolean {
  if (owner.host !== hostname()) return true // another machine's process: we cannot tell, so it is alive
  const mine = processIdentity(owner.pid)
  if (owner.boot && mine.boot && owner.boot !== mine.boot) return false // written before a reboot
  if (owner.pid === process.pid) return held.has(file) // the same pid after a restart in a container
  try {
    process.kill(owner.pid, 0)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false
  }
  // The pid runs, but is it the same process? Where /proc tells its start time, compare it.
  return !(owner.start && mine.start && owner.start !== mine.start)
}

/** The boot id and the process's start time (clock ticks since boot) on Linux; nothing elsewhere. */
function processIdentity(pid: number): { boot?: string; start?: string } {
  try {
    const boot = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim()
    // Field 22 of /proc/<pid>/stat, counted after the command name (which may contain spaces).
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const start = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]
    return start ? { boot, start } : { boot }
  } catch {
    return {}
  }
}

function parse(text: string): Owner | undefined {
  try {
    const owner = JSON.parse(text) as Owner
    return Number.isInteger(owner?.pid) && typeof owner.host === 'string' ? owner : undefined
  } catch {
    return undefined
  }
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}

function unlinkQuietly(file: string): void {
  try {
    unlinkSync(file)
  } catch {
    // already gone
  }
}
