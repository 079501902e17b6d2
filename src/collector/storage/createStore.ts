import { eraseCustomer, exportCustomer } from './customers'
import { getResponse, setFollowedUp } from './followUp'
import { recordEvent } from './events'
import { funnel } from './funnel'
import { recontactSalt } from './personHashes'
import { recontact } from './recontact'
import { followUpHistory, listInbox, setFollowUpState } from './followUps'
import { commitLinkAnswers, holdLinkAnswer, takeLinkAnswer } from './linkAnswers'
import { listResponses, streamResponses } from './list'
import { deleteOlderThan } from './retention'
import { shareInFlight } from './shareInFlight'
import { summary } from './summary'
import { timeToContact } from './timeToContact'
import { upsertMany, upsertResponse } from './upsert'
import type { Database, Store, SummaryFilters } from './types'

// The shortest time between two computations of the same summary.
const SUMMARY_INTERVAL_MS = 250

/**
 * The collector's reads and writes over an open database (from openDatabase), the same SQL on
 * PGlite and PostgreSQL.
 *
 * @example
 * const store = createStore(await openDatabase({ dataDir: './npskit-data' }))
 * await store.upsertResponse(response) // → 'created'
 * const { nps, trend } = await store.summary({ timeZone: 'Europe/Oslo' })
 */
export function createStore(db: Database): Store {
  if (typeof db?.query !== 'function' || typeof db.transaction !== 'function') throw new TypeError('db must be a Database from openDatabase()')
  // A summary that ends "now" and arrives while the same one is being computed takes that one,
  // which ends a moment earlier; the same view is computed at most 4 times a second, so dashboards
  // refreshing back to back leave the database to the POSTs (issue #14: POST p99 within 2×).
  const sharedSummary = shareInFlight(
    (filters: SummaryFilters) => summary(db, filters),
    (f) => JSON.stringify([f.from, f.to, f.journeyPoint, f.locale, f.timeZone, f.level, f.now]),
    SUMMARY_INTERVAL_MS,
  )
  return {
    upsertResponse: (response, options) => upsertResponse(db, response, options),
    upsertMany: (responses) => upsertMany(db, responses),
    getResponse: (id) => getResponse(db, id),
    recordEvent: (event) => recordEvent(db, event),
    funnel: (filters) => funnel(db, filters),
    recontactSalt: () => recontactSalt(db),
    recontact: (query) => recontact(db, query),
    listResponses: (filters, page) => listResponses(db, filters, page),
    streamResponses: (filters, options) => streamResponses(db, filters, options),
    summary: sharedSummary,
    setFollowedUp: (id, followedUp, options) => setFollowedUp(db, id, followedUp, options),
    setFollowUpState: (id, change) => setFollowUpState(db, id, change),
    followUpHistory: (id) => followUpHistory(db, id),
    listInbox: (filters, page) => listInbox(db, filters, page),
    timeToContact: (filters) => timeToContact(db, filters),
    eraseCustomer: (who) => eraseCustomer(db, who),
    exportCustomer: (who, options) => exportCustomer(db, who, options),
    deleteOlderThan: (days, now) => deleteOlderThan(db, days, now),
    holdLinkAnswer: (response, windowMs, now) => holdLinkAnswer(db, response, windowMs, now),
    takeLinkAnswer: (response, options) => takeLinkAnswer(db, response, options),
    commitLinkAnswers: (options, now) => commitLinkAnswers(db, options, now),
  }
}
