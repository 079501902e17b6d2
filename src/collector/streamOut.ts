import type { ServerResponse } from 'node:http'

/**
 * Writes `lines` to `res` as they come, waiting for the socket to drain: memory stays flat however
 * many rows there are. Stops (and ends the iteration, so a database cursor closes) when the client
 * goes away.
 */
export async function streamOut(res: ServerResponse, lines: AsyncIterable<string>): Promise<void> {
  for await (const line of lines) {
    if (res.destroyed) return
    if (!res.write(line)) {
      await new Promise<void>((resolve) => {
        const done = () => {
          res.off('drain', done).off('close', done)
          resolve()
        }
        res.on('drain', done).on('close', done)
      })
    }
  }
  res.end()
}
