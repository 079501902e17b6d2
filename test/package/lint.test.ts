import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { publint } from 'publint'
import { root } from '../support/server'

interface AttwProblem {
  kind: string
  entrypoint?: string
  resolutionKind?: string
}

describe('the published package', () => {
  it('passes publint with no errors or warnings', async () => {
    const { messages } = await publint({ pkgDir: root, pack: 'npm', level: 'warning', strict: true })
    expect(messages.map((m) => `${m.type} ${m.code} ${JSON.stringify(m.path)}`)).toEqual([])
  })

  it('passes @arethetypeswrong/cli for every entry and resolution mode', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['node_modules/@arethetypeswrong/cli/dist/index.js', '--pack', '.', '--format', 'json'], {
      cwd: root,
      maxBuffer: 64 * 1024 * 1024,
    }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }))
    const report = JSON.parse(stdout) as { analysis?: { problems?: AttwProblem[] } }
    expect(report.analysis, 'attw produced no analysis').toBeDefined()
    // "npskit" (the widget) and "npskit/element" are ESM-only on purpose: browsers and bundlers
    // load them as ESM, and the one entry worth requiring from CommonJS, npskit/score, ships a
    // real CJS build. npskit/collector is a Node server, ESM like its drivers; CommonJS code
    // loads it with `await import('npskit/collector')`.
    const esmOnly = ['.', './element', './collector']
    const problems = (report.analysis!.problems ?? []).filter((p) => !(p.kind === 'CJSResolvesToESM' && esmOnly.includes(p.entrypoint ?? '')))
    expect(problems).toEqual([])
  })
})
