import type { Locale } from '../core/messages'

/** Czech. */
const cs: Locale = {
  code: 'cs',
  dir: 'ltr',
  messages: {
    question: 'Jak pravděpodobné je, že byste {brand} doporučili přátelům nebo kolegům?',
    questionNoBrand: 'Jak pravděpodobné je, že byste nás doporučili přátelům nebo kolegům?',
    low: 'Zcela nepravděpodobné',
    high: 'Velmi pravděpodobné',
    scoreLabel: '{score} z 10',
    surveyLabel: 'Zákaznický průzkum',
    close: 'Zavřít průzkum',
    followUpDetractor: 'Co se nepovedlo a co bychom měli zlepšit?',
    followUpPassive: 'Co by bylo potřeba, abyste nám dali 10?',
    followUpPromoter: 'To rádi slyšíme! Co se vám u nás líbí nejvíc?',
    commentPlaceholder: 'Vaše odpověď (nepovinné)',
    charactersLeft: 'Zbývá znaků: {count}',
    contactConsent: 'Můžete mě kontaktovat ohledně mé odpovědi',
    submit: 'Odeslat',
    skip: 'Přeskočit',
    thankYouDetractor: 'Děkujeme za upřímnost. Každou odpověď čteme a podle ní se zlepšujeme.',
    thankYouPassive: 'Děkujeme za zpětnou vazbu!',
    thankYouPromoter: 'Moc děkujeme! Máme z toho radost.',
  },
}

export default cs
