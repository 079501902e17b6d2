import { mkdir, writeFile } from 'node:fs/promises'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { signBody, verifySignature } from '../../../src/collector/alerts/index'
import { alertContent } from '../../../src/collector/alerts/content'
import { alertEmail } from '../../../src/collector/alerts/email'
import { jsonBody } from '../../../src/collector/alerts/json'
import { slackBody } from '../../../src/collector/alerts/slack'
import { teamsBody } from '../../../src/collector/alerts/teams'
import { resolveWording } from '../../../src/collector/alerts/wording'
import { root } from '../../support/server'
import { snippet } from '../../support/readme'
import { bare, finish } from './support/answers'
import { checkSlack, checkTeams } from './support/shapes'

const en = resolveWording('en', 'locale')
const url = 'https://nps.example.com/dashboard#inbox/1'
const detractor = finish(bare(3, { user: { email: 'anna@example.com', id: 'u-1' } }), 'The parcel came <late> & *broken*; <!channel>', { contactConsent: true })
const silent = finish(bare(5, { user: { email: 'bob@example.com' } }), null)
const huge = finish(bare(0, { metadata: Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`key${i}`, 'v'.repeat(3000)])) }), '😡'.repeat(10_000))

describe('slackBody', () => {
  it('is a valid incoming-webhook message: header, the comment under its question, facts, contact, a button to the inbox', () => {
    const body = slackBody(alertContent(detractor, 'alert', en, url))
    checkSlack(body)
    expect(body.text).toBe('Detractor: 3 out of 10: The parcel came <late> & *broken*; <!channel>')
    expect(JSON.stringify(body.blocks)).toContain('What went wrong, and what should we do better?')
    expect(JSON.stringify(body.blocks)).toContain('May be contacted: anna@example.com')
    expect(body.blocks.at(-1)).toEqual({ type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: 'Open in the inbox' }, url }] })
  })
  it('escapes the customer\'s text so it cannot ping a channel or add links', () => {
    const section = JSON.stringify(slackBody(alertContent(detractor, 'alert', en, url)).blocks[1])
    expect(section).toContain('&lt;!channel&gt;')
    expect(section).not.toContain('<!channel>')
  })
  it('stays within Slack\'s limits for a 10,000-emoji comment and 30 long metadata entries', () => {
    checkSlack(slackBody(alertContent(huge, 'alert', en, url)))
  })
  it('shows no email without consent, and no button without a public URL', () => {
    const body = slackBody(alertContent(silent, 'alert', en, null))
    checkSlack(body)
    expect(JSON.stringify(body)).not.toContain('bob@example.com')
    expect(JSON.stringify(body)).toContain('Did not agree to be contacted')
    expect(body.blocks.some((b) => b.type === 'actions')).toBe(false)
  })
  it('words an update as the comment that came after the alert', () => {
    const body = slackBody(alertContent(detractor, 'update', en, url))
    checkSlack(body)
    expect(body.blocks[0]).toMatchObject({ text: { text: 'Comment added · Detractor: 3 out of 10' } })
  })
})

describe('teamsBody', () => {
  it('is a valid incoming-webhook message with one Adaptive Card', () => {
    const body = teamsBody(alertContent(detractor, 'alert', en, url))
    checkTeams(body)
    expect(body.attachments[0].content.actions).toEqual([{ type: 'Action.OpenUrl', title: 'Open in the inbox', url }])
  })
  it('escapes Markdown in the customer\'s text', () => {
    const card = JSON.stringify(teamsBody(alertContent(finish(bare(1), '[click](https://evil.example) *now*'), 'alert', en, url)))
    expect(card).toContain('\\\\[click\\\\](https://evil.example) \\\\*now\\\\*')
  })
  it('holds a 10,000-emoji comment, no email without consent, and no action without a public URL', () => {
    checkTeams(teamsBody(alertContent(huge, 'alert', en, url)))
    const body = teamsBody(alertContent(silent, 'alert', en, null))
    checkTeams(body)
    expect(JSON.stringify(body)).not.toContain('bob@example.com')
    expect('actions' in body.attachments[0].content).toBe(false)
  })
})

describe('jsonBody', () => {
  it('carries the answer without user or question, the email only with consent, and a delivery id', () => {
    const body = jsonBody(alertContent(detractor, 'alert', en, url))
    expect(body).toMatchObject({ version: 1, type: 'alert', deliveryId: `${detractor.id}.alert`, text: 'Detractor: 3 out of 10', url })
    expect(body.response).toMatchObject({ id: detractor.id, score: 3, email: 'anna@example.com', contactConsent: true, metadata: detractor.metadata })
    expect(body.response).not.toHaveProperty('user')
    expect(jsonBody(alertContent(silent, 'alert', en, url)).response.email).toBeNull()
  })
})

describe('alertEmail', () => {
  it('writes plain text and HTML in the alert language, every customer character escaped in the HTML', () => {
    const mail = alertEmail(alertContent(finish(bare(2, { journeyPoint: 'ordre-fullført' }), '<script>alert(1)</script>\nlinje to'), 'alert', resolveWording('nb', 'l'), url))
    expect(mail.subject).toBe('Kritiker: 2 av 10')
    expect(mail.text).toContain('Hva gikk galt, og hva bør vi gjøre bedre?\n> <script>alert(1)</script>\n> linje to')
    expect(mail.text).toContain('Punkt i kundereisen: ordre-fullført')
    expect(mail.text).toContain(`Åpne i innboksen: ${url}`)
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;<br>linje to')
    expect(mail.html).not.toContain('<script>')
    expect(mail.html).toContain('<html lang="nb">')
  })
})

describe('the signature', () => {
  const raw = JSON.stringify(jsonBody(alertContent(detractor, 'alert', en, url)))
  const headers = (h: Record<string, string>) => Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), v]))

  it('verifies with the secret, and not with another secret, another body or an old timestamp', () => {
    const signed = headers({ ...signBody(raw, 's3cret') })
    expect(verifySignature(raw, signed, 's3cret')).toBe(true)
    expect(verifySignature(raw, signed, 'other')).toBe(false)
    expect(verifySignature(raw.replace('"score":3', '"score":9'), signed, 's3cret')).toBe(false)
    const old = headers({ ...signBody(raw, 's3cret', Math.floor(Date.now() / 1000) - 600) })
    expect(verifySignature(raw, old, 's3cret')).toBe(false)
  })

  it('verifies with the README\'s snippet, exactly as written there', async () => {
    const file = root + 'test-results/alerts/verify-snippet.mjs'
    await mkdir(root + 'test-results/alerts', { recursive: true })
    await writeFile(file, snippet('alert-signature'))
    const { verifyNpskitAlert } = (await import(pathToFileURL(file).href)) as { verifyNpskitAlert: (raw: string, h: Record<string, string>, s: string) => boolean }
    const signed = headers({ ...signBody(raw, 's3cret') })
    expect(verifyNpskitAlert(raw, signed, 's3cret')).toBe(true)
    expect(verifyNpskitAlert(raw + ' ', signed, 's3cret')).toBe(false)
    expect(verifyNpskitAlert(raw, headers({ ...signBody(raw, 's3cret', 1_000_000) }), 's3cret')).toBe(false)
    expect(verifyNpskitAlert(raw, {}, 's3cret')).toBe(false)
  })
})
