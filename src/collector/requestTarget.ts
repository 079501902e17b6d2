import type { IncomingMessage } from 'node:http'
import { HttpError } from './httpError'

/** The parts of a request's target the collector routes on. */
export interface RequestTarget {
  /** The path, percent-decoded, e.g. `/api/responses`. */
  readonly path: string
  readonly query: URLSearchParams
}

/**
 * Splits `req.url` into a decoded path and its query, without `new URL()`: a target such as `//`
 * or `//evil.example/x` is a path here, never a host. A malformed `%` escape is a 400 naming `path`.
 */
export function requestTarget(req: IncomingMessage): RequestTarget {
  const raw = req.url ?? '/'
  const mark = raw.indexOf('?')
  const rawPath = mark === -1 ? raw : raw.slice(0, mark)
  if (!rawPath.startsWith('/')) throw new HttpError(400, 'The request target must be a path', 'path')
  let path: string
  try {
    path = decodeURIComponent(rawPath)
  } catch {
    throw new HttpError(400, 'The path has a malformed % escape', 'path')
  }
  if (path.includes('\0')) throw new HttpError(400, 'The path must not contain NUL', 'path')
  return { path, query: mark === -1 ? new URLSearchParams() : parseQuery(raw.slice(mark + 1)) }
}

/**
 * A query string, strictly: URLSearchParams would turn a malformed escape or invalid UTF-8 into
 * U+FFFD and carry on; here it is a 400 naming the parameter.
 */
function parseQuery(text: string): URLSearchParams {
  const params = new URLSearchParams()
  for (const pair of text.split('&')) {
    if (pair === '') continue
    const eq = pair.indexOf('=')
    const [rawName, rawValue] = eq === -1 ? [pair, ''] : [pair.slice(0, eq), pair.slice(eq + 1)]
    const decode = (part: string, field: string) => {
      try {
        return decodeURIComponent(part.replaceAll('+', ' '))
      } catch {
        throw new HttpError(400, `The query parameter ${field} has a malformed % escape or invalid UTF-8`, field)
      }
    }
    const name = decode(rawName, 'query')
    params.append(name, decode(rawValue, name))
  }
  return params
}
