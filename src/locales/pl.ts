import type { Locale } from '../core/messages'

/** Polish. */
const pl: Locale = {
  code: 'pl',
  dir: 'ltr',
  messages: {
    question: 'Jak bardzo prawdopodobne jest, że polecisz {brand} znajomemu lub współpracownikowi?',
    questionNoBrand: 'Jak bardzo prawdopodobne jest, że polecisz nas znajomemu lub współpracownikowi?',
    low: 'Bardzo mało prawdopodobne',
    high: 'Bardzo prawdopodobne',
    scoreLabel: '{score} na 10',
    surveyLabel: 'Ankieta satysfakcji klienta',
    close: 'Zamknij ankietę',
    followUpDetractor: 'Co poszło nie tak i co możemy poprawić?',
    followUpPassive: 'Czego zabrakło do oceny 10?',
    followUpPromoter: 'Miło nam! Co podoba Ci się u nas najbardziej?',
    commentPlaceholder: 'Twoja odpowiedź (opcjonalnie)',
    charactersLeft: 'Pozostało znaków: {count}',
    contactConsent: 'Zgadzam się na kontakt w sprawie mojej odpowiedzi',
    submit: 'Wyślij',
    skip: 'Pomiń',
    thankYouDetractor: 'Dziękujemy za szczerość. Czytamy każdą odpowiedź i wykorzystujemy ją, by działać lepiej.',
    thankYouPassive: 'Dziękujemy za opinię!',
    thankYouPromoter: 'Bardzo dziękujemy! To dla nas wiele znaczy.',
  },
}

export default pl
