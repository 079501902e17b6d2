// Alerts: detractor answers to webhooks and email within seconds, never lost, never doubled.
export { createAlerts, type Alerts } from './createAlerts'
export { alertOptionsFromEnv } from './env'
export { alertEventsMigrationStatements, alertsMigration, alertsMigrationStatements, migrateAlerts } from './migration'
export { verifySignature, signBody, type SignatureHeaders } from './sign'
export type { AlertJsonBody } from './json'
export type { SlackBody } from './slack'
export type { TeamsBody } from './teams'
export type { AlertEmail } from './email'
export type {
  AlertEmailOptions, AlertEvent, AlertFormat, AlertKind, AlertOptions, AlertResponse, AlertsDatabase, AlertStatus, AlertWhen,
  FailedAlert, OutboxAlert, PendingAlert, Queryable, RetryRequest, UpsertOutcome,
} from './types'
