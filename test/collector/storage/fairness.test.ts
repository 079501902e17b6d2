// Eight dashboards refreshing must not hold up the POSTs (issue #14: POST p99 within 2× of idle).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase, type Database } from '../../../src/collector/storage/index'
import { shareInFlight } from '../../../src/collector/storage/shareInFlight'

describe('PGlite: writes go before the reads already waiting', () => {
  let db: Database
  beforeAll(async () => {
    db = await openDatabase({ dataDir: 'memory://' })
  })
  afterAll(() => db?.close())

  it('runs a transaction asked for after some queries before them, and the queries after it', async () => {
    const order: string[] = []
    const reads = [1, 2, 3].map((n) => db.query(`SELECT ${n}`).then(() => order.push(`read ${n}`)))
    const write = db.transaction(async (tx) => {
      await tx.query('SELECT 0')
      order.push('write')
    })
    await Promise.all([...reads, write])
    expect(order).toEqual(['write', 'read 1', 'read 2', 'read 3'])
  })

  it('still answers queries after a transaction that failed', async () => {
    await expect(db.transaction(() => Promise.reject(new Error('no')))).rejects.toThrow('no')
    expect((await db.query<{ n: number }>('SELECT 1 AS n')).rows).toEqual([{ n: 1 }])
  })
})

describe('shareInFlight', () => {
  it('shares one computation among calls while it runs', async () => {
    let runs = 0
    const once = shareInFlight(async (x: number) => (runs++, x * 2), String)
    expect(await Promise.all([once(1), once(1), once(2)])).toEqual([2, 2, 4])
    expect(runs).toBe(2)
  })

  it('starts one key at most once per interval: a call that comes sooner waits, and one computation serves all who wait', async () => {
    const starts: number[] = []
    const limited = shareInFlight(async () => starts.push(Date.now()), () => 'view', 100)
    await limited(null)
    const [a, b] = await Promise.all([limited(null), limited(null)])
    expect(a).toBe(b)
    expect(starts).toHaveLength(2)
    expect(starts[1]! - starts[0]!).toBeGreaterThanOrEqual(99)
  })

  it('does not hold a failed computation: the next call after the interval tries again', async () => {
    let fail = true
    const limited = shareInFlight(async () => {
      if (fail) throw new Error('down')
      return 'up'
    }, () => 'k', 20)
    await expect(limited(null)).rejects.toThrow('down')
    fail = false
    expect(await limited(null)).toBe('up')
  })
})
