// Coarser counts, so that a long period reads a few hundred count rows instead of tens of
// thousands (issue #14's targets at a million responses). Measured before this migration, at
// 1,000,000 responses over a year, a 90-day summary in Europe/Oslo read ~47,000 count rows, 70% of
// them quarter hours: a dashboard week starts at 22:00 or 23:00 UTC, so each week had up to 23
// hours of quarter-hour edges read whole (every journey point × locale × score).
//
// Added keys (span in minutes, rollup as in 002_counts.ts):
// - hours (60), totals only (rollup 3): a week's edges in the dashboard's time zone read 11 rows
//   an hour for its trend, instead of every combination in four quarter hours;
// - UTC weeks (10080, aligned to the epoch, a Thursday), every rollup: the breakdowns and the
//   previous period, which do not follow the time zone's weeks, read a row per week and
//   combination instead of seven.
// A response now updates 10 count rows instead of 5, in the same statement as before.
import { countSql, type CountKey } from './countSql'

const keys: CountKey[] = [
  { span: 15, rollup: 0 },
  { span: 60, rollup: 3 },
  ...[1440, 10080].flatMap((span) => [0, 1, 2, 3].map((rollup) => ({ span, rollup }))),
]
const added = keys.filter((k) => k.span === 60 || k.span === 10080)

/** Counts every stored response under every key: rebuildCounts(). */
export const backfillCounts = countSql(keys).backfill

export default [
  // As in 002: writers wait while the new counts are built from the responses already there.
  'LOCK TABLE responses IN SHARE ROW EXCLUSIVE MODE',
  'ALTER TABLE response_counts DROP CONSTRAINT response_counts_span_check',
  'ALTER TABLE response_counts ADD CONSTRAINT response_counts_span_check CHECK (span IN (15, 60, 1440, 10080))',
  countSql(added).backfill,
  ...countSql(keys).countFunctions('CREATE OR REPLACE'),
]
