import type { Locale } from '../core/messages'

/** French. */
const fr: Locale = {
  code: 'fr',
  dir: 'ltr',
  messages: {
    question: 'Quelle est la probabilité que vous recommandiez {brand} à un ami ou à un collègue\u202f?',
    questionNoBrand: 'Quelle est la probabilité que vous nous recommandiez à un ami ou à un collègue\u202f?',
    low: 'Pas du tout probable',
    high: 'Très probable',
    scoreLabel: '{score} sur 10',
    surveyLabel: 'Enquête de satisfaction',
    close: 'Fermer l’enquête',
    followUpDetractor: 'Qu’est-ce qui n’a pas été, et que pouvons-nous améliorer\u202f?',
    followUpPassive: 'Que faudrait-il pour que vous nous donniez 10\u202f?',
    followUpPromoter: 'Ravis de l’apprendre\u202f! Qu’appréciez-vous le plus chez nous\u202f?',
    commentPlaceholder: 'Votre réponse (facultatif)',
    charactersLeft: 'Caractères restants\u00a0: {count}',
    contactConsent: 'Vous pouvez me contacter au sujet de ma réponse',
    submit: 'Envoyer',
    skip: 'Passer',
    thankYouDetractor: 'Merci pour votre franchise. Chaque réponse est lue et nous aide à nous améliorer.',
    thankYouPassive: 'Merci pour votre avis\u202f!',
    thankYouPromoter: 'Merci beaucoup\u202f! Cela nous fait très plaisir.',
  },
}

export default fr
