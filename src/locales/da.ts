import type { Locale } from '../core/messages'

/** Danish. */
const da: Locale = {
  code: 'da',
  dir: 'ltr',
  messages: {
    question: 'Hvor sandsynligt er det, at du vil anbefale {brand} til en ven eller kollega?',
    questionNoBrand: 'Hvor sandsynligt er det, at du vil anbefale os til en ven eller kollega?',
    low: 'Slet ikke sandsynligt',
    high: 'Meget sandsynligt',
    scoreLabel: '{score} ud af 10',
    surveyLabel: 'Kundeundersøgelse',
    close: 'Luk undersøgelsen',
    followUpDetractor: 'Hvad gik galt, og hvad kan vi gøre bedre?',
    followUpPassive: 'Hvad skal der til, før du giver os et 10-tal?',
    followUpPromoter: 'Hvor dejligt! Hvad kan du bedst lide ved os?',
    commentPlaceholder: 'Dit svar (valgfrit)',
    charactersLeft: 'Tegn tilbage: {count}',
    contactConsent: 'I må gerne kontakte mig om mit svar',
    submit: 'Send',
    skip: 'Spring over',
    thankYouDetractor: 'Tak for din ærlige feedback. Vi læser alle svar og bruger dem til at blive bedre.',
    thankYouPassive: 'Tak for din feedback!',
    thankYouPromoter: 'Mange tak! Det sætter vi stor pris på.',
  },
}

export default da
