import type { Locale } from '../core/messages'

/** Swedish. */
const sv: Locale = {
  code: 'sv',
  dir: 'ltr',
  messages: {
    question: 'Hur troligt är det att du skulle rekommendera {brand} till en vän eller kollega?',
    questionNoBrand: 'Hur troligt är det att du skulle rekommendera oss till en vän eller kollega?',
    low: 'Inte alls troligt',
    high: 'Mycket troligt',
    scoreLabel: '{score} av 10',
    surveyLabel: 'Kundundersökning',
    close: 'Stäng undersökningen',
    followUpDetractor: 'Vad gick fel, och vad kan vi göra bättre?',
    followUpPassive: 'Vad skulle få dig att ge oss en tia?',
    followUpPromoter: 'Vad roligt! Vad gillar du mest med oss?',
    commentPlaceholder: 'Ditt svar (valfritt)',
    charactersLeft: 'Tecken kvar: {count}',
    contactConsent: 'Ni får gärna kontakta mig om mitt svar',
    submit: 'Skicka',
    skip: 'Hoppa över',
    thankYouDetractor: 'Tack för att du var ärlig. Vi läser alla svar och använder dem för att bli bättre.',
    thankYouPassive: 'Tack för ditt svar!',
    thankYouPromoter: 'Stort tack! Det uppskattar vi verkligen.',
  },
}

export default sv
