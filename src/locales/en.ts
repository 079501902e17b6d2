import type { Locale } from '../core/messages'

/** English. */
const en: Locale = {
  code: 'en',
  dir: 'ltr',
  messages: {
    question: 'How likely are you to recommend {brand} to a friend or colleague?',
    questionNoBrand: 'How likely are you to recommend us to a friend or colleague?',
    low: 'Not at all likely',
    high: 'Extremely likely',
    scoreLabel: '{score} out of 10',
    surveyLabel: 'Customer survey',
    close: 'Close survey',
    followUpDetractor: 'What went wrong, and what should we do better?',
    followUpPassive: 'What would make it a 10 for you?',
    followUpPromoter: 'Great to hear! What do you like most about us?',
    commentPlaceholder: 'Your answer (optional)',
    charactersLeft: 'Characters left: {count}',
    contactConsent: 'You may contact me about my answer',
    submit: 'Send',
    skip: 'Skip',
    thankYouDetractor: 'Thank you for being honest. We read every answer and use it to do better.',
    thankYouPassive: 'Thanks for your feedback!',
    thankYouPromoter: 'Thank you so much! That means a lot to us.',
  },
}

export default en
