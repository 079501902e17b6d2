// Answers from email links (GET /r/<token>) wait here before they count. A link scanner opens all
// eleven score links of an email within seconds; a customer opens one. So an answer made by the page
// itself (the score from the link, no tap yet) is held for a short window: when no other score for
// the same link arrives meanwhile it becomes the response, otherwise the link is marked as scanned and
// only a human action (a tap on a score, a submit) records. One row per link, keyed by the response
// id the link's token gives; `pending` is the held response (it may carry the link's email address)
// and is cleared when it is committed or dropped, so rows left behind hold no personal data.
// Named 007: 006 is the events migration of the same issue.
export default [
  `CREATE TABLE link_answers (
    response_id   uuid        PRIMARY KEY,
    pending       jsonb,
    pending_score smallint,
    due_at        timestamptz,
    last_seen_at  timestamptz NOT NULL,
    scanner       boolean     NOT NULL DEFAULT false
  )`,
  'CREATE INDEX link_answers_due ON link_answers (due_at) WHERE pending IS NOT NULL',
]
