// The collector's parts on their own: validation, CSV cells, the rate limit, the body cap, dates.
import { describe, expect, it } from 'vitest'
import { maxBodyBytes } from '../../src/collector/bodyLimit'
import { cell, csvHead, csvLine } from '../../src/collector/csv'
import { parseDateOrDateTime, parseDateTime } from '../../src/collector/dateTime'
import { canonicalLocale } from '../../src/collector/locale'
import { rateLimiter } from '../../src/collector/rateLimit'
import { eventSchema, validateEvent } from '../../src/collector/validateEvent'
import { validatePayload } from '../../src/collector/validatePayload'
import { payloadSchema, responseSchema, validateResponse } from '../../src/collector/validateResponse'
import { generate } from '../../demo/seed/generate.mjs'

describe('validateResponse', () => {
  it('accepts every response the seed makes', () => {
    for (const { followedUp: _, ...r } of generate({ count: 500 })) expect(validateResponse(r)).toEqual({ response: r })
  })

  it('follows schema.json: every required field is checked', () => {
    const [{ followedUp: _, ...r }] = generate({ count: 1 }) as [ReturnType<typeof generate>[number]]
    for (const field of responseSchema.required!) {
      const copy: Record<string, unknown> = { ...r }
      delete copy[field]
      expect(validateResponse(copy)).toEqual({ error: `${field} is required`, field })
    }
  })

  it('counts length in characters, not UTF-16 units', () => {
    const [{ followedUp: _, ...r }] = generate({ count: 1 }) as [ReturnType<typeof generate>[number]]
    expect(validateResponse({ ...r, question: '😀'.repeat(1000) })).toHaveProperty('response')
    expect(validateResponse({ ...r, question: '😀'.repeat(1001) })).toMatchObject({ field: 'question' })
  })
})

const event = (over: Record<string, unknown> = {}) => ({
  type: 'event',
  id: '3f1f9f0e-8a4b-4c7e-9d2a-1b2c3d4e5f60',
  event: 'shown',
  surveyId: 'post-purchase',
  responseId: '7d3e2c1b-0a9f-4e8d-8c7b-6a5f4e3d2c1b',
  journeyPoint: 'checkout-complete',
  channel: 'web',
  locale: 'en',
  page: 'https://shop.example/thanks',
  user: { id: 'c-1' },
  at: '2026-11-27T10:00:00Z',
  sdk: { name: 'npskit', version: '1.0.0' },
  ...over,
})

describe('schema.json', () => {
  it('is a response or an event, each under $defs', () => {
    expect(payloadSchema.oneOf).toEqual([{ $ref: '#/$defs/response' }, { $ref: '#/$defs/event' }])
    expect(responseSchema).toBe(payloadSchema.$defs.response)
    expect(eventSchema).toBe(payloadSchema.$defs.event)
    expect(responseSchema.properties?.channel).toMatchObject({ enum: ['web', 'email'] })
    expect(responseSchema.required).not.toContain('channel')
  })
})

describe('validateEvent', () => {
  it('accepts each kind of event on each channel, and canonicalises the locale', () => {
    for (const kind of ['shown', 'dismissed', 'sent']) {
      for (const channel of ['web', 'email']) expect(validateEvent(event({ event: kind, channel }))).toEqual({ event: event({ event: kind, channel }) })
    }
    expect(validateEvent(event({ locale: 'en_us', responseId: null, journeyPoint: null, user: null, page: '' }))).toMatchObject({ event: { locale: 'en-US' } })
  })

  it('follows schema.json: every required field is checked', () => {
    for (const field of eventSchema.required!) {
      const copy: Record<string, unknown> = event()
      delete copy[field]
      expect(validateEvent(copy)).toEqual({ error: `${field} is required`, field })
    }
  })

  it.each([
    ['type', 'response'],
    ['id', 'not-a-uuid'],
    ['event', 'answered'],
    ['surveyId', ''],
    ['responseId', 'x'],
    ['journeyPoint', 'j'.repeat(201)],
    ['channel', 'sms'],
    ['locale', 'not a locale'],
    ['page', 'p'.repeat(2049)],
    ['user', ['a']],
    ['at', '2026-02-30T10:00:00Z'],
    ['sdk', { name: 'other', version: '1' }],
    ['extra', true],
  ])('names %s when it is wrong', (field, value) => {
    const problem = validateEvent(event({ [field]: value }))
    expect(problem).toMatchObject({ field: expect.stringMatching(new RegExp(`^${field}`)) })
  })
})

describe('validatePayload', () => {
  it('takes a body with a type for an event, and one without for a response', () => {
    const [{ followedUp: _, ...r }] = generate({ count: 1 }) as [ReturnType<typeof generate>[number]]
    expect(validatePayload(r)).toEqual({ response: r })
    expect(validatePayload({ ...r, channel: 'email' })).toEqual({ response: { ...r, channel: 'email' } })
    expect(validatePayload({ ...r, channel: 'fax' })).toMatchObject({ field: 'channel' })
    expect(validatePayload(event())).toEqual({ event: event() })
    expect(validatePayload({ ...r, type: 'event' })).toMatchObject({ error: expect.stringContaining('required') })
    expect(validatePayload(null)).toMatchObject({ field: '' })
    expect(validatePayload([event()])).toMatchObject({ field: '' })
  })
})

describe('CSV', () => {
  it('quotes what needs quoting and defuses formulas', () => {
    expect(cell('plain')).toBe('plain')
    expect(cell('a,b')).toBe('"a,b"')
    expect(cell('say "hi"')).toBe('"say ""hi"""')
    expect(cell('two\nlines')).toBe('"two\nlines"')
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(cell(start + 'SUM(A1)').startsWith("'") || cell(start + 'SUM(A1)').startsWith(`"'`)).toBe(true)
    expect(cell(-5)).toBe('-5')
    expect(cell(null)).toBe('')
    expect(cell({ order: 'NH-1' })).toBe('"{""order"":""NH-1""}"')
  })

  it('writes a byte order mark, a header and CRLF line ends', () => {
    expect(csvHead.startsWith('\uFEFFid,createdAt,updatedAt,score,')).toBe(true)
    expect(csvHead.endsWith('\r\n')).toBe(true)
    const [{ followedUp: _, sdk, ...r }] = generate({ count: 1 }) as [ReturnType<typeof generate>[number]]
    const line = csvLine({ ...r, channel: 'web', sdkVersion: sdk.version, receivedAt: r.createdAt, followedUpAt: null, followUpState: 'new', followUpBy: null, followUpAt: null, followUpNote: null, firstContactAt: null })
    expect(line.startsWith(`${r.id},${r.createdAt},`)).toBe(true)
    expect(line.endsWith(`,${sdk.version}\r\n`)).toBe(true)
  })
})

describe('rateLimiter', () => {
  it('allows a burst, then refills at the average rate, per client', () => {
    const take = rateLimiter({ burst: 2, perMinute: 60 })
    expect(take('a', 0)).toEqual({ ok: true })
    expect(take('a', 0)).toEqual({ ok: true })
    expect(take('a', 0)).toEqual({ ok: false, retryAfter: 1 })
    expect(take('b', 0)).toEqual({ ok: true })
    expect(take('a', 1000)).toEqual({ ok: true })
    expect(take('a', 1000).ok).toBe(false)
  })

  it('forgets the longest-idle client beyond maxClients', () => {
    const take = rateLimiter({ burst: 1, perMinute: 1, maxClients: 2 })
    take('a', 0)
    take('b', 0)
    take('c', 0)
    // 'a' was forgotten, so it has a full bucket again.
    expect(take('a', 0).ok).toBe(true)
  })
})


describe('maxBodyBytes', () => {
  it('fits the longest response the schema allows, in the widest encoding JSON.stringify writes', () => {
    const [{ followedUp: _, ...r }] = generate({ count: 1 }) as [ReturnType<typeof generate>[number]]
    const longest = {
      ...r,
      comment: '😀'.repeat(10_000),
      question: '\u0001'.repeat(1000),
      page: '\u0002'.repeat(2048),
      surveyId: '\u0003'.repeat(200),
      journeyPoint: '\u0004'.repeat(200),
    }
    expect(Buffer.byteLength(JSON.stringify(longest))).toBeLessThan(maxBodyBytes())
    expect(maxBodyBytes()).toBeLessThan(128 * 1024)
    // The response is the longer of the two payloads: the cap is its cap.
    expect(maxBodyBytes()).toBe(maxBodyBytes(responseSchema))
    expect(maxBodyBytes(eventSchema)).toBeLessThan(maxBodyBytes(responseSchema))
  })
})

describe('dates', () => {
  it('reads RFC 3339 date-times with their offsets', () => {
    expect(parseDateTime('2026-11-27T10:00:00+01:00')).toBe(Date.parse('2026-11-27T09:00:00Z'))
    expect(parseDateTime('2026-11-27t10:00:00.5z')).toBe(Date.parse('2026-11-27T10:00:00.500Z'))
    expect(parseDateTime('2024-02-29T00:00:00-12:00')).toBe(Date.parse('2024-02-29T12:00:00Z'))
  })

  it.each(['2023-02-29T00:00:00Z', '2026-04-31T00:00:00Z', '2026-11-27T10:60:00Z', '2026-11-27T10:00:60Z', '2026-11-27T10:00:00+14:01', '2026-11-27T10:00:00-12:30', '2026-11-27T10:00:00+01:60', '1999-12-31T23:59:59Z', '2100-01-01T00:00:00Z', '+002026-11-27T00:00:00Z', '2026-11-27 10:00:00Z'])(
    'refuses %s',
    (value) => expect(parseDateTime(value)).toBeNaN(),
  )

  it('reads a calendar day as UTC midnight', () => {
    expect(parseDateOrDateTime('2026-11-27')).toBe(Date.parse('2026-11-27T00:00:00Z'))
    expect(parseDateOrDateTime('2026-02-29')).toBeNaN()
  })
})

describe('canonicalLocale', () => {
  it.each([['en_US', 'en-US'], ['NB', 'nb'], ['zh-hant-tw', 'zh-Hant-TW'], ['en', 'en']])('%s → %s', (tag, canonical) => {
    expect(canonicalLocale(tag)).toBe(canonical)
  })
  it.each(['', 'e', 'en US', 'abcdefghi', 'en__US', 'x'.repeat(36), '\u0000'])('refuses %j', (tag) => expect(canonicalLocale(tag)).toBeNull())
})

describe('readBody', () => {
  it('calls a body slow when the client pauses, not when this process was busy while the body arrived', async () => {
    const { createServer } = await import('node:http')
    const { connect } = await import('node:net')
    const { readBody } = await import('../../src/collector/readBody')
    const server = createServer(async (req, res) => {
      const body = readBody(req, { maxBytes: 1000, idleMs: 50 })
      // The event loop is blocked (as by a long synchronous query) while the rest of the body arrives.
      if (req.headers['x-block']) {
        setImmediate(() => {
          const until = Date.now() + 300
          while (Date.now() < until);
        })
      }
      try {
        res.end(`200 ${await body}`)
      } catch (error) {
        res.end(String((error as { status?: number }).status))
      }
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as { port: number }
    const send = (block: boolean, gapMs: number) =>
      new Promise<string>((resolve) => {
        const socket = connect(port, '127.0.0.1')
        let text = ''
        socket.on('data', (d) => (text += d))
        socket.on('close', () => resolve(text.split('\r\n\r\n')[1] ?? text))
        socket.write(`POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nConnection: close\r\n${block ? 'X-Block: 1\r\n' : ''}\r\n`)
        setTimeout(() => socket.write('ok'), gapMs)
      })
    try {
      expect(await send(true, 20)).toBe('200 ok')
      expect(await send(false, 400)).toBe('408')
    } finally {
      server.close()
    }
  })
})
