import type { IncomingMessage } from 'node:http'
import { HttpError } from './httpError'

/** How much and how slowly a body may come. */
export interface BodyLimits {
  /** The most bytes; a bigger body is a 413 without reading the rest. */
  readonly maxBytes: number
  /** The longest pause between two chunks before the request is a 408 (slow bodies tie up sockets). */
  readonly idleMs: number
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false })

/**
 * Reads a request body as UTF-8 text within `limits`. Bytes that are not UTF-8 are a 400, never
 * silently replaced. A framework that already read the body (Express' `express.text()` or
 * `express.json()`) leaves it on `req.body`, which is used instead.
 */
export async function readBody(req: IncomingMessage, limits: BodyLimits): Promise<string> {
  const parsed = (req as { body?: unknown }).body
  if (typeof parsed === 'string') return parsed
  if (Buffer.isBuffer(parsed)) return decode(parsed)
  if (parsed !== undefined && req.readableEnded) return JSON.stringify(parsed)
  const tooLarge = () => new HttpError(413, `The body is larger than ${limits.maxBytes} bytes`, null, { connection: 'close' })
  const declared = Number(req.headers['content-length'])
  if (declared > limits.maxBytes) throw tooLarge()
  const chunks: Buffer[] = []
  let size = 0
  await new Promise<void>((resolve, reject) => {
    let settled = false
    let seen = 0
    const fail = (error: Error) => {
      cleanUp()
      // Stop reading: the rest of the body is not wanted, and the answer closes the connection.
      req.pause()
      reject(error)
    }
    // Idle means the client paused, not that this process was busy: a timer that comes due after
    // the event loop was blocked (PGlite runs in this thread) looks once more, after the loop has
    // read what the socket holds, before it calls the body slow.
    const arm = () => {
      const at = seen
      return setTimeout(() => setImmediate(() => !settled && seen === at && fail(new HttpError(408, 'The body came too slowly', null, { connection: 'close' }))), limits.idleMs)
    }
    let timer = arm()
    const onData = (chunk: Buffer) => {
      seen++
      size += chunk.length
      if (size > limits.maxBytes) return fail(tooLarge())
      chunks.push(chunk)
      clearTimeout(timer)
      timer = arm()
    }
    const onEnd = () => {
      cleanUp()
      resolve()
    }
    const onAborted = () => fail(new HttpError(400, 'The request was aborted', null, { connection: 'close' }))
    const cleanUp = () => {
      settled = true
      clearTimeout(timer)
      req.off('data', onData).off('end', onEnd).off('error', onAborted).off('aborted', onAborted)
    }
    req.on('data', onData).on('end', onEnd).on('error', onAborted).on('aborted', onAborted)
  })
  return decode(Buffer.concat(chunks))
}

function decode(bytes: Buffer): string {
  try {
    return utf8.decode(bytes)
  } catch {
    throw new HttpError(400, 'The body is not valid UTF-8', null)
  }
}

/** Parses JSON text; malformed JSON is a 400. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    throw new HttpError(400, 'The body is not valid JSON', null)
  }
}
