// Real node processes for the storage tests: child.ts bundled once with esbuild (the drivers stay
// external, loaded from node_modules as a shop's collector loads them).
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const root = fileURLToPath(new URL('../../../', import.meta.url))
// Inside the repository, so that the bundle's `import 'pg'` finds node_modules.
const outfile = `${root}node_modules/.cache/npskit-tests/storage-child.mjs`

let built: Promise<string> | undefined

/** Bundles child.ts (once per test file) and returns its path. */
export function childScript(): Promise<string> {
  return (built ??= (async () => {
    mkdirSync(`${root}node_modules/.cache/npskit-tests`, { recursive: true })
    await build({
      entryPoints: [fileURLToPath(new URL('./child.ts', import.meta.url))],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      outfile,
      logLevel: 'error',
    })
    return outfile
  })())
}

export interface Child {
  process: ChildProcess
  /** Every line printed so far. */
  lines: string[]
  stderr: () => string
  /** Resolves when a line passes the test, given the line and its number (rejects when the process ends first). */
  waitFor(test: (line: string, number: number) => boolean): Promise<void>
  /** Resolves with the exit code (null when killed) once the process has ended. */
  exited: Promise<number | null>
}

/** Starts child.ts with `args`; it is killed when the test process ends, at the latest. */
export async function startChild(args: string[]): Promise<Child> {
  const proc = spawn(process.execPath, [await childScript(), ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
  const lines: string[] = []
  let err = ''
  let partial = ''
  const waiters = new Set<() => void>()
  proc.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (partial + chunk).split('\n')
    partial = parts.pop()!
    lines.push(...parts)
    for (const wake of waiters) wake()
  })
  proc.stderr!.setEncoding('utf8').on('data', (chunk: string) => (err += chunk))
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)))
  const cleanup = () => proc.kill('SIGKILL')
  process.once('exit', cleanup)
  void exited.then(() => {
    process.off('exit', cleanup)
    for (const wake of waiters) wake()
  })
  return {
    process: proc,
    lines,
    stderr: () => err,
    exited,
    waitFor(test) {
      return new Promise((resolve, reject) => {
        let seen = 0
        const check = () => {
          let passed = false
          for (; seen < lines.length && !passed; seen++) passed = test(lines[seen]!, seen + 1)
          if (passed) {
            waiters.delete(check)
            resolve()
          } else if (proc.exitCode !== null || proc.signalCode !== null) {
            waiters.delete(check)
            reject(new Error(`The child ended (${proc.exitCode ?? proc.signalCode}) first: ${err}`))
          }
        }
        waiters.add(check)
        check()
      })
    },
  }
}
