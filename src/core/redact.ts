const email = /[\p{L}\d._%+-]+@[\p{L}\d-]+(?:\.[\p{L}\d-]+)+/gu
// A phone number: an optional +country code, then 8 or more digits in groups (the Nordic
// 8-digit numbers, "+47 912 34 567", "070-123 45 67"). Runs of digits with a letter or a
// decimal comma next to them (order numbers, prices) are not phones.
const phone = /(?<![\p{L}\d.,/-])(?:\+|00)?\d(?:[ -]?\(?\d\)?){7,14}(?![\p{L}\d]|[.,]\d)/gu

/**
 * Masks e-mail addresses and phone numbers in a comment before it is stored or sent, so a
 * customer who writes "call me on 912 34 567" does not put their number in a database the
 * shop did not mean to hold it in. Order numbers, prices and dates are left as they are.
 *
 * @example
 * redact('Ring meg på +47 912 34 567 eller kari@example.no') // → 'Ring meg på [phone] eller [e-mail]'
 */
export function redact(text: string): string {
  return text.replace(email, '[e-mail]').replace(phone, '[phone]')
}
