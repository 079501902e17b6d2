import type { Locale } from '../core/messages'

/** Icelandic. */
const is: Locale = {
  code: 'is',
  dir: 'ltr',
  messages: {
    question: 'Hversu líklegt er að þú myndir mæla með {brand} við vin eða samstarfsfélaga?',
    questionNoBrand: 'Hversu líklegt er að þú myndir mæla með okkur við vin eða samstarfsfélaga?',
    low: 'Alls ekki líklegt',
    high: 'Mjög líklegt',
    scoreLabel: '{score} af 10',
    surveyLabel: 'Þjónustukönnun',
    close: 'Loka könnun',
    followUpDetractor: 'Hvað fór úrskeiðis og hvað getum við gert betur?',
    followUpPassive: 'Hvað þyrfti til að þú gæfir okkur 10?',
    followUpPromoter: 'Gaman að heyra! Hvað líkar þér best við okkur?',
    commentPlaceholder: 'Svarið þitt (valfrjálst)',
    charactersLeft: 'Stafir eftir: {count}',
    contactConsent: 'Það má hafa samband við mig vegna svarsins',
    submit: 'Senda',
    skip: 'Sleppa',
    thankYouDetractor: 'Takk fyrir hreinskilnina. Við lesum öll svör og notum þau til að gera betur.',
    thankYouPassive: 'Takk fyrir svarið!',
    thankYouPromoter: 'Kærar þakkir! Það gleður okkur að heyra.',
  },
}

export default is
