export { readEnvironment, type Environment } from './environment'
export { countVisit, KEYS, loadHistory, saveHistory, VISIT_GAP_MS } from './persist'
export { journeyPointsCheck, rulesChecks, triggerSpecCheck, type Check } from './checks'
