import type { Locale } from '../core/messages'

/** Spanish. */
const es: Locale = {
  code: 'es',
  dir: 'ltr',
  messages: {
    question: '¿Qué probabilidad hay de que recomiende {brand} a un amigo o colega?',
    questionNoBrand: '¿Qué probabilidad hay de que nos recomiende a un amigo o colega?',
    low: 'Nada probable',
    high: 'Muy probable',
    scoreLabel: '{score} de 10',
    surveyLabel: 'Encuesta de satisfacción',
    close: 'Cerrar encuesta',
    followUpDetractor: '¿Qué salió mal y qué podemos mejorar?',
    followUpPassive: '¿Qué haría falta para que nos diera un 10?',
    followUpPromoter: '¡Nos alegra saberlo! ¿Qué es lo que más le gusta de nosotros?',
    commentPlaceholder: 'Su respuesta (opcional)',
    charactersLeft: 'Caracteres restantes: {count}',
    contactConsent: 'Pueden contactarme sobre mi respuesta',
    submit: 'Enviar',
    skip: 'Omitir',
    thankYouDetractor: 'Gracias por su sinceridad. Leemos cada respuesta y la usamos para mejorar.',
    thankYouPassive: '¡Gracias por su opinión!',
    thankYouPromoter: '¡Muchas gracias! Es un placer contar con usted.',
  },
}

export default es
