import type { Locale } from '../core/messages'

/** Norwegian Bokmål. */
const nb: Locale = {
  code: 'nb',
  dir: 'ltr',
  messages: {
    question: 'Hvor sannsynlig er det at du vil anbefale {brand} til en venn eller kollega?',
    questionNoBrand: 'Hvor sannsynlig er det at du vil anbefale oss til en venn eller kollega?',
    low: 'Svært lite sannsynlig',
    high: 'Svært sannsynlig',
    scoreLabel: '{score} av 10',
    surveyLabel: 'Kundeundersøkelse',
    close: 'Lukk undersøkelsen',
    followUpDetractor: 'Hva gikk galt, og hva bør vi gjøre bedre?',
    followUpPassive: 'Hva skal til for at du gir oss 10?',
    followUpPromoter: 'Så hyggelig å høre! Hva liker du best med oss?',
    commentPlaceholder: 'Ditt svar (valgfritt)',
    charactersLeft: 'Tegn igjen: {count}',
    contactConsent: 'Dere kan kontakte meg om svaret mitt',
    submit: 'Send',
    skip: 'Hopp over',
    thankYouDetractor: 'Takk for ærlig tilbakemelding. Vi leser alle svar og bruker dem til å bli bedre.',
    thankYouPassive: 'Takk for tilbakemeldingen!',
    thankYouPromoter: 'Tusen takk! Det setter vi stor pris på.',
  },
}

export default nb
