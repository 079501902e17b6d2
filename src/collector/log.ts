/** Where the collector writes its log lines [console.error]. */
export type Logger = (line: string) => void

/**
 * One line about an unexpected error, without personal data: the error's class and code (a
 * PostgreSQL SQLSTATE, a Node error code) and the stack's frames, never its message, which can
 * quote the values of the request (an e-mail address, a comment).
 *
 * @example
 * process.on('unhandledRejection', (error) => console.error(`unhandled: ${describeError(error)}`))
 */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return typeof error
  const code = (error as { code?: unknown }).code
  const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line)).slice(0, 5).map((line) => line.trim())
  return [error.name + (typeof code === 'string' ? ` (${code})` : ''), ...frames].join(' | ')
}
