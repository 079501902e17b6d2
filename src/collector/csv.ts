// CSV for spreadsheets: RFC 4180 quoting, CRLF line ends, a UTF-8 byte order mark so Excel reads
// æøå, and a guard against formula injection: a customer's comment such as `=HYPERLINK(…)` must
// stay text when an analyst opens the file.
import type { StoredResponse } from './storage/index'

const formulaStart = /^[=+\-@\t\r]/

/**
 * One cell: numbers and booleans as they are, text quoted when needed and defused.
 *
 * @example
 * cell('=SUM(A1)') // "'=SUM(A1)"
 */
export function cell(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  let text = typeof value === 'object' ? JSON.stringify(value) : String(value)
  if (formulaStart.test(text)) text = "'" + text
  return /[",\r\n]/.test(text) ? '"' + text.replaceAll('"', '""') + '"' : text
}

/** The columns of the export, in order. */
export const csvColumns = [
  'id', 'createdAt', 'updatedAt', 'score', 'category', 'comment', 'contactConsent', 'journeyPoint', 'channel', 'locale',
  'surveyId', 'page', 'question', 'complete', 'followedUpAt', 'followUpState', 'firstContactAt', 'user', 'metadata', 'sdkVersion',
] as const satisfies readonly (keyof StoredResponse)[]

/** The first line: a byte order mark and the header. */
export const csvHead = '\uFEFF' + csvColumns.join(',') + '\r\n'

/** One response as a CSV line, CRLF included. */
export function csvLine(row: StoredResponse): string {
  return csvColumns.map((column) => cell(row[column])).join(',') + '\r\n'
}
