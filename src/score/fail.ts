// The one way to fail. The message names what is wrong, the value and, in a collection, its index
// ("npskit/score: invalid score at index 3: 7.5"): enough to find a bad cell in a 100 000-row
// export. What a valid value is lives in the TSDoc, not in the bytes shipped to browsers.
export const fail = (what: string, got: unknown, Type: typeof RangeError = RangeError): never => {
  throw new Type('npskit/score: invalid ' + what + ': ' + (got as string))
}
