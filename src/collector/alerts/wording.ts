import type { Category } from '../../types'
import type { Locale } from '../../core/messages'
import { da, de, en, fi, is, nb, nn, sv } from '../../locales/index'
import { phrases, type AlertPhrases } from './wordings'

/** Everything an alert says, in one language: the widget's messages plus the alert's own phrases. */
export interface AlertWording extends AlertPhrases {
  /** The language actually used, e.g. `'nb'` for `'nb-NO'`, `'en'` for one without phrases. */
  readonly code: string
  /** `"{score} out of 10"`, from the widget's locale. */
  readonly scoreLabel: string
  /** The follow-up question the customer answered, per category, from the widget's locale. */
  readonly followUp: Readonly<Record<Category, string>>
  /** The consent sentence the customer ticked, from the widget's locale. */
  readonly consentSentence: string
}

const locales: Readonly<Record<string, Locale>> = { da, de, en, fi, is, nb, nn, sv }

// Norwegian without a written standard is written in Bokmål, as most Norwegian is.
const aliases: Readonly<Record<string, string>> = { no: 'nb' }

/**
 * The wording of alerts in a language, falling back from `nb-NO` to `nb` and from a language
 * without alert phrases to English.
 *
 * @example
 * resolveWording('sv-FI', 'alerts.locale').category.detractor // → 'Kritiker'
 */
export function resolveWording(locale: string, name: string): AlertWording {
  if (typeof locale !== 'string') throw new TypeError(`${name}: expected a language tag such as 'en' or 'nb'`)
  let canonical: string
  try {
    canonical = Intl.getCanonicalLocales(locale)[0] ?? ''
  } catch {
    throw new RangeError(`${name}: not a language tag: ${locale}`)
  }
  const language = canonical.split('-')[0]!.toLowerCase()
  const code = aliases[language] ?? language
  const own = phrases[code]
  const chosen = own ? code : 'en'
  const messages = locales[chosen]!.messages
  return {
    ...(own ?? phrases.en!),
    code: chosen,
    scoreLabel: messages.scoreLabel,
    followUp: { detractor: messages.followUpDetractor, passive: messages.followUpPassive, promoter: messages.followUpPromoter },
    consentSentence: messages.contactConsent,
  }
}
