/** How one delivery attempt ended. */
export type Attempt =
  | { readonly ok: true }
  | {
      readonly ok: false
      /** The receiver refused it for good (e.g. 404, 410): retrying cannot help. */
      readonly permanent: boolean
      /** The receiver's `Retry-After`, when it gave one. */
      readonly retryAfterMs: number | null
      /** What went wrong, for the log and the dashboard: a status or error code, never the body. */
      readonly error: string
    }

/** A failed attempt worth retrying. */
export function retry(error: string, retryAfterMs: number | null = null): Attempt {
  return { ok: false, permanent: false, retryAfterMs, error }
}

/** A failed attempt not worth retrying. */
export function refused(error: string): Attempt {
  return { ok: false, permanent: true, retryAfterMs: null, error }
}

/** A short, personal-data-free description of a thrown error: its code, or its name. */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    if (error.name === 'TimeoutError' || error.name === 'AbortError') return 'timeout'
    const cause = (error as { cause?: { code?: unknown } }).cause
    const code = (error as { code?: unknown }).code ?? cause?.code
    return typeof code === 'string' ? code : error.name
  }
  return 'error'
}
