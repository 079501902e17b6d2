// The inbox's follow-up in storage: states, the audit trail, the inbox order, the old
// followed-up flag, and the time from answer to first contact against figures worked out by hand.
import { describe, expect, it } from 'vitest'
import { createStore, migrate } from '../../../src/collector/storage/index'
import { drivers, useStore } from '../drivers'
import { response } from './fixtures'

const MIN = 60_000
const unknownId = '00000000-0000-4000-8000-000000000000'

describe.each(drivers())('follow-ups in the store on $name', (driver) => {
  const ctx = useStore(driver)

  describe('setFollowUpState', () => {
    it('goes new → contacted → resolved → reopened, with who, when and a note, and one audit row per change', async () => {
      const r = response({ score: 2, comment: 'The discount code did not work', contactConsent: true })
      await ctx.store.upsertResponse(r)
      const t0 = Date.parse('2026-11-20T12:00:00.000Z')
      const contacted = await ctx.store.setFollowUpState(r.id, { state: 'contacted', by: 'Kari', via: 'session', at: t0 })
      expect(contacted?.response).toMatchObject({
        followUpState: 'contacted', followUpBy: 'Kari', followUpNote: null, followUpAt: '2026-11-20T12:00:00.000Z',
        firstContactAt: '2026-11-20T12:00:00.000Z', followedUpAt: '2026-11-20T12:00:00.000Z',
      })
      expect(contacted?.event).toMatchObject({ responseId: r.id, from: 'new', to: 'contacted', by: 'Kari', via: 'session', note: null, at: '2026-11-20T12:00:00.000Z' })

      const resolved = await ctx.store.setFollowUpState(r.id, { state: 'resolved', by: '  Ola  ', note: 'New code, valid 48 hours', at: t0 + 30 * MIN })
      expect(resolved?.response).toMatchObject({ followUpState: 'resolved', followUpBy: 'Ola', followUpNote: 'New code, valid 48 hours', firstContactAt: '2026-11-20T12:00:00.000Z' })

      const reopened = await ctx.store.setFollowUpState(r.id, { state: 'new', by: 'Kari', note: 'Wrote again', at: t0 + 60 * MIN })
      // A reopen keeps the first contact: it is what the time to contact measures.
      expect(reopened?.response).toMatchObject({ followUpState: 'new', followedUpAt: null, firstContactAt: '2026-11-20T12:00:00.000Z' })

      const history = await ctx.store.followUpHistory(r.id)
      expect(history?.map((e) => [e.from, e.to, e.by, e.via, e.note])).toEqual([
        ['new', 'contacted', 'Kari', 'session', null],
        ['contacted', 'resolved', 'Ola', 'api', 'New code, valid 48 hours'],
        ['resolved', 'new', 'Kari', 'api', 'Wrote again'],
      ])
      expect(history?.map((e) => e.at)).toEqual(['2026-11-20T12:00:00.000Z', '2026-11-20T12:30:00.000Z', '2026-11-20T13:00:00.000Z'])
    })

    it('uses the database clock without `at`, and answers null for an unknown id without writing an audit row', async () => {
      const r = response({ score: 0 })
      await ctx.store.upsertResponse(r)
      const before = Date.now()
      const changed = await ctx.store.setFollowUpState(r.id, { state: 'resolved', by: 'Kari' })
      expect(Date.parse(changed!.response.followUpAt!)).toBeGreaterThan(before - 60_000)
      expect(changed!.response.firstContactAt).toBe(changed!.response.followUpAt)
      expect(await ctx.store.setFollowUpState(unknownId, { state: 'contacted', by: 'Kari' })).toBeNull()
      expect(await ctx.store.followUpHistory(unknownId)).toBeNull()
      expect((await ctx.db.query('SELECT count(*)::int AS n FROM follow_up_events')).rows[0]!.n).toBe(1)
    })

    it('refuses a bad state, a missing or blank name, a long note, NUL and lone surrogates, naming the field', async () => {
      const r = response()
      await ctx.store.upsertResponse(r)
      const bad = (change: object) => ctx.store.setFollowUpState(r.id, change as never)
      await expect(bad({ state: 'done', by: 'Kari' })).rejects.toThrow(/^state must be one of new, contacted, resolved/)
      await expect(bad({ state: 'contacted' })).rejects.toThrow(TypeError)
      await expect(bad({ state: 'contacted', by: '   ' })).rejects.toThrow('by must not be blank')
      await expect(bad({ state: 'contacted', by: 'K'.repeat(101) })).rejects.toThrow(RangeError)
      await expect(bad({ state: 'resolved', by: 'Kari', note: 'x'.repeat(501) })).rejects.toThrow('note must be at most 500 characters')
      await expect(bad({ state: 'resolved', by: 'Kari', note: 'a\0b' })).rejects.toThrow('note must not contain NUL')
      await expect(bad({ state: 'resolved', by: 'K\uD800', note: null })).rejects.toThrow('by must not contain lone surrogates')
      // 500 characters of emoji are 1000 UTF-16 units, and fine.
      expect(await bad({ state: 'resolved', by: 'Kari', note: '🙂'.repeat(500) })).not.toBeNull()
      expect((await ctx.store.followUpHistory(r.id))?.length).toBe(1)
    })

    it('orders concurrent changes of one response: each audit row starts where the one before ended', async () => {
      const r = response({ score: 3 })
      await ctx.store.upsertResponse(r)
      const states = ['contacted', 'resolved', 'new', 'contacted', 'resolved', 'contacted'] as const
      await Promise.all(states.map((state, i) => ctx.store.setFollowUpState(r.id, { state, by: `admin ${i}` })))
      const history = (await ctx.store.followUpHistory(r.id))!
      expect(history).toHaveLength(states.length)
      expect(history[0]!.from).toBe('new')
      for (let i = 1; i < history.length; i++) expect(history[i]!.from).toBe(history[i - 1]!.to)
    })

    it('deletes the audit trail with the response (erasure), and keeps it through a newer version of the response', async () => {
      const r = response({ score: 1, user: { id: 'cust-9' } })
      const other = response({ score: 1 })
      await ctx.store.upsertMany([r, other])
      await ctx.store.setFollowUpState(r.id, { state: 'contacted', by: 'Kari', note: 'Called Kari Nordmann' })
      await ctx.store.setFollowUpState(other.id, { state: 'contacted', by: 'Kari' })
      await ctx.store.upsertResponse({ ...r, comment: 'later', complete: true, updatedAt: '2026-11-20T10:01:00.000Z' })
      expect((await ctx.store.listInbox({}, { page: 1, pageSize: 10 })).items.find((x) => x.id === r.id)).toMatchObject({ followUpState: 'contacted', comment: 'later' })
      expect(await ctx.store.eraseCustomer({ user: 'cust-9' })).toBe(1)
      const left = await ctx.db.query<{ id: string }>('SELECT response_id AS id FROM follow_up_events')
      expect(left.rows.map((row) => row.id)).toEqual([other.id])
    })
  })

  describe('setFollowedUp (the flag before states)', () => {
    it('true contacts a new response and leaves a resolved one resolved; false reopens it as new; both audited', async () => {
      const r = response({ score: 5 })
      await ctx.store.upsertResponse(r)
      expect(await ctx.store.setFollowedUp(r.id, true)).toMatchObject({ followUpState: 'contacted', followUpBy: '(followed-up route)' })
      await ctx.store.setFollowUpState(r.id, { state: 'resolved', by: 'Kari' })
      expect(await ctx.store.setFollowedUp(r.id, true)).toMatchObject({ followUpState: 'resolved', followUpBy: 'Kari' })
      expect(await ctx.store.setFollowedUp(r.id, false, { by: 'script', via: 'token' })).toMatchObject({ followUpState: 'new', followedUpAt: null })
      expect((await ctx.store.followUpHistory(r.id))?.map((e) => `${e.from}→${e.to} ${e.by}/${e.via}`)).toEqual([
        'new→contacted (followed-up route)/api',
        'contacted→resolved Kari/api',
        'resolved→new script/token',
      ])
      expect((await ctx.store.listResponses({ followedUp: false }, { page: 1, pageSize: 5 })).total).toBe(1)
    })
  })

  describe('listInbox', () => {
    it('puts those who may be contacted first, then the newest, filters by state and counts every state', async () => {
      const at = (hour: number) => `2026-11-20T${String(hour).padStart(2, '0')}:00:00.000Z`
      const old = response({ score: 1, contactConsent: true, createdAt: at(8), updatedAt: at(8) })
      const newest = response({ score: 2, contactConsent: false, createdAt: at(12), updatedAt: at(12) })
      const middle = response({ score: 3, contactConsent: true, createdAt: at(10), updatedAt: at(10) })
      const done = response({ score: 4, contactConsent: true, createdAt: at(11), updatedAt: at(11) })
      const promoter = response({ score: 10, contactConsent: true, createdAt: at(13), updatedAt: at(13) })
      await ctx.store.upsertMany([old, newest, middle, done, promoter])
      await ctx.store.setFollowUpState(done.id, { state: 'resolved', by: 'Kari' })
      await ctx.store.setFollowUpState(middle.id, { state: 'contacted', by: 'Kari' })

      const all = await ctx.store.listInbox({ category: 'detractor' }, { page: 1, pageSize: 10 })
      expect(all.items.map((r) => r.id)).toEqual([done.id, middle.id, old.id, newest.id])
      expect(all.states).toEqual({ new: 2, contacted: 1, resolved: 1 })
      const open = await ctx.store.listInbox({ category: 'detractor', followUpState: ['new', 'contacted'] }, { page: 1, pageSize: 2 })
      expect(open.items.map((r) => r.id)).toEqual([middle.id, old.id])
      expect(open.total).toBe(3)
      // The counts per state ignore the state filter, so every tab can show its number.
      expect(open.states).toEqual({ new: 2, contacted: 1, resolved: 1 })
      expect((await ctx.store.listInbox({ followUpState: ['resolved'] }, { page: 1, pageSize: 10 })).items.map((r) => r.id)).toEqual([done.id])
      await expect(ctx.store.listInbox({}, { page: 0, pageSize: 10 })).rejects.toThrow(RangeError)
    })
  })

  describe('timeToContact', () => {
    // Answers on Monday 16 and Tuesday 17 November 2026 (one week) and Monday 23 (the next),
    // first contacts 10, 20, 30 and 40 minutes later in the first week, 2 hours in the second.
    // percentile_cont over [600, 1200, 1800, 2400] s: median (1200 + 1800) / 2 = 1500 s;
    // p90 at rank 0.9 × 3 = 2.7: 1800 + 0.7 × 600 = 2220 s.
    // Over all five [600, 1200, 1800, 2400, 7200]: median 1800 s; p90 at rank 3.6: 2400 + 0.6 × 4800 = 5280 s.
    async function seed() {
      const answers = [
        ['2026-11-16T09:00:00.000Z', 10],
        ['2026-11-16T15:00:00.000Z', 30],
        ['2026-11-17T08:00:00.000Z', 20],
        ['2026-11-17T22:00:00.000Z', 40],
        ['2026-11-23T10:00:00.000Z', 120],
      ] as const
      for (const [createdAt, minutes] of answers) {
        const r = response({ score: 3, contactConsent: true, createdAt, updatedAt: createdAt })
        await ctx.store.upsertResponse(r)
        await ctx.store.setFollowUpState(r.id, { state: 'contacted', by: 'Kari', at: Date.parse(createdAt) + minutes * MIN })
        // Later changes do not move the first contact.
        await ctx.store.setFollowUpState(r.id, { state: 'resolved', by: 'Kari', at: Date.parse(createdAt) + (minutes + 600) * MIN })
      }
      // Never contacted: waiting, and not in the figures. A passive with consent is not waiting.
      await ctx.store.upsertResponse(response({ score: 6, contactConsent: true, createdAt: '2026-11-24T10:00:00.000Z', updatedAt: '2026-11-24T10:00:00.000Z' }))
      await ctx.store.upsertResponse(response({ score: 6, contactConsent: false, createdAt: '2026-11-24T11:00:00.000Z', updatedAt: '2026-11-24T11:00:00.000Z' }))
      await ctx.store.upsertResponse(response({ score: 8, contactConsent: true, createdAt: '2026-11-24T12:00:00.000Z', updatedAt: '2026-11-24T12:00:00.000Z' }))
    }

    it('gives the median and the 90th percentile per week of the answer and over the period, as worked out by hand', async () => {
      await seed()
      const figures = await ctx.store.timeToContact({ from: '2026-11-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z' })
      expect(figures).toEqual({
        period: { from: '2026-11-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z', timeZone: 'UTC' },
        overall: { contacted: 5, medianSeconds: 1800, p90Seconds: 5280 },
        waiting: 1,
        weeks: [
          { start: '2026-11-16', contacted: 4, medianSeconds: 1500, p90Seconds: 2220 },
          { start: '2026-11-23', contacted: 1, medianSeconds: 7200, p90Seconds: 7200 },
        ],
      })
    })

    it('counts weeks in the dashboard time zone, and takes the filters and the default period', async () => {
      await seed()
      // Auckland (UTC+13 in November): every answer moves later into the same week (Monday 23
      // 10:00 UTC is Monday 23 23:00 there), so the weeks are the same.
      const auckland = await ctx.store.timeToContact({ from: '2026-11-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z', timeZone: 'Pacific/Auckland' })
      expect(auckland.weeks.map((w) => [w.start, w.contacted])).toEqual([['2026-11-16', 4], ['2026-11-23', 1]])
      // Honolulu (UTC−10): Monday 16 09:00 UTC is Sunday 15 23:00, the week of Monday 9.
      const honolulu = await ctx.store.timeToContact({ from: '2026-11-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z', timeZone: 'Pacific/Honolulu' })
      expect(honolulu.weeks.map((w) => [w.start, w.contacted, w.medianSeconds])).toEqual([['2026-11-09', 1, 600], ['2026-11-16', 3, 1800], ['2026-11-23', 1, 7200]])
      const firstWeek = await ctx.store.timeToContact({ from: '2026-11-16T00:00:00.000Z', to: '2026-11-23T00:00:00.000Z' })
      expect(firstWeek.overall).toEqual({ contacted: 4, medianSeconds: 1500, p90Seconds: 2220 })
      expect((await ctx.store.timeToContact({ locale: 'sv', from: '2026-11-01T00:00:00.000Z' })).overall).toEqual({ contacted: 0, medianSeconds: null, p90Seconds: null })
      const byDefault = await ctx.store.timeToContact({ now: Date.parse('2026-12-10T00:00:00.000Z') })
      expect(byDefault.period.from).toBe('2026-09-11T00:00:00.000Z')
      expect(byDefault.overall.contacted).toBe(5)
      await expect(ctx.store.timeToContact({ timeZone: 'Mars/Olympus' })).rejects.toThrow(RangeError)
      await expect(ctx.store.timeToContact({ from: '2026-12-01', to: '2026-11-01' })).rejects.toThrow('from must be before to')
    })
  })
})

describe.each(drivers())('migration 005_follow_ups on $name', (driver) => {
  it('turns a followed-up response into a contacted one, with its time and an audit row', async () => {
    const db = await driver.open()
    try {
      // As a database before the migration: only followed_up_at says what the inbox did.
      const r = response({ score: 2 })
      const store = createStore(db)
      await store.upsertResponse(r)
      await db.query(`UPDATE responses SET followed_up_at = '2026-11-21T09:00:00Z', follow_up_state = 'new', first_contact_at = NULL WHERE id = $1`, [r.id])
      await db.query(`DELETE FROM schema_migrations WHERE name = '005_follow_ups'`)
      await db.query('DROP TABLE follow_up_events')
      await db.query('DROP FUNCTION npskit_drop_follow_up_events, npskit_clear_follow_up_events CASCADE')
      await db.query('DROP INDEX responses_first_contact')
      await db.query('ALTER TABLE responses DROP COLUMN follow_up_state, DROP COLUMN follow_up_by, DROP COLUMN follow_up_note, DROP COLUMN follow_up_at, DROP COLUMN first_contact_at')
      expect(await migrate(db)).toEqual(['005_follow_ups'])
      const [row] = (await store.listResponses({}, { page: 1, pageSize: 1 })).items
      expect(row).toMatchObject({ followUpState: 'contacted', firstContactAt: '2026-11-21T09:00:00.000Z', followedUpAt: '2026-11-21T09:00:00.000Z' })
      expect((await store.followUpHistory(r.id))?.map((e) => [e.from, e.to, e.via, e.at])).toEqual([['new', 'contacted', 'migration', '2026-11-21T09:00:00.000Z']])
    } finally {
      await db.close()
    }
  })
})
