import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { redact } from '../../../src/core/redact'
import { growth } from '../../support/growth'

describe('redact', () => {
  it.each([
    ['mail me at kari.nordmann@example.no', 'mail me at [e-mail]'],
    ['KARI+nps@Sub.Example.CO.UK, thanks', '[e-mail], thanks'],
    ['skriv til åse.ødegård@post.nå.no.', 'skriv til [e-mail].'],
    ['two: a@b.se and c_d@e-f.dk', 'two: [e-mail] and [e-mail]'],
  ])('masks the e-mail address in %j', (text, masked) => {
    expect(redact(text)).toBe(masked)
  })

  it.each([
    // Norway
    ['ring meg på 912 34 567', 'ring meg på [phone]'],
    ['ring 91234567 i dag', 'ring [phone] i dag'],
    ['tlf. 22 33 44 55', 'tlf. [phone]'],
    ['+47 912 34 567', '[phone]'],
    ['0047 91234567', '[phone]'],
    ['(+47) 912 34 567', '[phone]'],
    // Sweden
    ['070-123 45 67', '[phone]'],
    ['ring 0701234567!', 'ring [phone]!'],
    ['08-123 456 78', '[phone]'],
    ['+46 70 123 45 67', '[phone]'],
    // Denmark
    ['12 34 56 78', '[phone]'],
    ['+45 12345678', '[phone]'],
    // Finland
    ['040 123 4567', '[phone]'],
    ['+358 40 1234567', '[phone]'],
    ['09 1234 5678', '[phone]'],
    // International
    ['+44 20 7946 0958', '[phone]'],
    ['+1 (555) 123-4567', '[phone]'],
    ['(555) 123-4567', '[phone]'],
    ['+49 30 123456', '[phone]'],
  ])('masks the phone number in %j', (text, masked) => {
    expect(redact(text)).toBe(masked)
  })

  it.each([
    ['Order 10023456 arrived late'],
    ['ordre 91234567 kom for sent'],
    ['ordrenummer: 4001234567'],
    ['order #91234567'],
    ['invoice 912345678'],
    ['It cost 1 299,00 kr'],
    ['12 499 000 NOK is too much'],
    ['kr 1.299,-'],
    ['$1,299.99'],
    ['€ 49.95'],
    ['delivered 2025-06-01'],
    ['levert 01.06.2025'],
    ['on 1/6/2025 at 14:30'],
    ['20250601'],
    ['tracking 1234567890123'],
    ['9 out of 10'],
    ['size 42, qty 3'],
    ['postnummer 0150 Oslo'],
    ['SKU ABC-1234567'],
    ['12345678'],
  ])('leaves %j alone', (text) => {
    expect(redact(text)).toBe(text)
  })

  it('keeps the rest of a comment as written', () => {
    expect(redact('Order 10023456 was late, mail kari@example.no or ring +47 912 34 567. Price 1 299 kr.')).toBe(
      'Order 10023456 was late, mail [e-mail] or ring [phone]. Price 1 299 kr.',
    )
  })

  it('never throws, is idempotent and leaves digit-free text alone', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const once = redact(text)
        expect(redact(once)).toBe(once)
        if (!/[\d@]/.test(text)) expect(once).toBe(text)
      }),
    )
  })

  it('takes linear time on long hostile input (no backtracking blow-up)', () => {
    const hostile = (n: number) =>
      ['1 '.repeat(5 * n), '1.'.repeat(2 * n), '1('.repeat(2 * n), '+1 '.repeat(n), 'a@'.repeat(2 * n), '.'.repeat(2 * n), 'a@' + 'b.'.repeat(n)].join('x')
    // Four times the input: about 4× the time when linear, 16× when quadratic.
    expect(growth(redact, hostile(10_000), hostile(40_000))).toBeLessThan(10)
  })
})
