// The alerts outbox (src/collector/alerts/migration.ts): idempotent, so databases where the
// alerts created it themselves carry on.
import { alertsMigrationStatements } from '../../alerts/migration'

export default alertsMigrationStatements
