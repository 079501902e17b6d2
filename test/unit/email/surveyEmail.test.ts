// @vitest-environment jsdom
// The email is parsed as a browser parses it (DOMParser), to read what a client shows.
import { describe, expect, it } from 'vitest'
import { surveyEmail } from '../../../src/email'
import * as builtIn from '../../../src/locales'
import { localeCodes } from '../../../src/locales'
import { fill } from '../../../src/core/locale'

// A token as long as signSurveyLink makes with an order id, an email address and a user id: the
// links are most of an email's bytes.
const token = 'v1.' + 'eyJvIjoiTkgtMjAyNi0xMDQyIiwiZSI6ImthcmlAZXhhbXBsZS5ubyIsInUiOiJjdXN0LTEyMzQ1Njc4IiwibCI6Im5iIiwiaiI6Im9yZGVyLWRlbGl2ZXJlZCIsImlhdCI6MTc2NTAwMDAwMCwiZXhwIjoxNzY3NTkyMDAwfQ' + '.' + 'q9Zr3d8KfXw0bV1nA6yT2uJc5mLhE7gP4sRoIiDkN0U'
const baseUrl = 'https://nps.nordhandel.no'
const signed = { baseUrl, token }
const urlFor = (score: number) => `${baseUrl}/r/${token}?score=${score}`

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html')

// What a reader sees, in order: the skeleton a snapshot should pin down, without the bytes of styling.
function outline(html: string) {
  const document = parse(html)
  const links = [...document.querySelectorAll('a')]
  return {
    lang: document.documentElement.lang,
    dir: document.documentElement.dir,
    title: document.title,
    brand: document.querySelector('p.nps-muted')?.textContent,
    question: document.querySelector('h1')?.textContent,
    cells: links.map((a) => `${a.textContent} = ${a.getAttribute('aria-label')}`),
    anchors: [...document.querySelectorAll('td.nps-muted')].map((td) => `${td.getAttribute('align')}: ${td.textContent}`),
  }
}

// Every URL in the document that is not one of the eleven links' hrefs.
function otherUrls(html: string): string[] {
  const withoutHrefs = html.replace(/ href="[^"]*"/g, '')
  return withoutHrefs.match(/https?:|\/\/[a-z0-9]|url\(|@import|\bsrc=/gi) ?? []
}

describe('surveyEmail', () => {
  describe.each(localeCodes)('in %s', (code) => {
    const locale = builtIn[code]
    const email = surveyEmail({ brand: 'Nordhandel', locale: code, links: signed })
    const document = parse(email.html)
    const question = fill(locale.messages.question, { brand: 'Nordhandel' })

    it('asks the widget’s question, in the subject, the heading and the text part', () => {
      expect(email.subject).toBe(question)
      expect(document.title).toBe(question)
      expect(document.querySelector('h1')!.textContent).toBe(question)
      expect(email.text.split('\n')[0]).toBe(question)
      expect(email.locale).toBe(code)
    })

    it('has the structure of the snapshot', () => {
      expect(outline(email.html)).toMatchSnapshot()
    })

    it('links each of the eleven scores, in order, to its landing page', () => {
      const links = [...document.querySelectorAll('a')]
      expect(links.map((a) => a.textContent)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10'])
      expect(links.map((a) => a.getAttribute('href'))).toEqual(links.map((_, score) => urlFor(score)))
      expect(links.map((a) => a.getAttribute('aria-label'))).toEqual(links.map((_, score) => fill(locale.messages.scoreLabel, { score })))
    })

    it('lists the eleven links in the text part, each on a line of its own under its label', () => {
      const lines = email.text.split('\n')
      for (let score = 0; score <= 10; score++) {
        const at = lines.indexOf(urlFor(score))
        expect(at, `link for ${score}`).toBeGreaterThan(0)
        expect(lines[at - 1]!.startsWith(fill(locale.messages.scoreLabel, { score }))).toBe(true)
      }
      expect(lines.find((l) => l.startsWith(fill(locale.messages.scoreLabel, { score: 0 })))).toContain(locale.messages.low)
      expect(lines.find((l) => l.startsWith(fill(locale.messages.scoreLabel, { score: 10 })))).toContain(locale.messages.high)
      expect(email.text).not.toMatch(/[<>]|&amp;/)
    })

    it('runs nothing and fetches nothing: no script, image, frame, form, font or style sheet from elsewhere', () => {
      expect(document.querySelectorAll('script, img, iframe, object, embed, form, link, base, video, audio, svg')).toHaveLength(0)
      expect(email.html).not.toMatch(/<script|javascript:|\son[a-z]+=/i)
      expect(otherUrls(email.html)).toEqual([])
    })

    it('is under 20 KB with signed links', () => {
      expect(new TextEncoder().encode(email.html).length).toBeLessThan(20 * 1024)
    })

    it(`is written ${locale.dir === 'rtl' ? 'right to left, its scale mirrored' : 'left to right'}`, () => {
      expect(document.documentElement.dir).toBe(locale.dir)
      expect(document.body.dir).toBe(locale.dir)
      const groups = [...document.querySelectorAll('div > table')]
      expect(groups).toHaveLength(2)
      for (const table of groups) expect(table.getAttribute('dir')).toBe(locale.dir)
      const [low, high] = [...document.querySelectorAll('td.nps-muted')]
      expect([low!.getAttribute('align'), high!.getAttribute('align')]).toEqual(locale.dir === 'rtl' ? ['right', 'left'] : ['left', 'right'])
    })

    it('says in the HTML that it has a dark mode, and where the client supports it, switches to it', () => {
      expect(document.querySelector('meta[name=color-scheme]')!.getAttribute('content')).toBe('light dark')
      expect(email.html).toMatch(/@media \(prefers-color-scheme:dark\)\{[^}]*\.nps-page\{background-color:#[0-9a-f]{6}!important\}/)
    })
  })

  it('answers every right-to-left locale with dir="rtl", ar and he among them', () => {
    const rtl = localeCodes.filter((code) => surveyEmail({ brand: 'X', locale: code, links: signed }).html.includes('<html lang="' + code + '" dir="rtl"'))
    expect(rtl).toEqual(['ar', 'he'])
  })

  it('escapes the brand, the question and every message: they print as written and open no tag', () => {
    const brand = `Tom & Jerry's "<script>alert(1)</script>"`
    const email = surveyEmail({
      brand,
      locale: 'en',
      messages: { low: '<b>no</b>', high: "it's & <i>yes</i>", scoreLabel: '{score} <img src=x onerror=alert(1)>', subject: '{brand} </title><script>' },
      links: signed,
    })
    const document = parse(email.html)
    expect(document.querySelectorAll('script, b, i, img')).toHaveLength(0)
    expect(document.title).toBe(`${brand} </title><script>`)
    expect(document.querySelector('p.nps-muted')!.textContent).toBe(brand)
    expect(document.querySelector('h1')!.textContent).toBe(`How likely are you to recommend ${brand} to a friend or colleague?`)
    expect([...document.querySelectorAll('td.nps-muted')].map((td) => td.textContent)).toEqual(['0 – <b>no</b>', "10 – it's & <i>yes</i>"])
    expect(document.querySelector('a')!.getAttribute('aria-label')).toBe('0 <img src=x onerror=alert(1)>')
    expect(email.html).not.toContain('<script>')
    // The text part is plain text: nothing to escape there.
    expect(email.text.split('\n')[0]).toBe(`How likely are you to recommend ${brand} to a friend or colleague?`)
  })

  it('keeps the subject on one line, so no brand or message can add a mail header', () => {
    const email = surveyEmail({ brand: 'Nordhandel\r\nBcc: everyone@example.com', locale: 'en', messages: { subject: '{brand}\nX-Spam: no' }, links: signed })
    expect(email.subject).toBe('Nordhandel Bcc: everyone@example.com X-Spam: no')
  })

  it('takes links from a function, escaping the URLs in the HTML and leaving them as they are in the text', () => {
    const url = (score: number) => `https://nordhandel.no/nps?order=NH-1042&score=${score}&q="x"`.replace('"x"', '%22x%22')
    const email = surveyEmail({ brand: 'Nordhandel', locale: 'en', links: url })
    expect(email.html).toContain('href="https://nordhandel.no/nps?order=NH-1042&amp;score=7&amp;q=%22x%22"')
    expect([...parse(email.html).querySelectorAll('a')].map((a) => a.href)).toEqual([...Array(11).keys()].map(url))
    expect(email.text).toContain('\nhttps://nordhandel.no/nps?order=NH-1042&score=7&q=%22x%22\n')
  })

  it('joins a base URL with a trailing slash or a path to /r/<token>?score=N', () => {
    const hrefs = (baseUrl: string) => [...parse(surveyEmail({ brand: 'N', locale: 'en', links: { baseUrl, token: 'v1.a.b' } }).html).querySelectorAll('a')].map((a) => a.getAttribute('href'))
    expect(hrefs('https://nps.example.com/')[3]).toBe('https://nps.example.com/r/v1.a.b?score=3')
    expect(hrefs('http://127.0.0.1:4321/nps//')[10]).toBe('http://127.0.0.1:4321/nps/r/v1.a.b?score=10')
  })

  it('takes the question, the subject and any wording from the options, {brand} filled in', () => {
    const email = surveyEmail({
      brand: 'Nordhandel',
      locale: 'nb',
      question: 'Ville du anbefalt {brand} etter denne bestillingen?',
      messages: { subject: 'Hvordan var bestillingen hos {brand}?', low: 'Aldri', followUpDetractor: 'ignored by an email' },
      links: signed,
    })
    expect(email.subject).toBe('Hvordan var bestillingen hos Nordhandel?')
    const document = parse(email.html)
    expect(document.querySelector('h1')!.textContent).toBe('Ville du anbefalt Nordhandel etter denne bestillingen?')
    // The subject says something else, so the inbox preview says the question.
    expect(document.querySelector('body > div')!.textContent).toContain('Ville du anbefalt Nordhandel etter denne bestillingen?')
    expect(document.querySelector('td.nps-muted')!.textContent).toBe('0 – Aldri')
    expect(email.text).toContain('0 av 10 – Aldri\n')
  })

  it('matches a regional or unknown tag to the best built-in locale, English when none', () => {
    expect(surveyEmail({ brand: 'N', locale: 'pt-BR', links: signed }).locale).toBe('pt')
    expect(surveyEmail({ brand: 'N', locale: 'no-NO', links: signed }).locale).toBe('nb')
    expect(surveyEmail({ brand: 'N', locale: 'iw', links: signed }).locale).toBe('he')
    const japanese = surveyEmail({ brand: 'N', locale: 'ja-JP', links: signed })
    expect([japanese.locale, japanese.subject]).toEqual(['en', 'How likely are you to recommend N to a friend or colleague?'])
  })

  it('takes a locale of the shop’s own', () => {
    const email = surveyEmail({
      brand: 'Kauppa',
      locale: { code: 'se', dir: 'ltr', messages: { question: 'Man muddui livččii ahte rávvešit {brand}?', questionNoBrand: '…', low: 'Ii goassege', high: 'Áibbas', scoreLabel: '{score}/10' } },
      links: signed,
    })
    expect(email.locale).toBe('se')
    expect(email.subject).toBe('Man muddui livččii ahte rávvešit Kauppa?')
    expect(parse(email.html).documentElement.lang).toBe('se')
    expect(email.text).toContain('\n7/10\n')
  })

  it('puts white digits on the accent, or a light accent’s digits on black tiles', () => {
    const cell = (accent: string) => {
      const html = surveyEmail({ brand: 'N', locale: 'en', accent, links: signed }).html
      return [/bgcolor="(#[0-9a-f]{6})" style="width:38px/.exec(html)![1], /color:(#[0-9a-f]{6});text-decoration:none/.exec(html)![1]]
    }
    expect(cell('#2456C9')).toEqual(['#2456c9', '#ffffff'])
    expect(cell('#fd0')).toEqual(['#000000', '#ffdd00'])
  })

  it('writes the same email for the same options', () => {
    const options = { brand: 'Nordhandel', locale: 'sv', links: signed } as const
    expect(surveyEmail(options)).toEqual(surveyEmail(options))
  })
})
