// CSV for spreadsheets: RFC 4180 quoting, CRLF line ends, a UTF-8 byte order mark so Excel
// reads æøå, and a guard against formula injection: a customer's comment such as
// `=HYPERLINK(…)` must stay text when an analyst opens the file.

const formulaStart = /^[=+\-@\t\r]/

/** One cell: numbers and booleans as they are, text quoted when needed and defused. */
export function cell(value) {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  let text = typeof value === 'object' ? JSON.stringify(value) : String(value)
  if (formulaStart.test(text)) text = "'" + text
  return /[",\r\n]/.test(text) ? '"' + text.replaceAll('"', '""') + '"' : text
}

export const csvColumns = [
  'id', 'createdAt', 'updatedAt', 'score', 'category', 'comment', 'contactConsent', 'journeyPoint', 'locale',
  'surveyId', 'page', 'question', 'complete', 'followedUpAt', 'user', 'metadata', 'sdkVersion',
]

export function toCsv(rows, columns = csvColumns) {
  const lines = [columns.join(',')]
  for (const row of rows) lines.push(columns.map((column) => cell(row[column])).join(','))
  return '\uFEFF' + lines.join('\r\n') + '\r\n'
}
