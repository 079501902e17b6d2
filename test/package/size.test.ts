import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { promisify } from 'node:util'
import { beforeAll, describe, expect, it } from 'vitest'
import { root } from '../support/server'

interface SizeResult {
  name: string
  passed: boolean
  size: number
  sizeLimit: number
}

const budgets = createRequire(import.meta.url)('../../.size-limit.cjs') as { name: string; limit: string }[]
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')

describe('size budgets (size-limit, brotli)', () => {
  let results: SizeResult[]

  beforeAll(async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['node_modules/size-limit/bin.js', '--json'], {
      cwd: root,
    }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '[]' }))
    results = JSON.parse(stdout) as SizeResult[]
    console.log(results.map((r) => `${r.passed ? 'ok  ' : 'OVER'} ${r.name}: ${r.size} B (limit ${r.sizeLimit} B)`).join('\n'))
  })

  it('measures every entry listed in .size-limit.cjs', () => {
    expect(results.map((r) => r.name)).toEqual(budgets.map((entry) => entry.name))
  })

  for (const entry of budgets) {
    it(`keeps ${entry.name} within ${entry.limit}`, () => {
      const result = results.find((r) => r.name === entry.name)
      expect(result, entry.name).toBeDefined()
      expect(result!.size, `${entry.name} is ${result!.size} B, over its budget of ${result!.sizeLimit} B`).toBeLessThanOrEqual(result!.sizeLimit)
      expect(result!.passed).toBe(true)
    })

    it(`states the true size of ${entry.name} in the README`, () => {
      const result = results.find((r) => r.name === entry.name)!
      // README rows look like: | `npskit/score: { nps, tally }` | 312 B | 350 B |
      const row = readme.split('\n').find((line) => line.startsWith('| `' + entry.name + '`'))
      expect(row, `README has no size row for ${entry.name}`).toBeDefined()
      const stated = Number(/\|\s*([\d,]+) B\s*\|/.exec(row!)?.[1]?.replace(',', ''))
      // A little slack so a one-byte change does not need a README edit; a real change does.
      expect(Math.abs(stated - result.size), `README says ${stated} B, size-limit measured ${result.size} B`).toBeLessThanOrEqual(
        Math.max(8, result.size * 0.03),
      )
    })
  }
})
