import type { Locale } from '../core/messages'

/** Finnish. */
const fi: Locale = {
  code: 'fi',
  dir: 'ltr',
  messages: {
    question: 'Kuinka todennäköisesti suosittelisit yritystä {brand} ystävällesi tai kollegallesi?',
    questionNoBrand: 'Kuinka todennäköisesti suosittelisit meitä ystävällesi tai kollegallesi?',
    low: 'Erittäin epätodennäköisesti',
    high: 'Erittäin todennäköisesti',
    scoreLabel: '{score} 10:stä',
    surveyLabel: 'Asiakaskysely',
    close: 'Sulje kysely',
    followUpDetractor: 'Mikä meni vikaan, ja mitä voisimme tehdä paremmin?',
    followUpPassive: 'Mikä saisi sinut antamaan meille kympin?',
    followUpPromoter: 'Kiva kuulla! Mistä pidät meissä eniten?',
    commentPlaceholder: 'Vastauksesi (vapaaehtoinen)',
    charactersLeft: 'Merkkejä jäljellä: {count}',
    contactConsent: 'Minuun saa ottaa yhteyttä vastaukseeni liittyen',
    submit: 'Lähetä',
    skip: 'Ohita',
    thankYouDetractor: 'Kiitos rehellisyydestäsi. Luemme kaikki vastaukset ja parannamme toimintaamme niiden pohjalta.',
    thankYouPassive: 'Kiitos palautteestasi!',
    thankYouPromoter: 'Kiitos paljon! Sitä on ilo kuulla.',
  },
}

export default fi
