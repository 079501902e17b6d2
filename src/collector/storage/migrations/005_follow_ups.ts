// The inbox's follow-up: each response is new, contacted or resolved, with who changed it last,
// when and a short note, and an audit table with every change. `first_contact_at` is when the
// response first left 'new' and is never cleared by a reopen: it is what "time to first contact"
// measures. `followed_up_at` (the state before this migration: set = followed up) stays in step,
// set while the state is not 'new', so older clients and exports read what they always did.
export default [
  `ALTER TABLE responses
    ADD COLUMN follow_up_state  text NOT NULL DEFAULT 'new' CHECK (follow_up_state IN ('new', 'contacted', 'resolved')),
    ADD COLUMN follow_up_by     text,
    ADD COLUMN follow_up_note   text,
    ADD COLUMN follow_up_at     timestamptz,
    ADD COLUMN first_contact_at timestamptz`,
  // A response followed up before states existed was contacted, at that time.
  `UPDATE responses SET follow_up_state = 'contacted', follow_up_at = followed_up_at, first_contact_at = followed_up_at
   WHERE followed_up_at IS NOT NULL`,
  // No foreign key (TRUNCATE responses keeps working): triggers below delete a response's events with it.
  `CREATE TABLE follow_up_events (
    id          bigserial   PRIMARY KEY,
    response_id uuid        NOT NULL,
    from_state  text        NOT NULL,
    to_state    text        NOT NULL CHECK (to_state IN ('new', 'contacted', 'resolved')),
    who         text        NOT NULL,
    via         text        NOT NULL,
    note        text,
    at          timestamptz NOT NULL
  )`,
  'CREATE INDEX follow_up_events_response ON follow_up_events (response_id, id)',
  `INSERT INTO follow_up_events (response_id, from_state, to_state, who, via, note, at)
   SELECT id, 'new', 'contacted', '(followed up before the inbox kept states)', 'migration', NULL, followed_up_at
   FROM responses WHERE followed_up_at IS NOT NULL`,
  // Erasure and retention delete the audit trail with the response: a note can name the customer.
  `CREATE FUNCTION npskit_drop_follow_up_events() RETURNS trigger LANGUAGE plpgsql AS $fn$
  BEGIN
    DELETE FROM follow_up_events e USING old_rows o WHERE e.response_id = o.id;
    RETURN NULL;
  END
  $fn$`,
  `CREATE FUNCTION npskit_clear_follow_up_events() RETURNS trigger LANGUAGE plpgsql AS $fn$
  BEGIN
    DELETE FROM follow_up_events;
    RETURN NULL;
  END
  $fn$`,
  `CREATE TRIGGER responses_drop_follow_up_events AFTER DELETE ON responses
   REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION npskit_drop_follow_up_events()`,
  `CREATE TRIGGER responses_clear_follow_up_events AFTER TRUNCATE ON responses
   FOR EACH STATEMENT EXECUTE FUNCTION npskit_clear_follow_up_events()`,
  // Time to first contact per week reads only the responses contacted, by answer time.
  'CREATE INDEX responses_first_contact ON responses (created_at) WHERE first_contact_at IS NOT NULL',
]
