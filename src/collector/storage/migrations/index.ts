// Every migration, in order. Each is a list of statements run in one transaction, once per
// database; a name, once released, never changes meaning. (TypeScript modules rather than .sql
// files: the bundle carries them, with no files to find at run time.)
import responses from './001_responses'
import counts from './002_counts'
import customers from './003_customers'
import alertOutbox from './004_alert_outbox'
import followUps from './005_follow_ups'
import events from './006_events'
import linkAnswers from './007_link_answers'
import countsCoarser from './008_counts_coarser'
import alertEvents from './009_alert_events'

export interface Migration {
  readonly name: string
  readonly statements: readonly string[]
}

export const migrations: readonly Migration[] = [
  // The demo collector's first migration, under the same name: its databases carry on.
  { name: '001_responses.sql', statements: responses },
  { name: '002_counts', statements: counts },
  { name: '003_customers', statements: customers },
  { name: '004_alert_outbox', statements: alertOutbox },
  { name: '005_follow_ups', statements: followUps },
  { name: '006_events', statements: events },
  { name: '007_link_answers', statements: linkAnswers },
  { name: '008_counts_coarser', statements: countsCoarser },
  { name: '009_alert_events', statements: alertEvents },
]
