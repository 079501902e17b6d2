import type { Locale } from '../core/messages'

/** Dutch. */
const nl: Locale = {
  code: 'nl',
  dir: 'ltr',
  messages: {
    question: 'Hoe waarschijnlijk is het dat je {brand} zou aanbevelen aan een vriend of collega?',
    questionNoBrand: 'Hoe waarschijnlijk is het dat je ons zou aanbevelen aan een vriend of collega?',
    low: 'Zeer onwaarschijnlijk',
    high: 'Zeer waarschijnlijk',
    scoreLabel: '{score} van de 10',
    surveyLabel: 'Klantenenquête',
    close: 'Enquête sluiten',
    followUpDetractor: 'Wat ging er mis en wat kunnen we beter doen?',
    followUpPassive: 'Wat moeten we doen om een 10 van je te krijgen?',
    followUpPromoter: 'Fijn om te horen! Wat vind je het leukst aan ons?',
    commentPlaceholder: 'Je antwoord (optioneel)',
    charactersLeft: 'Nog {count} tekens',
    contactConsent: 'Jullie mogen contact met me opnemen over mijn antwoord',
    submit: 'Versturen',
    skip: 'Overslaan',
    thankYouDetractor: 'Bedankt voor je eerlijke feedback. We lezen elk antwoord en gebruiken het om beter te worden.',
    thankYouPassive: 'Bedankt voor je feedback!',
    thankYouPromoter: 'Heel erg bedankt! Dat doet ons goed.',
  },
}

export default nl
