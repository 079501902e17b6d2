import { randomUUID } from 'node:crypto'
import { createAlarm } from './alarm'
import type { Attempt } from './attempt'
import { retryDelay } from './backoff'
import { alertContent } from './content'
import type { ResolvedAlertOptions, Target } from './options'
import { claim, failOrphans, prune, settleFailed, settleSent, type Claimed } from './outbox'
import type { Mailer } from './smtp'
import type { AlertsDatabase } from './types'
import { postWebhook } from './webhook'

/** The process-local part of the alerts: claims due rows and delivers them. */
export interface AlertWorker {
  start(mailer: Mailer | null): void
  /** Stops claiming, and waits for the alerts being sent to be settled. */
  stop(): Promise<void>
  /**
   * An alert became due in a transaction not committed yet: look soon, or at `wake()`. With
   * `inMs`, it falls due that much later (a bare score's window): look then.
   */
  due(inMs?: number): void
  /** Looks for due alerts now, if `due()` was called since the last look (the transaction committed). */
  wake(): void
}

const hour = 3_600_000

/**
 * A worker: looks for due alerts when woken, when an alert it knows of falls due (a window that
 * ends, a retry) and every `pollMs` (alerts stored by other processes); sends up to
 * `concurrency` alerts at once, each under a lease. The timers are unref'd: a worker never keeps
 * a process alive.
 */
export function createWorker(db: AlertsDatabase, options: ResolvedAlertOptions): AlertWorker {
  const id = randomUUID()
  const targets = new Map<string, Target>(options.targets.map((t) => [t.key, t]))
  const keys = [...targets.keys()]
  const inFlight = new Set<Promise<void>>()
  let mailer: Mailer | null = null
  let running = false
  let claiming = false
  let again = false
  let poll: ReturnType<typeof setInterval> | undefined
  let lastSweep = 0
  let followUp: ReturnType<typeof setTimeout> | null = null
  let dueSoon = false
  // Without it, a bare score's alert waited for the next poll after its window: up to pollMs more.
  const alarm = createAlarm(() => kick())

  async function deliver(row: Claimed): Promise<void> {
    const target = targets.get(row.target)!
    const content = alertContent(row.payload, row.kind, options.wording, options.inboxUrl(row.responseId))
    let attempt: Attempt
    try {
      attempt = target.kind === 'email'
        ? await mailer!.send(target.url, target.from, target.to, content)
        : await postWebhook(target.url, content, options)
    } catch (error) {
      attempt = { ok: false, permanent: false, retryAfterMs: null, error: error instanceof Error ? error.name : 'error' }
    }
    if (attempt.ok) {
      if (!(await settleSent(db, id, row))) options.log(`[alerts] ${row.responseId}.${row.kind} to ${target.label}: sent after its lease ran out`)
      return
    }
    const delayMs = attempt.retryAfterMs ?? retryDelay(row.attempts, options.retryBaseMs, options.retryMaxMs)
    const outcome = await settleFailed(db, id, row, { ...attempt, delayMs, giveUpAfterMs: options.giveUpAfterMs })
    if (outcome === 'retry') alarm.set(delayMs)
    const then = outcome === 'failed' ? 'given up' : outcome === 'retry' ? `retry in ${Math.round(delayMs / 1000)} s` : outcome === 'cancelled' ? 'cancelled meanwhile' : 'lease lost'
    options.log(`[alerts] ${row.responseId}.${row.kind} to ${target.label}: ${attempt.error}, ${then}`)
  }

  async function fill(): Promise<void> {
    while (running && inFlight.size < options.concurrency) {
      const limit = options.concurrency - inFlight.size
      const rows = await claim(db, id, keys, limit, options.leaseMs)
      for (const row of rows) {
        const sending: Promise<void> = deliver(row)
          .catch((error: unknown) => options.log(`[alerts] ${row.responseId}.${row.kind}: could not record the attempt (${error instanceof Error ? error.message : 'error'})`))
          .finally(() => {
            inFlight.delete(sending)
            kick()
          })
        inFlight.add(sending)
      }
      // Fewer than asked for: nothing else is due now, and asking again would only cost a query.
      if (rows.length < limit) return
    }
  }

  // One claim loop at a time; a kick during it runs it once more, so nothing due is left behind.
  function kick(): void {
    if (!running) return
    if (claiming) {
      again = true
      return
    }
    claiming = true
    again = false
    fill()
      .then(() => sweep())
      .catch((error: unknown) => options.log(`[alerts] could not claim alerts (${error instanceof Error ? error.message : 'error'}); retrying`))
      .finally(() => {
        claiming = false
        if (again) kick()
      })
  }

  // Only an answer that made an alert due is worth a claim; the others wait for the poll.
  function wake(): void {
    if (!dueSoon) return
    dueSoon = false
    kick()
  }

  async function sweep(): Promise<void> {
    if (Date.now() - lastSweep < hour) return
    lastSweep = Date.now()
    await failOrphans(db, keys, options.giveUpAfterMs)
    await prune(db, 7 * 24 * hour, 30 * 24 * hour)
  }

  return {
    start(m) {
      if (running) return
      mailer = m
      running = true
      poll = setInterval(kick, options.pollMs)
      poll.unref?.()
      kick()
    },
    async stop() {
      running = false
      clearInterval(poll)
      alarm.clear()
      if (followUp) clearTimeout(followUp)
      followUp = null
      while (claiming || inFlight.size > 0) await Promise.race([...inFlight, new Promise((r) => setTimeout(r, 10))])
    },
    due(inMs = 0) {
      if (inMs > 0) {
        if (running) alarm.set(inMs)
        return
      }
      dueSoon = true
      // For a caller that never calls wake(): look a moment later, once for all the alerts of
      // those 50 ms, so a burst of answers is not a burst of claims.
      if (followUp) return
      followUp = setTimeout(() => {
        followUp = null
        wake()
      }, 50)
      followUp.unref?.()
    },
    wake,
  }
}
