// Realistic demo responses from a seeded PRNG: the same seed and end date give the same rows,
// ids included, so running the seed twice upserts instead of doubling the data.
import { comments, questions } from './comments.mjs'

/** mulberry32: tiny, fast, good enough for demo data. */
export function prng(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function pick(rand, weighted) {
  let r = rand() * weighted.reduce((sum, [, w]) => sum + w, 0)
  for (const [value, w] of weighted) if ((r -= w) < 0) return value
  return weighted[weighted.length - 1][0]
}

function uuid(rand) {
  const hex = Array.from({ length: 32 }, () => Math.floor(rand() * 16).toString(16))
  hex[12] = '4'
  hex[16] = ((parseInt(hex[16], 16) & 3) | 8).toString(16)
  const s = hex.join('')
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`
}

const journeyPoints = [
  ['checkout-complete', 50],
  ['delivery-received', 25],
  ['support-closed', 15],
  ['return-complete', 10],
]
const locales = [['nb', 35], ['sv', 22], ['da', 15], ['fi', 11], ['en', 17]]
const pages = {
  'checkout-complete': 'https://nordhandel.example/checkout/complete',
  'delivery-received': 'https://nordhandel.example/orders/track',
  'support-closed': 'https://nordhandel.example/help/case',
  'return-complete': 'https://nordhandel.example/returns/done',
}
// Each journey point has its own mood; support is where the unhappy ones are.
const base = { 'checkout-complete': 8.7, 'delivery-received': 8.1, 'support-closed': 7.0, 'return-complete': 7.4 }

const DAY = 864e5

/**
 * @param {{ count?: number, days?: number, until?: number, seed?: number }} options
 *   until: the end of the period in ms [the start of today, UTC]
 */
export function generate({ count = 3000, days = 182, until, seed = 20261127 } = {}) {
  const rand = prng(seed)
  const end = until ?? Math.floor(Date.now() / DAY) * DAY
  const start = end - days * DAY
  const responses = []
  for (let i = 0; i < count; i++) {
    // More answers lately (the shop grows), more in the evening.
    const dayOffset = Math.floor(Math.pow(rand(), 0.7) * days)
    const hour = pick(rand, [[8, 1], [10, 2], [12, 3], [15, 2], [19, 4], [21, 3], [23, 1]])
    const createdMs = start + dayOffset * DAY + hour * 36e5 + Math.floor(rand() * 36e5)
    const journeyPoint = pick(rand, journeyPoints)
    const locale = pick(rand, locales)
    // A story for the trend: a parcel carrier change hurt deliveries ten to six weeks ago.
    const weeksAgo = (end - createdMs) / (7 * DAY)
    const slump = weeksAgo > 6 && weeksAgo < 10 && journeyPoint !== 'support-closed' ? 1.2 : 0
    const mean = base[journeyPoint] - slump + (locale === 'fi' ? -0.3 : locale === 'da' ? 0.2 : 0)
    const noisy = mean + (rand() + rand() + rand() - 1.5) * 3.4
    const score = Math.max(0, Math.min(10, Math.round(noisy)))
    const category = score <= 6 ? 'detractor' : score <= 8 ? 'passive' : 'promoter'
    const commentRate = { detractor: 0.65, passive: 0.3, promoter: 0.35 }[category]
    const pool = comments[locale][category]
    const comment = rand() < commentRate ? pool[Math.floor(rand() * pool.length)] : null
    const contactConsent = category === 'detractor' && comment !== null && rand() < 0.55
    const complete = rand() > 0.06
    const updatedMs = createdMs + (complete ? 5_000 + Math.floor(rand() * 60_000) : 0)
    const order = `NH-${100000 + Math.floor(rand() * 900000)}`
    responses.push({
      id: uuid(rand),
      surveyId: 'nps',
      score,
      category,
      comment: complete ? comment : null,
      contactConsent: complete && contactConsent,
      journeyPoint,
      locale,
      question: questions[locale],
      page: pages[journeyPoint],
      user: rand() < 0.7 ? { id: `cust-${Math.floor(rand() * 50_000)}`, segment: rand() < 0.2 ? 'member' : 'guest' } : null,
      metadata: journeyPoint === 'checkout-complete' ? { order, channel: rand() < 0.7 ? 'mobile' : 'desktop' } : { channel: rand() < 0.7 ? 'mobile' : 'desktop' },
      createdAt: new Date(createdMs).toISOString(),
      updatedAt: new Date(updatedMs).toISOString(),
      complete,
      sdk: { name: 'npskit', version: '0.1.0' },
      // Not part of a response: which ones the shop has already called back.
      followedUp: category === 'detractor' && weeksAgo > 3 && rand() < 0.7,
    })
  }
  return responses.sort((a, b) => a.createdAt.localeCompare(b.createdAt))
}
