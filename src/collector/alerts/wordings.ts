// The words an alert adds to those of the widget's locales, one entry per language. A language
// missing here is written in English entirely, so an alert never mixes two languages.
import type { Category } from '../../types'

/** What an alert says besides the widget's own messages. */
export interface AlertPhrases {
  readonly category: Readonly<Record<Category, string>>
  /** The heading of the short message about a comment that came after its alert. */
  readonly update: string
  readonly comment: string
  readonly noComment: string
  readonly journeyPoint: string
  readonly page: string
  readonly survey: string
  readonly details: string
  readonly contact: string
  readonly noContact: string
  readonly email: string
  readonly open: string
}

export const phrases: Readonly<Record<string, AlertPhrases>> = {
  en: {
    category: { detractor: 'Detractor', passive: 'Passive', promoter: 'Promoter' },
    update: 'Comment added', comment: 'Comment', noComment: 'No comment', journeyPoint: 'Journey point', page: 'Page',
    survey: 'Survey', details: 'Details', contact: 'May be contacted', noContact: 'Did not agree to be contacted',
    email: 'Email', open: 'Open in the inbox',
  },
  nb: {
    category: { detractor: 'Kritiker', passive: 'Passiv', promoter: 'Ambassadør' },
    update: 'Kommentar lagt til', comment: 'Kommentar', noComment: 'Ingen kommentar', journeyPoint: 'Punkt i kundereisen',
    page: 'Side', survey: 'Undersøkelse', details: 'Detaljer', contact: 'Kan kontaktes',
    noContact: 'Har ikke samtykket til å bli kontaktet', email: 'E-post', open: 'Åpne i innboksen',
  },
  nn: {
    category: { detractor: 'Kritikar', passive: 'Passiv', promoter: 'Ambassadør' },
    update: 'Kommentar lagd til', comment: 'Kommentar', noComment: 'Ingen kommentar', journeyPoint: 'Punkt i kundereisa',
    page: 'Side', survey: 'Undersøking', details: 'Detaljar', contact: 'Kan kontaktast',
    noContact: 'Har ikkje samtykt til å bli kontakta', email: 'E-post', open: 'Opne i innboksen',
  },
  da: {
    category: { detractor: 'Kritiker', passive: 'Passiv', promoter: 'Ambassadør' },
    update: 'Kommentar tilføjet', comment: 'Kommentar', noComment: 'Ingen kommentar', journeyPoint: 'Punkt i kunderejsen',
    page: 'Side', survey: 'Undersøgelse', details: 'Detaljer', contact: 'Må kontaktes',
    noContact: 'Har ikke givet samtykke til at blive kontaktet', email: 'E-mail', open: 'Åbn i indbakken',
  },
  sv: {
    category: { detractor: 'Kritiker', passive: 'Passiv', promoter: 'Ambassadör' },
    update: 'Kommentar tillagd', comment: 'Kommentar', noComment: 'Ingen kommentar', journeyPoint: 'Punkt i kundresan',
    page: 'Sida', survey: 'Undersökning', details: 'Detaljer', contact: 'Får kontaktas',
    noContact: 'Har inte samtyckt till att bli kontaktad', email: 'E-post', open: 'Öppna i inkorgen',
  },
  fi: {
    category: { detractor: 'Arvostelija', passive: 'Passiivinen', promoter: 'Suosittelija' },
    update: 'Kommentti lisätty', comment: 'Kommentti', noComment: 'Ei kommenttia', journeyPoint: 'Asiakaspolun kohta',
    page: 'Sivu', survey: 'Kysely', details: 'Lisätiedot', contact: 'Yhteyttä saa ottaa',
    noContact: 'Ei ole antanut lupaa yhteydenottoon', email: 'Sähköposti', open: 'Avaa saapuneissa',
  },
  is: {
    category: { detractor: 'Gagnrýnandi', passive: 'Hlutlaus', promoter: 'Meðmælandi' },
    update: 'Athugasemd bætt við', comment: 'Athugasemd', noComment: 'Engin athugasemd', journeyPoint: 'Staður í kaupferlinu',
    page: 'Síða', survey: 'Könnun', details: 'Nánar', contact: 'Má hafa samband',
    noContact: 'Hefur ekki samþykkt að haft sé samband', email: 'Netfang', open: 'Opna í innhólfinu',
  },
  de: {
    category: { detractor: 'Kritiker', passive: 'Indifferenter', promoter: 'Promotor' },
    update: 'Kommentar ergänzt', comment: 'Kommentar', noComment: 'Kein Kommentar', journeyPoint: 'Punkt der Customer Journey',
    page: 'Seite', survey: 'Umfrage', details: 'Details', contact: 'Darf kontaktiert werden',
    noContact: 'Hat einer Kontaktaufnahme nicht zugestimmt', email: 'E-Mail', open: 'Im Posteingang öffnen',
  },
}
