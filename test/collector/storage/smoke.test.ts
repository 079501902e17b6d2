import { describe, expect, it } from 'vitest'
import { createStore } from '../../../src/collector/storage/index'
import { drivers } from '../drivers'
import { response } from './fixtures'

describe.each(drivers())('storage smoke on $name', (driver) => {
  it('stores, lists and summarises', async () => {
    const db = await driver.open()
    const store = createStore(db)
    expect(await store.upsertResponse(response())).toBe('created')
    expect((await store.listResponses({}, { page: 1, pageSize: 10 })).total).toBe(1)
    const s = await store.summary({ from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z', timeZone: 'Europe/Oslo' })
    expect(s.tally.total).toBe(1)
    await db.close()
  })
})
