// What the landing page says when it cannot ask: in the link's language when the link still says
// which (an expired link does), else in the visitor's (Accept-Language), else in English. The page's
// title is the widget's own "Customer survey" of that locale.

/** Why the page cannot ask. */
export type Problem = 'expired' | 'invalid' | 'unavailable'

type Texts = Readonly<Record<Problem, string>>

export const problemTexts: Readonly<Record<string, Texts>> = {
  ar: { expired: 'انتهت مدة هذا الاستطلاع. شكرًا لرغبتك في الإجابة!', invalid: 'هذا الرابط لا يعمل. جرّب فتحه مرة أخرى من البريد الإلكتروني.', unavailable: 'هذا الاستطلاع غير متاح حاليًا.' },
  cs: { expired: 'Tento průzkum již skončil. Děkujeme, že jste chtěli odpovědět!', invalid: 'Tento odkaz nefunguje. Zkuste ho znovu otevřít z e-mailu.', unavailable: 'Tento průzkum teď není k dispozici.' },
  da: { expired: 'Denne undersøgelse er lukket. Tak fordi du ville svare!', invalid: 'Dette link virker ikke. Prøv at åbne det igen fra e-mailen.', unavailable: 'Denne undersøgelse er ikke tilgængelig lige nu.' },
  de: { expired: 'Diese Umfrage ist beendet. Danke, dass Sie antworten wollten!', invalid: 'Dieser Link funktioniert nicht. Öffnen Sie ihn bitte noch einmal aus der E-Mail.', unavailable: 'Diese Umfrage ist gerade nicht verfügbar.' },
  en: { expired: 'This survey has closed. Thank you for wanting to answer!', invalid: 'This link does not work. Try opening it again from the email.', unavailable: 'This survey is not available right now.' },
  es: { expired: 'Esta encuesta ya ha cerrado. ¡Gracias por querer responder!', invalid: 'Este enlace no funciona. Pruebe a abrirlo de nuevo desde el correo.', unavailable: 'Esta encuesta no está disponible en este momento.' },
  et: { expired: 'See küsitlus on lõppenud. Aitäh, et soovisid vastata!', invalid: 'See link ei tööta. Proovi see e-kirjast uuesti avada.', unavailable: 'See küsitlus pole praegu saadaval.' },
  fi: { expired: 'Tämä kysely on päättynyt. Kiitos, että halusit vastata!', invalid: 'Tämä linkki ei toimi. Avaa se uudelleen sähköpostista.', unavailable: 'Tämä kysely ei ole juuri nyt saatavilla.' },
  fr: { expired: 'Cette enquête est close. Merci d’avoir voulu répondre\u202f!', invalid: 'Ce lien ne fonctionne pas. Essayez de l’ouvrir à nouveau depuis l’e-mail.', unavailable: 'Cette enquête n’est pas disponible pour le moment.' },
  he: { expired: 'הסקר הזה נסגר. תודה שרצית לענות!', invalid: 'הקישור הזה לא עובד. נסו לפתוח אותו שוב מהאימייל.', unavailable: 'הסקר הזה אינו זמין כרגע.' },
  is: { expired: 'Þessari könnun er lokið. Takk fyrir að vilja svara!', invalid: 'Þessi hlekkur virkar ekki. Reyndu að opna hann aftur úr tölvupóstinum.', unavailable: 'Þessi könnun er ekki í boði eins og er.' },
  it: { expired: 'Questo sondaggio è chiuso. Grazie per aver voluto rispondere!', invalid: 'Questo link non funziona. Prova ad aprirlo di nuovo dall’email.', unavailable: 'Questo sondaggio non è disponibile al momento.' },
  lt: { expired: 'Ši apklausa baigėsi. Ačiū, kad norėjote atsakyti!', invalid: 'Ši nuoroda neveikia. Pabandykite ją dar kartą atidaryti iš el. laiško.', unavailable: 'Ši apklausa šiuo metu nepasiekiama.' },
  lv: { expired: 'Šī aptauja ir slēgta. Paldies, ka vēlējāties atbildēt!', invalid: 'Šī saite nedarbojas. Mēģiniet to atvērt vēlreiz no e-pasta.', unavailable: 'Šī aptauja pašlaik nav pieejama.' },
  nb: { expired: 'Denne undersøkelsen er avsluttet. Takk for at du ville svare!', invalid: 'Denne lenken virker ikke. Prøv å åpne den på nytt fra e-posten.', unavailable: 'Denne undersøkelsen er ikke tilgjengelig akkurat nå.' },
  nl: { expired: 'Deze enquête is gesloten. Bedankt dat je wilde antwoorden!', invalid: 'Deze link werkt niet. Open hem opnieuw vanuit de e-mail.', unavailable: 'Deze enquête is op dit moment niet beschikbaar.' },
  nn: { expired: 'Denne undersøkinga er avslutta. Takk for at du ville svare!', invalid: 'Denne lenkja verkar ikkje. Prøv å opne ho på nytt frå e-posten.', unavailable: 'Denne undersøkinga er ikkje tilgjengeleg akkurat no.' },
  pl: { expired: 'Ta ankieta jest już zamknięta. Dziękujemy za chęć udzielenia odpowiedzi!', invalid: 'Ten link nie działa. Spróbuj otworzyć go ponownie z wiadomości e-mail.', unavailable: 'Ta ankieta jest teraz niedostępna.' },
  pt: { expired: 'Esta pesquisa foi encerrada. Obrigado por querer responder!', invalid: 'Este link não funciona. Tente abri-lo de novo pelo e-mail.', unavailable: 'Esta pesquisa não está disponível no momento.' },
  sv: { expired: 'Den här undersökningen är avslutad. Tack för att du ville svara!', invalid: 'Den här länken fungerar inte. Försök öppna den igen från mejlet.', unavailable: 'Den här undersökningen är inte tillgänglig just nu.' },
}
