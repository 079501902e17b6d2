import type { Locale } from '../core/messages'

/** Estonian. */
const et: Locale = {
  code: 'et',
  dir: 'ltr',
  messages: {
    question: 'Kui tõenäoliselt soovitaksite ettevõtet {brand} sõbrale või kolleegile?',
    questionNoBrand: 'Kui tõenäoliselt soovitaksite meid sõbrale või kolleegile?',
    low: 'Üldse mitte tõenäoliselt',
    high: 'Väga tõenäoliselt',
    scoreLabel: '{score} 10-st',
    surveyLabel: 'Kliendiküsitlus',
    close: 'Sulge küsitlus',
    followUpDetractor: 'Mis läks valesti ja mida saaksime paremini teha?',
    followUpPassive: 'Mida peaksime tegema, et annaksite meile 10?',
    followUpPromoter: 'Tore kuulda! Mis teile meie juures kõige rohkem meeldib?',
    commentPlaceholder: 'Teie vastus (valikuline)',
    charactersLeft: 'Märke alles: {count}',
    contactConsent: 'Minuga võib vastuse kohta ühendust võtta',
    submit: 'Saada',
    skip: 'Jäta vahele',
    thankYouDetractor: 'Aitäh aususe eest! Loeme kõiki vastuseid ja kasutame neid, et paremaks saada.',
    thankYouPassive: 'Aitäh tagasiside eest!',
    thankYouPromoter: 'Suur aitäh! Meil on selle üle väga hea meel.',
  },
}

export default et
