import { afterEach, describe, expect, it, vi } from 'vitest'

describe('importing npskit', () => {
  afterEach(() => {
    vi.restoreAllMocks()
    vi.resetModules()
  })

  it('has no side effects on the page: no globals, no DOM changes, no storage, no network', async () => {
    const globalsBefore = new Set(Object.keys(window))
    const htmlBefore = document.documentElement.outerHTML
    const fetch = vi.fn()
    vi.stubGlobal('fetch', fetch)
    const setItem = vi.spyOn(Storage.prototype, 'setItem')
    const getItem = vi.spyOn(Storage.prototype, 'getItem')
    const listen = vi.spyOn(window, 'addEventListener')

    const npskit = await import('../../src/index')

    expect(typeof npskit.version).toBe('string')
    expect(Object.keys(window).filter((key) => !globalsBefore.has(key))).toEqual([])
    expect(document.documentElement.outerHTML).toBe(htmlBefore)
    expect(fetch).not.toHaveBeenCalled()
    expect(setItem).not.toHaveBeenCalled()
    expect(getItem).not.toHaveBeenCalled()
    expect(listen).not.toHaveBeenCalled()
    expect(document.cookie).toBe('')
  })

  it('reports the version from package.json', async () => {
    const { version } = await import('../../src/index')
    const { default: pkg } = await import('../../package.json')
    expect(version).toBe(pkg.version)
    expect(version).toMatch(/^\d+\.\d+\.\d+/)
  })
})
