// One way to fail: the message names the argument, the value and, in a collection, its index
// ("npskit/score: invalid score at index 3: 7.5"), enough to find a bad cell in a 100 000-row
// export. What each argument must be is in the TSDoc, not in the bytes shipped to browsers.
export function fail(what: string, got: unknown, Type: typeof RangeError = RangeError): never {
  throw new Type(`npskit/score: invalid ${what}: ${got}`)
}

export const badScore = (score: unknown, index: number): never => fail(index < 0 ? 'score' : 'score at index ' + index, score)
