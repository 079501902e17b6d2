import { describe, expect, it } from 'vitest'
import { scriptConfig } from '../../../src/core/scriptConfig'
import { optionChecks, validateOptions } from '../../../src/core/options'

const known = ['endpoint', 'brand', 'radius', 'debug', 'followUp', 'zIndex', 'sampleRate', 'locale', 'includeQuery']

describe('scriptConfig', () => {
  it.each([
    [{ radius: '8' }, { radius: 8 }],
    [{ radius: ' 8 ' }, { radius: 8 }],
    [{ radius: 'big' }, { radius: NaN }],
    [{ radius: '' }, { radius: '' }],
    [{ sampleRate: '0.1' }, { sampleRate: 0.1 }],
    [{ debug: '' }, { debug: true }],
    [{ debug: 'true' }, { debug: true }],
    [{ debug: 'false' }, { debug: false }],
    [{ debug: 'yes' }, { debug: 'yes' }],
    [{ followUp: 'false' }, { followUp: false }],
    [{ followUp: 'What went wrong?' }, { followUp: 'What went wrong?' }],
    [{ brand: ' Nordhandel ' }, { brand: ' Nordhandel ' }],
  ])('converts %j by option name', (dataset, options) => {
    expect(scriptConfig(dataset, {}, known).options).toEqual(options)
  })

  it('keeps the journey point and dedupe key apart from the options', () => {
    const c = scriptConfig({ endpoint: '/api/nps', journeyPoint: 'checkout-complete', dedupeKey: 'ORDER-1042' }, {}, known)
    expect(c).toEqual({ options: { endpoint: '/api/nps' }, journeyPoint: 'checkout-complete', dedupeKey: 'ORDER-1042', unknown: [] })
  })

  it('reports unknown attributes in their written form instead of failing', () => {
    const c = scriptConfig({ endpont: '/x', cookieconsent: 'ignore', cfAsync: 'false' }, {}, known)
    expect(c.options).toEqual({})
    expect(c.unknown).toEqual(['data-endpont', 'data-cookieconsent', 'data-cf-async'])
  })

  it('lets attributes win over the JSON block', () => {
    const c = scriptConfig({ brand: 'Attr' }, { brand: 'Json', journeyPoints: { a: {} } }, known)
    expect(c.options).toEqual({ brand: 'Attr', journeyPoints: { a: {} } })
  })

  it('ignores inherited names such as toString', () => {
    expect(scriptConfig({ toString: 'x' }, {}, known).unknown).toEqual(['data-to-string'])
  })
})

describe('scriptConfig: the events, analytics and recontact attributes (issue #19)', () => {
  const names = Object.keys(optionChecks)
  it.each([
    [{ events: 'false' }, { events: false }],
    [{ events: '' }, { events: true }],
    [{ dataLayer: '' }, { dataLayer: true }],
    [{ dataLayer: 'true' }, { dataLayer: true }],
    [{ dataLayer: 'false' }, { dataLayer: false }],
    [{ dataLayer: 'npskitLayer' }, { dataLayer: 'npskitLayer' }],
    [{ channel: 'email' }, { channel: 'email' }],
    [{ recontactCheck: 'https://nps.example.com' }, { recontactCheck: 'https://nps.example.com' }],
  ])('reads data-* %j as options that pass validation', (dataset, options) => {
    const c = scriptConfig(dataset, {}, names)
    expect(c).toMatchObject({ options, unknown: [] })
    expect(() => validateOptions(c.options)).not.toThrow()
  })
})
