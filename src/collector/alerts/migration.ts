// The alerts outbox. Idempotent (IF NOT EXISTS), so the storage migrations can include it as one
// more step and a collector can run it on every start.

/**
 * One row per answer, destination and kind of message. A row is written in the same transaction
 * as the response, so an answer the collector acknowledged always has its alert.
 * - `payload`: the answer as it will be sent (the customer's email only when they consented);
 * - `version`: bumped on each change, so a worker can tell that what it sent is not the latest;
 * - `claimed_until`/`claimed_by`: the lease of the worker sending it; an expired lease (a killed
 *   process) lets another worker take it again;
 * - `first_due_at`: the 24-hour give-up is counted from here.
 */
export const alertsMigrationStatements: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS alert_outbox (
  response_id   text        NOT NULL,
  target        text        NOT NULL,
  kind          text        NOT NULL CHECK (kind IN ('alert', 'update')),
  target_label  text        NOT NULL,
  state         text        NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'failed', 'cancelled')),
  payload       jsonb       NOT NULL,
  version       integer     NOT NULL DEFAULT 1,
  sent_comment  boolean,
  due_at        timestamptz NOT NULL,
  first_due_at  timestamptz NOT NULL,
  claimed_until timestamptz,
  claimed_by    text,
  attempts      integer     NOT NULL DEFAULT 0,
  last_error    text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  settled_at    timestamptz,
  PRIMARY KEY (response_id, target, kind)
)`,
  'CREATE INDEX IF NOT EXISTS alert_outbox_due ON alert_outbox (due_at) WHERE state = \'pending\'',
  'CREATE INDEX IF NOT EXISTS alert_outbox_settled ON alert_outbox (state, settled_at)',
]

/**
 * The audit trail of what admins did to alerts: one row per alert retried, with who, how they
 * were admitted, and the error it had failed with. No customer data: ids and destinations only.
 */
export const alertEventsMigrationStatements: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS alert_events (
  id            bigserial   PRIMARY KEY,
  response_id   text        NOT NULL,
  target        text        NOT NULL,
  target_label  text        NOT NULL,
  kind          text        NOT NULL,
  action        text        NOT NULL CHECK (action IN ('retry')),
  last_error    text,
  who           text        NOT NULL,
  via           text        NOT NULL,
  at            timestamptz NOT NULL DEFAULT now()
)`,
]

/**
 * The alerts' migration (outbox and audit trail) as one SQL script, for a migrations folder.
 *
 * @example
 * await pglite.exec(alertsMigration)
 */
export const alertsMigration: string = [...alertsMigrationStatements, ...alertEventsMigrationStatements].join(';\n') + ';\n'

/**
 * Creates the outbox and audit tables when they are missing. Safe to run on every start and from two processes.
 *
 * @example
 * await migrateAlerts(db)
 */
export async function migrateAlerts(db: { query(sql: string, params?: readonly unknown[]): Promise<unknown> }): Promise<void> {
  for (const statement of [...alertsMigrationStatements, ...alertEventsMigrationStatements]) {
    try {
      await db.query(statement)
    } catch (error) {
      // Two processes creating the table at once: the loser sees a duplicate, and the table is there.
      const code = (error as { code?: unknown }).code
      if (code !== '23505' && code !== '42P07') throw error
    }
  }
}
