// The lookbehind starts a match only where a run of local-part characters begins: a later start
// inside the same run meets the same "@" and fails the same way, and trying each one made a long
// run of dots cost quadratic time.
const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu

// A run that may be a phone number: an optional + or 00, then digits with single spaces,
// hyphens, dots or brackets between them, at least 7 digits long, not inside a longer word.
// A run of 25 or more digits is never a phone (those have at most 15), so the first alternative
// takes it whole and it is left as written; that bounds how far the second one can scan from any
// start, which keeps the whole pass linear on hostile input such as "1.1.1.…".
const NUMBERISH = /(?<![\p{L}\p{N}])(?:\+|\(\+?)?(?:(?:\d[ .\-()/]{0,2}){24,}\d\)?|\d(?:[ .\-()/]{0,2}\d){6,23}\)?(?![\p{L}\p{N}]|[.,]\d))/gu

// Words that say the number after them is not a phone: orders, invoices, cards, accounts.
const NOT_A_PHONE = /(?:#|\b(?:order|ordre|ordrenummer|ordernummer|bestilling|bestillingsnummer|tilaus|tilausnumero|pöntun|invoice|faktura|lasku|ref|reference|referanse|kundenummer|kundnummer|customer|konto|account|nr|no)\.?:?)\s*$/iu

/**
 * Whether a digit run is a phone number rather than an order number, a price or a date.
 * Phone numbers: international (`+47 912 34 567`, `0046 70 123 45 67`, `+1 (555) 123-4567`),
 * and the Nordic national forms: 8 digits in Norway and Denmark (`912 34 567`, `12 34 56 78`,
 * `91234567` starting 4 or 9), 10 in Sweden and Finland with a leading 0 (`070-123 45 67`,
 * `040 123 4567`, `08-123 456 78`). Dates (`2025-06-01`, `01.06.2025`), thousands
 * (`12 499 000`) and plain long numbers are left alone, as is anything after "order", "#", …
 */
function isPhone(run: string, before: string): boolean {
  const digits = run.replace(/\D/g, '')
  if (/^(?:\+|\(\+|00)/.test(run)) return digits.length >= 8 && digits.length <= 15
  if (NOT_A_PHONE.test(before)) return false
  const groups = run.split(/[^\d]+/).filter(Boolean)
  // Dates: 2025-06-01, 01.06.2025, 1/6/2025.
  if (groups.length === 3 && /^(?:\d{4}([-./])\d{1,2}\1\d{1,2}|\d{1,2}([-./])\d{1,2}\2\d{2,4})$/.test(run)) return false
  // Thousands: every group after the first has three digits, separated by spaces or dots.
  if (groups.length > 1 && /^\d{1,3}(?:[ .]\d{3})+$/.test(run)) return false
  if (groups.length === 1) return (digits.length === 8 && /^[49]/.test(digits)) || (digits.length === 10 && /^0[1-9]/.test(digits))
  return digits.length >= 8 && digits.length <= 12
}

/**
 * Masks e-mail addresses and phone numbers in free text, so that a comment like "call me
 * on 912 34 567" is stored and sent as "call me on [phone]". Order numbers, prices and
 * dates stay as written: they are what makes a complaint actionable.
 *
 * @example
 * redact('Order 10023456 was late, mail kari@example.no or ring +47 912 34 567')
 * // → 'Order 10023456 was late, mail [e-mail] or ring [phone]'
 */
export function redact(text: string): string {
  return text
    .replace(EMAIL, '[e-mail]')
    .replace(NUMBERISH, (run, offset: number, whole: string) => (run.replace(/\D/g, '').length < 25 && isPhone(run.trim(), whole.slice(Math.max(0, offset - 30), offset)) ? '[phone]' : run))
}
