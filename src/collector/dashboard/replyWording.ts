// What "Reply by email" drafts, per language: a subject, a greeting, a thank-you, the line that
// introduces the customer's own words, a request to hear more, and the sign-off. The shop edits
// the draft in its mail client before sending; these only spare it the blank page.

/** The phrases of one language. `{name}` in `hello` is the customer's name. */
export interface ReplyWording {
  readonly subject: string
  readonly hello: string
  readonly helloNoName: string
  readonly thanks: string
  readonly youWrote: string
  readonly ask: string
  readonly regards: string
}

/** By primary language subtag; a tag not listed falls back to English. */
export const replyWording: Readonly<Record<string, ReplyWording>> = {
  en: {
    subject: 'About your feedback',
    hello: 'Hi {name},',
    helloNoName: 'Hi,',
    thanks: 'Thank you for answering our survey.',
    youWrote: 'You wrote:',
    ask: 'We are sorry that we did not live up to your expectations. Could you tell us a little more about what happened, so that we can put it right?',
    regards: 'Best regards,',
  },
  nb: {
    subject: 'Om tilbakemeldingen din',
    hello: 'Hei {name},',
    helloNoName: 'Hei,',
    thanks: 'Takk for at du svarte på undersøkelsen vår.',
    youWrote: 'Du skrev:',
    ask: 'Vi beklager at vi ikke levde opp til forventningene dine. Kan du fortelle litt mer om hva som skjedde, så vi kan rette det opp?',
    regards: 'Vennlig hilsen',
  },
  nn: {
    subject: 'Om tilbakemeldinga di',
    hello: 'Hei {name},',
    helloNoName: 'Hei,',
    thanks: 'Takk for at du svarte på undersøkinga vår.',
    youWrote: 'Du skreiv:',
    ask: 'Vi er lei for at vi ikkje levde opp til forventningane dine. Kan du fortelje litt meir om kva som skjedde, så vi kan rette det opp?',
    regards: 'Venleg helsing',
  },
  da: {
    subject: 'Om din tilbagemelding',
    hello: 'Hej {name},',
    helloNoName: 'Hej,',
    thanks: 'Tak fordi du svarede på vores undersøgelse.',
    youWrote: 'Du skrev:',
    ask: 'Vi beklager, at vi ikke levede op til dine forventninger. Vil du fortælle lidt mere om, hvad der skete, så vi kan rette op på det?',
    regards: 'Venlig hilsen',
  },
  sv: {
    subject: 'Angående din återkoppling',
    hello: 'Hej {name},',
    helloNoName: 'Hej,',
    thanks: 'Tack för att du svarade på vår undersökning.',
    youWrote: 'Du skrev:',
    ask: 'Vi beklagar att vi inte levde upp till dina förväntningar. Kan du berätta lite mer om vad som hände, så att vi kan rätta till det?',
    regards: 'Vänliga hälsningar',
  },
  fi: {
    subject: 'Palautteestasi',
    hello: 'Hei {name},',
    helloNoName: 'Hei,',
    thanks: 'Kiitos, että vastasit kyselyymme.',
    youWrote: 'Kirjoitit:',
    ask: 'Olemme pahoillamme, ettemme täyttäneet odotuksiasi. Voisitko kertoa hieman tarkemmin, mitä tapahtui, jotta voimme korjata asian?',
    regards: 'Ystävällisin terveisin',
  },
  is: {
    subject: 'Varðandi ábendingu þína',
    hello: 'Hæ {name},',
    helloNoName: 'Hæ,',
    thanks: 'Takk fyrir að svara könnuninni okkar.',
    youWrote: 'Þú skrifaðir:',
    ask: 'Okkur þykir leitt að við stóðum ekki undir væntingum þínum. Gætir þú sagt okkur aðeins nánar frá því sem gerðist, svo að við getum bætt úr því?',
    regards: 'Bestu kveðjur,',
  },
  de: {
    subject: 'Zu Ihrer Rückmeldung',
    hello: 'Guten Tag {name},',
    helloNoName: 'Guten Tag,',
    thanks: 'vielen Dank, dass Sie an unserer Umfrage teilgenommen haben.',
    youWrote: 'Sie schrieben:',
    ask: 'Es tut uns leid, dass wir Ihre Erwartungen nicht erfüllt haben. Könnten Sie uns etwas genauer schildern, was passiert ist, damit wir es wiedergutmachen können?',
    regards: 'Mit freundlichen Grüßen',
  },
  fr: {
    subject: 'À propos de votre avis',
    hello: 'Bonjour {name},',
    helloNoName: 'Bonjour,',
    thanks: "Merci d'avoir répondu à notre enquête.",
    youWrote: 'Vous avez écrit :',
    ask: "Nous sommes désolés de ne pas avoir été à la hauteur de vos attentes. Pourriez-vous nous en dire un peu plus sur ce qui s'est passé, afin que nous puissions y remédier ?",
    regards: 'Cordialement,',
  },
  es: {
    subject: 'Sobre su opinión',
    hello: 'Hola, {name}:',
    helloNoName: 'Hola:',
    thanks: 'Gracias por responder a nuestra encuesta.',
    youWrote: 'Usted escribió:',
    ask: 'Lamentamos no haber estado a la altura de sus expectativas. ¿Podría contarnos un poco más sobre lo que ocurrió, para que podamos solucionarlo?',
    regards: 'Un saludo,',
  },
  nl: {
    subject: 'Over uw feedback',
    hello: 'Beste {name},',
    helloNoName: 'Beste klant,',
    thanks: 'Bedankt voor het invullen van onze enquête.',
    youWrote: 'U schreef:',
    ask: 'Het spijt ons dat we niet aan uw verwachtingen hebben voldaan. Kunt u ons iets meer vertellen over wat er is gebeurd, zodat we het kunnen rechtzetten?',
    regards: 'Met vriendelijke groet,',
  },
}
