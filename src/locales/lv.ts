import type { Locale } from '../core/messages'

/** Latvian. */
const lv: Locale = {
  code: 'lv',
  dir: 'ltr',
  messages: {
    question: 'Cik liela ir varbūtība, ka Jūs ieteiktu {brand} draugam vai kolēģim?',
    questionNoBrand: 'Cik liela ir varbūtība, ka Jūs ieteiktu mūs draugam vai kolēģim?',
    low: 'Noteikti neieteiktu',
    high: 'Noteikti ieteiktu',
    scoreLabel: '{score} no 10',
    surveyLabel: 'Klientu aptauja',
    close: 'Aizvērt aptauju',
    followUpDetractor: 'Kas nebija kārtībā, un ko mums vajadzētu uzlabot?',
    followUpPassive: 'Kas būtu jāmaina, lai Jūs mums dotu 10?',
    followUpPromoter: 'Prieks dzirdēt! Kas Jums pie mums patīk visvairāk?',
    commentPlaceholder: 'Jūsu atbilde (nav obligāta)',
    charactersLeft: 'Atlikušās rakstzīmes: {count}',
    contactConsent: 'Piekrītu, ka ar mani sazinās par manu atbildi',
    submit: 'Nosūtīt',
    skip: 'Izlaist',
    thankYouDetractor: 'Paldies par atklātību! Mēs izlasām katru atbildi un izmantojam to, lai kļūtu labāki.',
    thankYouPassive: 'Paldies par atsauksmi!',
    thankYouPromoter: 'Liels paldies! Tas mūs ļoti iepriecina.',
  },
}

export default lv
