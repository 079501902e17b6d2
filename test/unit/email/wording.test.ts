import { describe, expect, it } from 'vitest'
import { copyFor } from '../../../src/core/copy'
import { surveyEmail } from '../../../src/email'
import * as builtIn from '../../../src/locales'
import { localeCodes } from '../../../src/locales'

const links = { baseUrl: 'https://nps.example.com', token: 'v1.a.b' }

// An answer by email and one on the site must have been asked the same question: the email repeats
// the widget's wording rule (src/email/question.ts), and this holds the two together.
describe('the email asks the widget’s question', () => {
  it.each(localeCodes)('in %s, with the brand, with a question of its own, and with messages', (code) => {
    const locale = builtIn[code]
    const cases = [
      { brand: 'Nordhandel' },
      { brand: 'Tom & Jerry’s {score}' },
      { brand: 'Nordhandel', question: 'Would you recommend {brand} after this order?' },
      { brand: 'Nordhandel', messages: { question: 'Anbefale {brand}?' } },
    ]
    for (const options of cases) {
      const widget = copyFor(options, locale)
      const email = surveyEmail({ ...options, locale: code, links })
      expect(email.subject).toBe(widget.question)
      expect(email.text.split('\n')[0]).toBe(widget.question)
    }
  })
})
