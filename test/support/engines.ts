// Just enough of npm's semver ranges to read `engines.node` in package-lock.json: `||` between
// sets, comparators (>=, >, <=, <, =), caret and tilde, partial and x-ranges ("20", "10.*", "0.8.x"),
// and "*". A range it cannot read is an error, never a silent yes.

type Version = [number, number, number]

function parse(text: string): { version: Version; parts: number } {
  const match = /^v?(\d+)(?:\.(\d+|[x*]))?(?:\.(\d+|[x*]))?$/i.exec(text)
  if (!match) throw new Error(`cannot read the version "${text}"`)
  const numbers = match.slice(1).filter((p) => p !== undefined && !/^[x*]$/i.test(p)).map(Number)
  return { version: [numbers[0] ?? 0, numbers[1] ?? 0, numbers[2] ?? 0], parts: numbers.length }
}

const compare = (a: Version, b: Version) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]
/** The first version above every one `text` names: "20" → 21.0.0, "20.1" → 20.2.0. */
function above({ version, parts }: { version: Version; parts: number }): Version {
  if (parts <= 1) return [version[0] + 1, 0, 0]
  if (parts === 2) return [version[0], version[1] + 1, 0]
  return [version[0], version[1], version[2] + 1]
}

function satisfiesOne(version: Version, comparator: string): boolean {
  if (comparator === '*' || comparator === '') return true
  const [, operator = '', text = ''] = /^(>=|<=|>|<|=|\^|~)?(.*)$/.exec(comparator)!
  const bound = parse(text)
  switch (operator) {
    case '>=':
      return compare(version, bound.version) >= 0
    case '>':
      return compare(version, bound.parts < 3 ? above(bound) : bound.version) >= (bound.parts < 3 ? 0 : 1)
    case '<=':
      return compare(version, bound.parts < 3 ? above(bound) : bound.version) < (bound.parts < 3 ? 0 : 1)
    case '<':
      return compare(version, bound.version) < 0
    case '^': {
      const [major, minor] = bound.version
      const ceiling: Version = major > 0 || bound.parts === 1 ? [major + 1, 0, 0] : minor > 0 || bound.parts === 2 ? [0, minor + 1, 0] : [0, 0, bound.version[2] + 1]
      return compare(version, bound.version) >= 0 && compare(version, ceiling) < 0
    }
    case '~':
      return compare(version, bound.version) >= 0 && compare(version, above({ version: bound.version, parts: Math.min(bound.parts, 2) })) < 0
    default:
      return compare(version, bound.version) >= 0 && (bound.parts === 3 ? compare(version, bound.version) === 0 : compare(version, above(bound)) < 0)
  }
}

/** Whether `version` (e.g. process.version) satisfies the npm range `range`. */
export function satisfies(version: string, range: string): boolean {
  const v = parse(version.replace(/[-+].*$/, '')).version
  return range.split('||').some((set) =>
    set
      .trim()
      .replace(/(>=|<=|>|<|=|\^|~)\s+/g, '$1')
      .split(/\s+/)
      .every((comparator) => satisfiesOne(v, comparator)),
  )
}
