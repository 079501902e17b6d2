import type { Context } from '../context'
import { describeError } from '../log'

// When each collector last looked for held link answers that are due.
const lastSweep = new WeakMap<Context, number>()

/**
 * Records the held link answers that are due: after `delayMs` (a held answer's window), or now when
 * the last look is a window old. Any landing request looks, and so does a collector when it starts:
 * answers held by a process that stopped (or by another process on the same database) are recorded
 * without waiting for a timer of their own. Failures are logged, never thrown: the next look retries.
 */
export function commitSoon(ctx: Context, delayMs?: number): void {
  const links = ctx.links
  if (!links) return
  const now = Date.now()
  if (delayMs === undefined && now - (lastSweep.get(ctx) ?? 0) < links.windowMs) return
  const run = () => {
    lastSweep.set(ctx, Date.now())
    const alerts = ctx.options.alerts
    ctx.store
      .commitLinkAnswers(alerts ? { inTransaction: (tx, response, outcome) => alerts.enqueue(tx, response, outcome) } : {})
      .then((count) => count > 0 && alerts?.wake())
      .catch((error: unknown) => ctx.options.log(`[npskit collector] recording held link answers failed: ${describeError(error)}`))
  }
  if (delayMs === undefined) run()
  else setTimeout(run, delayMs + 50).unref()
}
