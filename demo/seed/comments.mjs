// What customers of a Nordic web shop write after answering, by locale and category.
// Invented for the demo; the themes (late parcels, returns, sizing, friendly support) are the
// ones such surveys really collect.
export const comments = {
  en: {
    detractor: [
      'The parcel arrived four days late and nobody told me why.',
      'Returning the jacket took three weeks before I saw my money again.',
      'Checkout kept failing with my card, I had to try three times.',
      'The size chart is wrong, the shoes were a full size too small.',
      'Customer service closed my case without answering the question.',
      'Delivery was sent to a pick-up point 12 km away instead of my local shop.',
      'Shipping costs were only shown at the very last step.',
    ],
    passive: [
      'Fine, but delivery could be faster.',
      'Good products, the website is a bit slow on my phone.',
      'OK experience. Would like more payment options.',
      'Prices are fair, the packaging was excessive.',
    ],
    promoter: [
      'Fast delivery and the wool sweater is lovely!',
      'Easy checkout, arrived the next day. Great!',
      'Support sorted out my wrong size in one email.',
      'Best selection of outdoor gear I have found online.',
    ],
  },
  nb: {
    detractor: [
      'Pakken kom fire dager for sent, og ingen svarte på e-posten min.',
      'Returen tok altfor lang tid, jeg venter fortsatt på pengene.',
      'Betalingen feilet flere ganger med Vipps.',
      'Størrelsesguiden stemmer ikke, skoene var for små.',
      'Kundeservice lukket saken uten å svare på spørsmålet mitt.',
      'Fraktkostnaden kom først på siste steg i kassen.',
      'Varen var skadet da den kom, og bytte tok tre uker.',
    ],
    passive: [
      'Grei handel, men leveringen kunne vært raskere.',
      'Fine varer, men nettsiden er treg på mobil.',
      'Helt ok. Savner flere hentesteder.',
      'Bra priser, litt mye emballasje.',
    ],
    promoter: [
      'Rask levering og superfin ullgenser!',
      'Enkel betaling med Vipps, kom dagen etter. Topp!',
      'Kundeservice fikset feil størrelse på én e-post.',
      'Beste utvalget av turutstyr jeg har funnet på nett.',
    ],
  },
  da: {
    detractor: [
      'Pakken kom fire dage for sent, og ingen forklarede hvorfor.',
      'Returneringen tog tre uger, før jeg fik pengene tilbage.',
      'Betalingen med MobilePay fejlede flere gange.',
      'Størrelsesguiden passer ikke, skoene var en hel størrelse for små.',
      'Kundeservice svarede ikke på mit spørgsmål.',
      'Fragten blev først vist på sidste trin.',
    ],
    passive: [
      'Fint nok, men leveringen kunne være hurtigere.',
      'Gode varer, hjemmesiden er lidt langsom på mobilen.',
      'Okay oplevelse. Savner flere pakkeshops.',
    ],
    promoter: [
      'Hurtig levering og en skøn uldtrøje!',
      'Nem betaling, pakken kom dagen efter. Super!',
      'Kundeservice byttede størrelsen på én mail.',
    ],
  },
  sv: {
    detractor: [
      'Paketet kom fyra dagar för sent och ingen svarade på mitt mejl.',
      'Returen tog tre veckor innan jag fick tillbaka pengarna.',
      'Betalningen med Swish misslyckades flera gånger.',
      'Storleksguiden stämmer inte, skorna var för små.',
      'Kundtjänst stängde ärendet utan att svara.',
      'Fraktkostnaden visades först i sista steget.',
    ],
    passive: [
      'Helt okej, men leveransen kunde gå snabbare.',
      'Bra produkter, sidan är lite seg i mobilen.',
      'Okej upplevelse. Saknar fler ombud.',
    ],
    promoter: [
      'Snabb leverans och en jättefin ulltröja!',
      'Smidigt med Swish, kom dagen efter. Toppen!',
      'Kundtjänst löste fel storlek på ett mejl.',
    ],
  },
  fi: {
    detractor: [
      'Paketti tuli neljä päivää myöhässä, eikä kukaan kertonut miksi.',
      'Palautus kesti kolme viikkoa ennen kuin sain rahat takaisin.',
      'Maksu MobilePaylla epäonnistui monta kertaa.',
      'Kokotaulukko ei pidä paikkaansa, kengät olivat liian pienet.',
      'Asiakaspalvelu sulki tiketin vastaamatta.',
    ],
    passive: [
      'Ihan ok, mutta toimitus voisi olla nopeampi.',
      'Hyviä tuotteita, sivusto on hidas puhelimella.',
      'Kelvollinen kokemus. Toivoisin lisää noutopisteitä.',
    ],
    promoter: [
      'Nopea toimitus ja ihana villapaita!',
      'Helppo maksaa, paketti tuli seuraavana päivänä. Mahtavaa!',
      'Asiakaspalvelu vaihtoi koon yhdellä viestillä.',
    ],
  },
}

// What the widget showed, per locale (the customers' answers quote it verbatim).
export const questions = {
  en: 'How likely are you to recommend Nordhandel to a friend or colleague?',
  nb: 'Hvor sannsynlig er det at du vil anbefale Nordhandel til en venn eller kollega?',
  da: 'Hvor sandsynligt er det, at du vil anbefale Nordhandel til en ven eller kollega?',
  sv: 'Hur troligt är det att du skulle rekommendera Nordhandel till en vän eller kollega?',
  fi: 'Kuinka todennäköisesti suosittelisit Nordhandelia ystävälle tai kollegalle?',
}
