// Alerts: detractor answers to webhooks and email within seconds, never lost, never doubled.
export { createAlerts, type Alerts } from './createAlerts'
export { alertOptionsFromEnv } from './env'
export { alertsMigration, alertsMigrationStatements, migrateAlerts } from './migration'
export { verifySignature, signBody, type SignatureHeaders } from './sign'
export type { AlertJsonBody } from './json'
export type { SlackBody } from './slack'
export type { TeamsBody } from './teams'
export type { AlertEmail } from './email'
export type {
  AlertEmailOptions, AlertFormat, AlertKind, AlertOptions, AlertResponse, AlertsDatabase, AlertStatus, AlertWhen,
  FailedAlert, Queryable, UpsertOutcome,
} from './types'
