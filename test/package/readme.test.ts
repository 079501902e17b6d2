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
