import type { Locale } from '../core/messages'

/** Portuguese (Brazil, as CLDR’s `pt`). */
const pt: Locale = {
  code: 'pt',
  dir: 'ltr',
  messages: {
    question: 'Qual é a probabilidade de você recomendar {brand} a um amigo ou colega?',
    questionNoBrand: 'Qual é a probabilidade de você nos recomendar a um amigo ou colega?',
    low: 'Nada provável',
    high: 'Muito provável',
    scoreLabel: '{score} de 10',
    surveyLabel: 'Pesquisa de satisfação',
    close: 'Fechar pesquisa',
    followUpDetractor: 'O que deu errado e o que podemos melhorar?',
    followUpPassive: 'O que faria você nos dar nota 10?',
    followUpPromoter: 'Que bom! Do que você mais gosta em nós?',
    commentPlaceholder: 'Sua resposta (opcional)',
    charactersLeft: 'Caracteres restantes: {count}',
    contactConsent: 'Vocês podem entrar em contato comigo sobre minha resposta',
    submit: 'Enviar',
    skip: 'Pular',
    thankYouDetractor: 'Obrigado pela sinceridade. Lemos todas as respostas e usamos cada uma para melhorar.',
    thankYouPassive: 'Obrigado pela sua opinião!',
    thankYouPromoter: 'Muito obrigado! Ficamos muito felizes.',
  },
}

export default pt
