import type { Locale } from '../core/messages'

/** Norwegian Nynorsk. */
const nn: Locale = {
  code: 'nn',
  dir: 'ltr',
  messages: {
    question: 'Kor sannsynleg er det at du vil tilrå {brand} til ein ven eller kollega?',
    questionNoBrand: 'Kor sannsynleg er det at du vil tilrå oss til ein ven eller kollega?',
    low: 'Svært lite sannsynleg',
    high: 'Svært sannsynleg',
    scoreLabel: '{score} av 10',
    surveyLabel: 'Kundeundersøking',
    close: 'Lukk undersøkinga',
    followUpDetractor: 'Kva gjekk gale, og kva bør vi gjere betre?',
    followUpPassive: 'Kva skal til for at du gir oss 10?',
    followUpPromoter: 'Så kjekt å høyre! Kva likar du best med oss?',
    commentPlaceholder: 'Svaret ditt (valfritt)',
    charactersLeft: 'Teikn att: {count}',
    contactConsent: 'Eg kan bli kontakta om svaret mitt',
    submit: 'Send',
    skip: 'Hopp over',
    thankYouDetractor: 'Takk for ærleg tilbakemelding. Vi les alle svar og brukar dei til å bli betre.',
    thankYouPassive: 'Takk for tilbakemeldinga!',
    thankYouPromoter: 'Tusen takk! Det set vi stor pris på.',
  },
}

export default nn
