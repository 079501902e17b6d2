import { fill } from '../core/locale'
import { questionText } from './question'
import { cellColours } from './contrast'
import { emailHtml } from './html'
import { scores, surveyUrls } from './links'
import { emailSettings } from './options'
import { emailText } from './text'
import type { EmailMessages, SurveyEmail, SurveyEmailOptions } from './types'

/**
 * Writes the NPS question as an email: eleven score links that answer with one tap, in the customer's
 * language, for every email client in use (Gmail, Outlook for Windows, Mac and the web, Apple Mail),
 * light or dark. Pure: no Node or browser API, so it runs in any server, worker or edge function; send
 * the result with whatever already sends your shop's emails.
 *
 * The wording is the widget's (same question, same anchors, same overrides), so an answer by email and
 * one on the site were asked the same question. Bad options throw a TypeError naming the option, or a
 * RangeError for a value of the right type out of range.
 *
 * @example
 * import { surveyEmail } from 'npskit/email'
 *
 * const { subject, html, text } = surveyEmail({
 *   brand: 'Nordhandel',
 *   locale: 'nb',
 *   links: (score) => `https://nordhandel.no/nps?order=NH-1042&score=${score}`,
 * })
 * // subject → 'Hvor sannsynlig er det at du vil anbefale Nordhandel til en venn eller kollega?'
 */
export function surveyEmail(options: SurveyEmailOptions): SurveyEmail {
  const o = emailSettings(options)
  const m: EmailMessages = { subject: '', ...o.locale.messages, ...o.messages }
  const brand = { brand: o.brand }
  const question = questionText(m, o.brand, o.question)
  // The subject becomes a mail header: a line break from a brand or a message must not start another one.
  const subject = (m.subject ? fill(m.subject, brand) : question).replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ')
  const low = fill(m.low, brand)
  const high = fill(m.high, brand)
  const urls = surveyUrls(o.links)
  const labels = scores.map((score) => fill(m.scoreLabel, { ...brand, score }))
  return {
    subject,
    html: emailHtml({
      lang: o.locale.code,
      dir: o.locale.dir,
      subject,
      brand: o.brand,
      question,
      // The inbox shows the preview after the subject: the question, unless the subject already is it.
      preheader: subject === question ? `0 – ${low} · 10 – ${high}` : question,
      urls,
      labels,
      low,
      high,
      colours: cellColours(o.accent),
    }),
    text: emailText({ question, urls, labels, low, high }),
    locale: o.locale.code,
  }
}
