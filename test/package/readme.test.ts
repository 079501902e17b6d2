import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { root } from '../support/server'

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')
// Every ```js block that imports from the package must run as written (copy-paste runnable).
const blocks = [...readme.matchAll(/```js\n([\s\S]*?)```/g)]
  .map((match) => match[1]!)
  .filter((code) => /from 'npskit(\/score|\/email)?'/.test(code))

describe('README examples', () => {
  it('has runnable examples for each entry', () => {
    expect(blocks.some((code) => code.includes("from 'npskit/score'"))).toBe(true)
    expect(blocks.some((code) => code.includes("from 'npskit'"))).toBe(true)
    expect(blocks.some((code) => code.includes("from 'npskit/email'"))).toBe(true)
  })

  for (const [index, code] of blocks.entries()) {
    it(`runs example ${index + 1} (${code.split('\n')[0]})`, async () => {
      const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', code], { cwd: root })
      // Each `console.log(x) // → value` must print that value, in order, and nothing else is printed.
      const expected = [...code.matchAll(/console\.log\(.*\) \/\/ → (.*)$/gm)].map((m) => m[1]!.trim())
      const printed = stdout.trim() === '' ? [] : stdout.trim().split('\n')
      expect(printed).toEqual(expected)
    })
  }
})

// "Browser and runtime support": each ✓ in the table is a suite that exists and runs in that engine.
describe('README, what is tested where', () => {
  const table = readme.slice(readme.indexOf('| Suite | Chromium | WebKit | Firefox ESR |'))
  const rows = table
    .split('\n')
    .slice(2)
    .filter((line) => line.startsWith('| '))
    .map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim()))
  // The suite files of each row, per engine (Chromium's are the plain names).
  const files: Record<string, [chromium: string, webkit: string, firefox: string]> = {
    Widget: ['widget', 'widget-webkit', ''],
    'Script tag': ['script-tag', 'script-tag-webkit', 'firefox'],
    Delivery: ['delivery', 'delivery-webkit', 'delivery-firefox'],
    Journey: ['journey', 'journey-webkit', ''],
  }

  it('has a row for each shared suite, and every ✓ names a suite file that runs in that engine', () => {
    expect(rows.length).toBeGreaterThanOrEqual(4)
    const launchers = ['launchChromium', 'launchWebKit', 'launchFirefox']
    for (const [suite, ...engines] of rows) {
      const name = Object.keys(files).find((key) => suite!.startsWith(key))
      if (!name) continue
      for (const [i, cell] of engines.entries()) {
        const file = files[name]![i]!
        if (!cell.startsWith('✓')) {
          expect(file, `${name} in column ${i + 2} is a suite but the README says –`).toBe('')
          continue
        }
        const source = readFileSync(new URL(`../browser/${file}.test.ts`, import.meta.url), 'utf8')
        expect(source.includes(launchers[i]!), `${file} runs in ${launchers[i]}`).toBe(true)
      }
    }
    expect(rows.map((row) => Object.keys(files).find((key) => row[0]!.startsWith(key))).filter(Boolean)).toEqual(Object.keys(files))
  })
})

describe('README, contents', () => {
  // GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens.
  const slug = (heading: string) => heading.toLowerCase().replace(/[^\p{L}\p{N} -]/gu, '').replaceAll(' ', '-')
  const anchors = new Set([...readme.matchAll(/^#{2,3} (.+)$/gm)].map((m) => slug(m[1]!)))
  const contents = readme.slice(readme.indexOf('## Contents'), readme.indexOf('## Install'))

  it('every link to a section of the README reaches one', () => {
    const links = [...readme.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]!)
    expect(links.filter((link) => !anchors.has(link))).toEqual([])
  })

  it('reaches "Host it yourself", "Run your own collector" and its privacy section', () => {
    expect(contents).toContain('](#host-it-yourself)')
    expect(contents).toContain('](#run-your-own-collector)')
    expect(contents).toContain('](#privacy-erasure-access-retention)')
  })
})
