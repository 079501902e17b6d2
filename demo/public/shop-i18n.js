// The demo shop's own strings in its five languages (the survey brings its own). Used by the
// browser (shop.js) and by the server that renders the order confirmation.
export const shopLocales = ['en', 'nb', 'da', 'sv', 'fi']

export const currencies = { en: 'EUR', nb: 'NOK', da: 'DKK', sv: 'SEK', fi: 'EUR' }
const intlLocale = { en: 'en-IE', nb: 'nb-NO', da: 'da-DK', sv: 'sv-SE', fi: 'fi-FI' }

/** Prices per currency, in whole units, as a shop would set them rather than convert them. */
export const products = [
  { id: 'sweater', image: '/demo/public/img/sweater.svg', price: { EUR: 89, NOK: 999, DKK: 699, SEK: 999 } },
  { id: 'mug', image: '/demo/public/img/mug.svg', price: { EUR: 25, NOK: 279, DKK: 189, SEK: 279 } },
  { id: 'boots', image: '/demo/public/img/boots.svg', price: { EUR: 149, NOK: 1699, DKK: 1199, SEK: 1699 } },
]

export const strings = {
  en: {
    tagline: 'Warm things for cold places',
    demoNote: 'A demo shop. Check out to be asked the NPS question, then see your answer on the dashboard.',
    heroTitle: 'Winter is coming. Be ready.',
    heroText: 'Free delivery to pick-up points across the Nordics. 30 days to change your mind.',
    sweater: 'Fjell wool sweater', sweaterText: 'Undyed Norwegian wool, knitted in Ålesund.',
    mug: 'Termo travel mug', mugText: 'Keeps coffee hot through a whole ski trip.',
    boots: 'Vidde winter boots', bootsText: 'Waterproof, lined, good to −30 °C.',
    add: 'Add to cart', added: 'Added', cart: 'Cart', empty: 'Your cart is empty.', total: 'Total',
    remove: 'Remove', checkout: 'Go to checkout', back: 'Continue shopping',
    checkoutTitle: 'Checkout', name: 'Full name', email: 'Email', address: 'Street address',
    postcode: 'Postcode', city: 'City', delivery: 'Delivery', pickup: 'Pick-up point (free)', home: 'Home delivery',
    placeOrder: 'Place order', demoPayment: 'No payment is taken: this is a demo.',
    thanksTitle: 'Thank you for your order!', orderNumber: 'Order number', thanksText: 'We will email you when your parcel is on its way.',
    summary: 'Your order', newOrder: 'Shop again', language: 'Language', qty: 'Qty',
  },
  nb: {
    tagline: 'Varme ting for kalde steder',
    demoNote: 'En demobutikk. Gå til kassen for å få NPS-spørsmålet, og se svaret ditt på dashbordet.',
    heroTitle: 'Vinteren kommer. Vær klar.',
    heroText: 'Gratis frakt til hentesteder i hele Norden. 30 dagers angrerett.',
    sweater: 'Fjell ullgenser', sweaterText: 'Ufarget norsk ull, strikket i Ålesund.',
    mug: 'Termo reisekopp', mugText: 'Holder kaffen varm en hel skitur.',
    boots: 'Vidde vinterstøvler', bootsText: 'Vanntette, fôrede, gode ned til −30 °C.',
    add: 'Legg i handlekurven', added: 'Lagt til', cart: 'Handlekurv', empty: 'Handlekurven er tom.', total: 'Totalt',
    remove: 'Fjern', checkout: 'Til kassen', back: 'Fortsett å handle',
    checkoutTitle: 'Kassen', name: 'Fullt navn', email: 'E-post', address: 'Gateadresse',
    postcode: 'Postnummer', city: 'Sted', delivery: 'Levering', pickup: 'Hentested (gratis)', home: 'Hjemlevering',
    placeOrder: 'Bekreft bestilling', demoPayment: 'Ingen betaling trekkes: dette er en demo.',
    thanksTitle: 'Takk for bestillingen!', orderNumber: 'Ordrenummer', thanksText: 'Vi sender deg en e-post når pakken er på vei.',
    summary: 'Din bestilling', newOrder: 'Handle mer', language: 'Språk', qty: 'Antall',
  },
  da: {
    tagline: 'Varme ting til kolde steder',
    demoNote: 'En demobutik. Gå til kassen for at få NPS-spørgsmålet, og se dit svar på dashboardet.',
    heroTitle: 'Vinteren kommer. Vær klar.',
    heroText: 'Gratis levering til pakkeshops i hele Norden. 30 dages fortrydelsesret.',
    sweater: 'Fjell uldsweater', sweaterText: 'Ufarvet norsk uld, strikket i Ålesund.',
    mug: 'Termo rejsekrus', mugText: 'Holder kaffen varm en hel skitur.',
    boots: 'Vidde vinterstøvler', bootsText: 'Vandtætte, forede, gode ned til −30 °C.',
    add: 'Læg i kurven', added: 'Tilføjet', cart: 'Kurv', empty: 'Din kurv er tom.', total: 'I alt',
    remove: 'Fjern', checkout: 'Gå til kassen', back: 'Shop videre',
    checkoutTitle: 'Kassen', name: 'Fulde navn', email: 'E-mail', address: 'Adresse',
    postcode: 'Postnummer', city: 'By', delivery: 'Levering', pickup: 'Pakkeshop (gratis)', home: 'Levering til døren',
    placeOrder: 'Afgiv ordre', demoPayment: 'Der trækkes ingen betaling: dette er en demo.',
    thanksTitle: 'Tak for din ordre!', orderNumber: 'Ordrenummer', thanksText: 'Vi sender en e-mail, når pakken er på vej.',
    summary: 'Din ordre', newOrder: 'Shop igen', language: 'Sprog', qty: 'Antal',
  },
  sv: {
    tagline: 'Varma saker för kalla platser',
    demoNote: 'En demobutik. Gå till kassan för att få NPS-frågan, och se ditt svar på instrumentpanelen.',
    heroTitle: 'Vintern kommer. Var redo.',
    heroText: 'Fri frakt till ombud i hela Norden. 30 dagars ångerrätt.',
    sweater: 'Fjell ulltröja', sweaterText: 'Ofärgad norsk ull, stickad i Ålesund.',
    mug: 'Termo resmugg', mugText: 'Håller kaffet varmt en hel skidtur.',
    boots: 'Vidde vinterkängor', bootsText: 'Vattentäta, fodrade, klarar −30 °C.',
    add: 'Lägg i varukorgen', added: 'Tillagd', cart: 'Varukorg', empty: 'Varukorgen är tom.', total: 'Totalt',
    remove: 'Ta bort', checkout: 'Till kassan', back: 'Fortsätt handla',
    checkoutTitle: 'Kassan', name: 'Namn', email: 'E-post', address: 'Gatuadress',
    postcode: 'Postnummer', city: 'Ort', delivery: 'Leverans', pickup: 'Ombud (gratis)', home: 'Hemleverans',
    placeOrder: 'Slutför köp', demoPayment: 'Ingen betalning dras: det här är en demo.',
    thanksTitle: 'Tack för din beställning!', orderNumber: 'Ordernummer', thanksText: 'Vi mejlar dig när paketet är på väg.',
    summary: 'Din beställning', newOrder: 'Handla igen', language: 'Språk', qty: 'Antal',
  },
  fi: {
    tagline: 'Lämpimiä asioita kylmiin paikkoihin',
    demoNote: 'Demokauppa. Siirry kassalle, niin sinulta kysytään NPS-kysymys. Näet vastauksesi kojelaudalla.',
    heroTitle: 'Talvi tulee. Ole valmis.',
    heroText: 'Ilmainen toimitus noutopisteisiin koko Pohjolassa. 30 päivän palautusoikeus.',
    sweater: 'Fjell-villapaita', sweaterText: 'Värjäämätöntä norjalaista villaa, neulottu Ålesundissa.',
    mug: 'Termo-matkamuki', mugText: 'Pitää kahvin kuumana koko hiihtoretken.',
    boots: 'Vidde-talvikengät', bootsText: 'Vedenpitävät, vuoratut, −30 °C asti.',
    add: 'Lisää ostoskoriin', added: 'Lisätty', cart: 'Ostoskori', empty: 'Ostoskori on tyhjä.', total: 'Yhteensä',
    remove: 'Poista', checkout: 'Kassalle', back: 'Jatka ostoksia',
    checkoutTitle: 'Kassa', name: 'Koko nimi', email: 'Sähköposti', address: 'Katuosoite',
    postcode: 'Postinumero', city: 'Kaupunki', delivery: 'Toimitus', pickup: 'Noutopiste (ilmainen)', home: 'Kotiinkuljetus',
    placeOrder: 'Vahvista tilaus', demoPayment: 'Maksua ei veloiteta: tämä on demo.',
    thanksTitle: 'Kiitos tilauksestasi!', orderNumber: 'Tilausnumero', thanksText: 'Lähetämme sähköpostia, kun paketti on matkalla.',
    summary: 'Tilauksesi', newOrder: 'Jatka ostoksia', language: 'Kieli', qty: 'Määrä',
  },
}

export const languageNames = { en: 'English', nb: 'Norsk', da: 'Dansk', sv: 'Svenska', fi: 'Suomi' }

export function formatPrice(amount, lang) {
  return new Intl.NumberFormat(intlLocale[lang], { style: 'currency', currency: currencies[lang], maximumFractionDigits: 0 }).format(amount)
}
