// The collector's storage: the only module the rest of src/collector imports from storage/.
export { createStore } from './createStore'
export { followUpStates, MAX_BY, MAX_NOTE } from './followUps'
export { openDatabase } from './openDatabase'
export { migrate } from './migrate'
export { rebuildCounts } from './rebuildCounts'
export { LOCK_FILE } from './lock'
export type * from './types'
export type { ResponseFilters as Filters } from './types'
