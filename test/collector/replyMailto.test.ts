// "Reply by email": the draft in the customer's language, and a mailto: link that nothing the
// customer typed can turn into extra headers or recipients.
import { describe, expect, it } from 'vitest'
import { mailableAddress, MAX_QUOTE, replyDraft, replyMailto, wordingFor } from '../../src/collector/dashboard/replyMailto'
import { replyWording } from '../../src/collector/dashboard/replyWording'

/** A mailto: link read back as a mail client reads it. */
function read(link: string) {
  expect(link.startsWith('mailto:')).toBe(true)
  const [to, query = ''] = link.slice('mailto:'.length).split('?')
  const fields = query.split('&').map((pair) => pair.split('=').map(decodeURIComponent) as [string, string])
  return { to: decodeURIComponent(to!), fields, headers: fields.map(([name]) => name), ...Object.fromEntries(fields) } as {
    to: string
    fields: [string, string][]
    headers: string[]
    subject: string
    body: string
  }
}

describe('replyMailto', () => {
  const cases: [string, string, string, string][] = [
    ['en', 'About your feedback', 'Hi Kari,', 'You wrote:'],
    ['nb', 'Om tilbakemeldingen din', 'Hei Kari,', 'Du skrev:'],
    ['nn', 'Om tilbakemeldinga di', 'Hei Kari,', 'Du skreiv:'],
    ['da', 'Om din tilbagemelding', 'Hej Kari,', 'Du skrev:'],
    ['sv', 'Angående din återkoppling', 'Hej Kari,', 'Du skrev:'],
    ['fi', 'Palautteestasi', 'Hei Kari,', 'Kirjoitit:'],
    ['is', 'Varðandi ábendingu þína', 'Hæ Kari,', 'Þú skrifaðir:'],
    ['de', 'Zu Ihrer Rückmeldung', 'Guten Tag Kari,', 'Sie schrieben:'],
    ['fr', 'À propos de votre avis', 'Bonjour Kari,', 'Vous avez écrit :'],
    ['es', 'Sobre su opinión', 'Hola, Kari:', 'Usted escribió:'],
    ['nl', 'Over uw feedback', 'Beste Kari,', 'U schreef:'],
  ]
  it.each(cases)('drafts in %s: subject, greeting, the quoted comment, the sign-off', (locale, subject, hello, youWrote) => {
    const link = replyMailto({ email: 'kari@example.com', locale, comment: 'The code did not work.\nTwice!', name: 'Kari', signature: 'Ola' })!
    const mail = read(link)
    expect(mail.to).toBe('kari@example.com')
    expect(mail.headers).toEqual(['subject', 'body'])
    expect(mail.subject).toBe(subject)
    const words = replyWording[locale]!
    expect(mail.body).toBe([hello, '', words.thanks, youWrote, '', '> The code did not work.', '> Twice!', '', words.ask, '', words.regards, 'Ola'].join('\r\n'))
  })

  it('picks the language by its primary subtag, reads Norwegian `no` as Bokmål, and falls back to English', () => {
    expect(wordingFor('nb-NO').subject).toBe('Om tilbakemeldingen din')
    expect(wordingFor('no').subject).toBe('Om tilbakemeldingen din')
    expect(wordingFor('DE_at').subject).toBe('Zu Ihrer Rückmeldung')
    expect(wordingFor('pt-BR').subject).toBe('About your feedback')
    expect(wordingFor('constructor').subject).toBe('About your feedback')
    expect(wordingFor('').subject).toBe('About your feedback')
  })

  it('drafts without a comment, a name or a signature', () => {
    const mail = read(replyMailto({ email: 'kari@example.com', locale: 'nb', comment: '  ' })!)
    expect(mail.body).toBe(['Hei,', '', replyWording.nb!.thanks, '', replyWording.nb!.ask, '', 'Vennlig hilsen'].join('\r\n'))
    expect(mail.body).not.toContain('Du skrev')
  })

  it('keeps whatever the customer typed inside the body: no added header, recipient or subject line', () => {
    const hostile = 'Bad\r\nBcc: evil@example.com\n&cc=evil2@example.com&subject=Spam?body=x#frag %0D%0Abcc=x'
    const link = replyMailto({ email: 'kari@example.com', locale: 'en', comment: hostile, name: 'Kari\r\nBcc: evil@example.com', signature: 'Ola\nCc: x@y.z' })!
    expect(link).not.toMatch(/[\r\n\s#]/)
    const mail = read(link)
    expect(mail.headers).toEqual(['subject', 'body'])
    expect(mail.to).toBe('kari@example.com')
    expect(mail.subject).toBe('About your feedback')
    // The name and signature are one line each; the comment is quoted line by line.
    expect(mail.body.split('\r\n')[0]).toBe('Hi Kari Bcc: evil@example.com,')
    expect(mail.body).toContain('> Bad\r\n> Bcc: evil@example.com\r\n> &cc=evil2@example.com&subject=Spam?body=x#frag %0D%0Abcc=x')
    expect(mail.body.endsWith('\r\nOla Cc: x@y.z')).toBe(true)
    // A `$&` in a name is text, not a replacement pattern.
    expect(read(replyMailto({ email: 'kari@example.com', locale: 'en', name: '$& $1' })!).body.startsWith('Hi $& $1,')).toBe(true)
  })

  it('cuts a long comment at a character boundary, never inside an emoji', () => {
    const mail = read(replyMailto({ email: 'kari@example.com', locale: 'en', comment: '😡'.repeat(MAX_QUOTE + 50) })!)
    expect(mail.body).toContain('> ' + '😡'.repeat(MAX_QUOTE) + '…\r\n')
    expect(mail.body).not.toContain('\uFFFD')
  })

  it('gives no link for anything but one plain address', () => {
    for (const email of [
      'kari@example.com?bcc=evil@example.com',
      'kari@example.com,evil@example.com',
      'kari@example.com;evil@example.com',
      'Kari <kari@example.com>',
      'kari @example.com',
      'kari@example.com\r\nbcc:evil@example.com',
      'kari%40example.com@evil.example',
      'kari@example.com&body=x',
      'kari@example.com#x',
      'kari@localhost',
      '@example.com',
      'kari@',
      'a'.repeat(65) + '@example.com',
      'kari@ex\u2028ample.com',
      '',
    ]) {
      expect(mailableAddress(email), JSON.stringify(email)).toBe(false)
      expect(replyMailto({ email, locale: 'en' })).toBeNull()
    }
    expect(replyMailto({ email: 42 as never, locale: 'en' })).toBeNull()
  })

  it('percent-encodes an international address', () => {
    const link = replyMailto({ email: 'søren+nps@bücher.de', locale: 'da' })!
    expect(link.startsWith('mailto:s%C3%B8ren%2Bnps@b%C3%BCcher.de?subject=Om%20din%20tilbagemelding&body=')).toBe(true)
    expect(read(link).to).toBe('søren+nps@bücher.de')
    expect(replyDraft({ email: 'x@y.z', locale: 'da' }).subject).toBe('Om din tilbagemelding')
  })
})
