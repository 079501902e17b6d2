import type { Locale } from '../core/messages'

/** Lithuanian. */
const lt: Locale = {
  code: 'lt',
  dir: 'ltr',
  messages: {
    question: 'Kokia tikimybė, kad rekomenduotumėte {brand} draugui ar kolegai?',
    questionNoBrand: 'Kokia tikimybė, kad rekomenduotumėte mus draugui ar kolegai?',
    low: 'Visiškai netikėtina',
    high: 'Labai tikėtina',
    scoreLabel: '{score} iš 10',
    surveyLabel: 'Klientų apklausa',
    close: 'Uždaryti apklausą',
    followUpDetractor: 'Kas buvo ne taip ir ką turėtume daryti geriau?',
    followUpPassive: 'Ko trūko, kad įvertintumėte mus 10?',
    followUpPromoter: 'Malonu girdėti! Kas jums pas mus patinka labiausiai?',
    commentPlaceholder: 'Jūsų atsakymas (neprivaloma)',
    charactersLeft: 'Liko simbolių: {count}',
    contactConsent: 'Sutinku, kad su manimi susisiektų dėl mano atsakymo',
    submit: 'Siųsti',
    skip: 'Praleisti',
    thankYouDetractor: 'Ačiū už atvirumą. Skaitome kiekvieną atsakymą ir pagal jį tobulėjame.',
    thankYouPassive: 'Ačiū už atsiliepimą!',
    thankYouPromoter: 'Labai ačiū! Mums tai labai malonu.',
  },
}

export default lt
