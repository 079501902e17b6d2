import type { Locale } from '../core/messages'

/** Italian. */
const it: Locale = {
  code: 'it',
  dir: 'ltr',
  messages: {
    question: 'Con quale probabilità consiglieresti {brand} a un amico o a un collega?',
    questionNoBrand: 'Con quale probabilità ci consiglieresti a un amico o a un collega?',
    low: 'Per niente probabile',
    high: 'Molto probabile',
    scoreLabel: '{score} su 10',
    surveyLabel: 'Sondaggio clienti',
    close: 'Chiudi il sondaggio',
    followUpDetractor: 'Cosa non è andato e cosa possiamo migliorare?',
    followUpPassive: 'Cosa ci vorrebbe per darci un 10?',
    followUpPromoter: 'Che bello! Cosa ti piace di più di noi?',
    commentPlaceholder: 'La tua risposta (facoltativa)',
    charactersLeft: 'Caratteri rimanenti: {count}',
    contactConsent: 'Potete contattarmi in merito alla mia risposta',
    submit: 'Invia',
    skip: 'Salta',
    thankYouDetractor: 'Grazie per la sincerità. Leggiamo ogni risposta e la usiamo per migliorare.',
    thankYouPassive: 'Grazie per la tua opinione!',
    thankYouPromoter: 'Grazie mille! Ci fa davvero piacere.',
  },
}

export default it
