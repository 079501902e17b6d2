// The README's dozen-line node:http collector, run as written: hostile bodies get a 4xx, never a
// crash, and the server keeps answering.
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { response } from './http'

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')
const code = [...readme.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]!).find((block) => block.startsWith('// collector.mjs'))

describe("the README's small collector", () => {
  const child = spawn(process.execPath, ['--input-type=module', '-e', code!.replace('.listen(8080)', ".listen(0, '127.0.0.1', function () { console.log(this.address().port) })")])
  let base = ''
  let exited = false
  beforeAll(async () => {
    child.on('exit', () => (exited = true))
    base = await new Promise<string>((resolve) => child.stdout!.once('data', (chunk: Buffer) => resolve(`http://127.0.0.1:${chunk.toString().trim()}`)))
  })
  afterAll(() => void child.kill())

  it('is in the README', () => expect(code).toContain("createServer((req, res) => handle(req, res).catch(() => res.destroy()))"))

  it.each(['null', '[]', '42', '"x"', '{}', '{"id": 1}', '{', '', 'x'.repeat(200_000)])('answers 4xx for the body %j and keeps serving', async (body) => {
    const res = await fetch(base, { method: 'POST', headers: { 'content-type': 'text/plain' }, body })
    expect(res.status).toBeGreaterThanOrEqual(400)
    expect(res.status).toBeLessThan(500)
    expect(exited).toBe(false)
  })

  it('stores a real response', async () => {
    expect((await fetch(base, { method: 'POST', body: JSON.stringify(response()) })).status).toBe(204)
    expect(exited).toBe(false)
  })
})
