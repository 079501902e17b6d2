// The audit trail of alert retries (src/collector/alerts/migration.ts): idempotent, so databases
// where the alerts created it themselves carry on. 009: 006 to 008 are taken by other changes.
import { alertEventsMigrationStatements } from '../../alerts/migration'

export default alertEventsMigrationStatements
