import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { root } from '../support/server'

const run = promisify(execFile)

// Node resolves a package's own name through its "exports" map (self-reference), so these
// child processes load the built files exactly as a user's `import`/`require` would.
async function node(args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, args, { cwd: root })
  return stdout.trim()
}

describe('the exports map, as Node sees it', () => {
  it('loads npskit/score with require() from CommonJS', async () => {
    const out = await node(['-e', "const s = require('npskit/score'); console.log(JSON.stringify([s.nps([10, 9, 0]), s.category(7), typeof s.trend]))"])
    const [value, ...rest] = JSON.parse(out) as [number, string, string]
    expect(value).toBeCloseTo(100 / 3, 12)
    expect(rest).toEqual(['passive', 'function'])
  })

  it('loads npskit/score with import from ESM', async () => {
    const out = await node(['--input-type=module', '-e', "import { nps, tally } from 'npskit/score'; console.log(JSON.stringify([nps(tally([10, 9, 0])), tally(new Uint8Array([8]))]))"])
    const [value, counted] = JSON.parse(out) as [number, unknown]
    expect(value).toBeCloseTo(100 / 3, 12)
    expect(counted).toEqual({ detractors: 0, passives: 1, promoters: 0, total: 1 })
  })

  it('gives CommonJS and ESM the same named exports', async () => {
    const cjs = await node(['-e', "console.log(Object.keys(require('npskit/score')).sort().join())"])
    const esm = await node(['--input-type=module', '-e', "import * as s from 'npskit/score'; console.log(Object.keys(s).sort().join())"])
    expect(cjs).toBe(esm)
    expect(esm.split(',').length).toBeGreaterThanOrEqual(13)
  })

  it('imports npskit in Node without touching browser globals', async () => {
    const out = await node(['--input-type=module', '-e', "import * as n from 'npskit'; console.log(typeof n.version, typeof globalThis.window)"])
    expect(out).toBe('string undefined')
  })

  it('imports npskit and npskit/element in Node (server-side rendering) without throwing; calls are inert', async () => {
    const script = [
      "import { createSurvey } from 'npskit'",
      "import { NpsSurveyElement, defineSurveyElement } from 'npskit/element'",
      'defineSurveyElement()',
      "const s = createSurvey({ brand: 'Nordhandel' })",
      'const result = await s.show()',
      'console.log(JSON.stringify([typeof NpsSurveyElement, result]))',
    ].join('\n')
    const out = await node(['--input-type=module', '-e', script])
    expect(JSON.parse(out)).toEqual(['function', { status: 'not-shown', reason: 'no-dom' }])
  })

  it('loads npskit/email with import and with require(), writing the same email', async () => {
    const call = "surveyEmail({ brand: 'Nordhandel', locale: 'he', links: { baseUrl: 'https://nps.example.com', token: 'v1.a.b' } })"
    const esm = await node(['--input-type=module', '-e', `import { surveyEmail } from 'npskit/email'; console.log(JSON.stringify(${call}))`])
    const cjs = await node(['-e', `const { surveyEmail } = require('npskit/email'); console.log(JSON.stringify(${call}))`])
    expect(cjs).toBe(esm)
    const email = JSON.parse(esm) as { subject: string; html: string; locale: string }
    expect([email.locale, email.subject]).toEqual(['he', 'מה הסבירות שתמליצו על Nordhandel לחבר או לעמית?'])
    expect(email.html).toContain('href="https://nps.example.com/r/v1.a.b?score=10"')
  })

  it('imports npskit/email without touching browser globals, and shares the locale files instead of copying them', async () => {
    const out = await node(['--input-type=module', '-e', "import * as e from 'npskit/email'; console.log(Object.keys(e).join(), typeof globalThis.window)"])
    expect(out).toBe('surveyEmail undefined')
    const esm = readFileSync(join(root, 'dist', 'email.js'), 'utf8')
    expect(esm).toContain("from './locales/nb.js'")
    expect(esm).not.toContain('Hvor sannsynlig')
  })

  it('loads npskit/collector in Node and serves a request with it, with nothing running at import', async () => {
    const script = [
      "import { createServer } from 'node:http'",
      "import { createCollector, createStore, openDatabase, responseSchema } from 'npskit/collector'",
      "const db = await openDatabase({ dataDir: 'memory://' })",
      "const server = createServer(createCollector({ store: createStore(db), log: () => {} })).listen(0, '127.0.0.1')",
      "await new Promise((r) => server.once('listening', r))",
      'const res = await fetch(`http://127.0.0.1:${server.address().port}/api/responses`, { method: "POST", headers: { "content-type": "application/json" }, body: "null" })',
      'console.log(JSON.stringify([res.status, await res.json(), responseSchema.title]))',
      'server.close()',
      'await db.close()',
    ].join('\n')
    const out = await node(['--input-type=module', '-e', script])
    expect(JSON.parse(out)).toEqual([400, { error: 'the body must be object, not null', field: '' }, 'npskit response'])
    // Importing starts nothing (no timer, no socket, no database): the process ends by itself.
    expect(await node(['--input-type=module', '-e', "const c = await import('npskit/collector'); console.log(Object.keys(c).length)"])).toMatch(/^\d+$/)
  })

  it('ships the JSON Schema of responses and events as npskit/schema.json', async () => {
    const out = await node(['-e', "const s = require('npskit/schema.json'); console.log(s.title, s.$defs.response.required.length, s.$defs.event.required.length)"])
    expect(out).toBe('npskit response 16 12')
  })

  it('exposes package.json', async () => {
    const out = await node(['-e', "console.log(require('npskit/package.json').name)"])
    expect(out).toBe('npskit')
  })
})
