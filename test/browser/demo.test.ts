import { spawn, type ChildProcess } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { browserAvailable, launchChromium } from '../support/chromium'
import { root } from '../support/server'

describe.runIf(browserAvailable())('the demo (npm start)', () => {
  let browser: Browser
  let demo: ChildProcess
  let base: string

  beforeAll(async () => {
    browser = await launchChromium()
    demo = spawn(process.execPath, ['demo/server.mjs'], { cwd: root, env: { ...process.env, PORT: '0' } })
    base = await new Promise<string>((resolve, reject) => {
      let out = ''
      demo.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString()
        const match = /http:\/\/127\.0\.0\.1:\d+/.exec(out)
        if (match) resolve(match[0])
      })
      demo.on('exit', (code) => reject(new Error(`demo exited with ${code}: ${out}`)))
    })
  })
  afterAll(async () => {
    demo?.kill()
    await browser?.close()
  })

  it('computes the NPS of pasted scores in the calculator, under a strict CSP', async () => {
    const page = await browser.newPage()
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()))
    await page.goto(base + '/calculator')
    await page.fill('#a', '10\n9\n9/10\n3\nnot a score\n8')
    await expect.poll(() => page.textContent('#nps')).toBe('+40.0')
    expect(await page.textContent('#counts')).toBe('5 responses · promoters 3 · passives 1 · detractors 1')
    expect(await page.textContent('#unreadable')).toContain('1 value(s)')
    expect(await page.locator('#histogram tr').count()).toBe(11)
    expect(await page.textContent('#compare')).toMatch(/p = [\d.e-]+/)
    expect(errors).toEqual([])
    await page.close()
  })

  it('serves nothing outside dist/ and the demo pages', async () => {
    const response = await fetch(base + '/package.json')
    expect(response.status).toBe(404)
    const traversal = await fetch(base + '/dist/../package.json')
    expect(traversal.status).toBe(404)
  })
})
