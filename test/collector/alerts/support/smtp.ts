import { SMTPServer } from 'smtp-server'
import type { AddressInfo } from 'node:net'

/** One email as the local SMTP server received it. */
export interface Mail {
  readonly from: string
  readonly to: readonly string[]
  readonly raw: string
}

export interface SmtpReceiver {
  readonly url: string
  readonly mails: Mail[]
  close(): Promise<void>
}

/** A local SMTP server on 127.0.0.1 without TLS or authentication, that keeps every message. */
export async function startSmtp(): Promise<SmtpReceiver> {
  const mails: Mail[] = []
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', () => {
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : ''
        mails.push({ from, to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') })
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.server.address() as AddressInfo
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
