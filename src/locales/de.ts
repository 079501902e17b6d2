import type { Locale } from '../core/messages'

/** German. */
const de: Locale = {
  code: 'de',
  dir: 'ltr',
  messages: {
    question: 'Wie wahrscheinlich ist es, dass Sie {brand} einem Freund oder Kollegen weiterempfehlen würden?',
    questionNoBrand: 'Wie wahrscheinlich ist es, dass Sie uns einem Freund oder Kollegen weiterempfehlen würden?',
    low: 'Sehr unwahrscheinlich',
    high: 'Sehr wahrscheinlich',
    scoreLabel: '{score} von 10',
    surveyLabel: 'Kundenumfrage',
    close: 'Umfrage schließen',
    followUpDetractor: 'Was ist schiefgelaufen und was können wir besser machen?',
    followUpPassive: 'Was müssten wir tun, damit Sie uns eine 10 geben?',
    followUpPromoter: 'Schön zu hören! Was gefällt Ihnen bei uns am besten?',
    commentPlaceholder: 'Ihre Antwort (optional)',
    charactersLeft: 'Noch {count} Zeichen',
    contactConsent: 'Sie dürfen mich zu meiner Antwort kontaktieren',
    submit: 'Senden',
    skip: 'Überspringen',
    thankYouDetractor: 'Danke für Ihre Offenheit. Wir lesen jede Antwort und nutzen sie, um besser zu werden.',
    thankYouPassive: 'Vielen Dank für Ihr Feedback!',
    thankYouPromoter: 'Herzlichen Dank! Das freut uns sehr.',
  },
}

export default de
