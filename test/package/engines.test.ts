import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { satisfies } from '../support/engines'
import { root } from '../support/server'

interface Locked {
  engines?: { node?: string } | string[]
  optional?: boolean
}
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, Locked> }
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { engines: { node: string } }
const nodeRange = (p: Locked) => (Array.isArray(p.engines) ? undefined : p.engines?.node)

describe('installing on the Node the README promises', () => {
  it('reads npm ranges as npm does', () => {
    const cases: [string, string, boolean][] = [
      ['20.20.0', '>=20', true],
      ['20.20.0', '^20.19.0 || >=22.12.0', true],
      ['20.20.0', '>=22.12.0', false],
      ['20.20.0', '^22.20 || ^24.12 || >=25', false],
      ['20.20.0', '^18 || >=20', true],
      ['20.20.0', '^18.18.0', false],
      ['20.20.0', '20 || >=22', true],
      ['21.0.0', '20 || >=22', false],
      ['20.20.0', '>= 14', true],
      ['20.20.0', '10.* || >= 12.*', true],
      ['20.20.0', '>=0.8.x', true],
      ['20.20.0', '>=v12.22.7', true],
      ['20.20.0', '~20.19', false],
      ['20.20.0', '>=18 <20', false],
      ['20.20.0', '*', true],
    ]
    for (const [version, range, expected] of cases) expect(satisfies(version, range), `${version} in ${range}`).toBe(expected)
    expect(() => satisfies('20.0.0', 'latest')).toThrow(/cannot read/)
  })

  it('package.json promises Node 20, and this is a Node it promises', () => {
    expect(pkg.engines.node).toBe('>=20')
    expect(satisfies(process.version, pkg.engines.node)).toBe(true)
  })

  // npm prints EBADENGINE for every package it installs whose engines reject this Node; it skips
  // an optional one (a platform binary) without a word. So: every package that is not optional
  // accepts this Node.
  it('no package npm installs rejects this Node (npm install prints no EBADENGINE)', () => {
    const rejecting = Object.entries(lock.packages)
      .filter(([path, p]) => path !== '' && !p.optional && nodeRange(p) !== undefined && !satisfies(process.version, nodeRange(p)!))
      .map(([path, p]) => `${path.replace(/^.*node_modules\//, '')} wants node ${nodeRange(p)}`)
    expect(rejecting).toEqual([])
  })
})
