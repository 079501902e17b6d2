// The Node entry "npskit/collector": the collector server, its storage and its helpers. It only
// re-exports; nothing runs at import. Never imported by the widget's entries.
export { createCollector } from './collector/createCollector'
export { createCollectorServer } from './collector/server'
export { scheduleRetention } from './collector/scheduleRetention'
export { validateResponse, responseSchema, payloadSchema } from './collector/validateResponse'
export { validateEvent, eventSchema } from './collector/validateEvent'
export { validatePayload } from './collector/validatePayload'
export { maxBodyBytes } from './collector/bodyLimit'
export { collectorConfigFromEnv } from './collector/fromEnv'
export { describeError } from './collector/log'
export { createStore, openDatabase, rebuildCounts } from './collector/storage/index'
export { signSurveyLink, verifySurveyLink } from './collector/links/index'
export { createAlerts, alertOptionsFromEnv, migrateAlerts, alertsMigration, verifySignature, signBody } from './collector/alerts/index'
export type { CollectorHandler } from './collector/createCollector'
export type { CollectorOptions } from './collector/options'
export type { LinkOptions } from './collector/landing/options'
export type { ServerLimits } from './collector/server'
export type { CollectorConfig } from './collector/fromEnv'
export type {
  Alerts,
  AlertEmailOptions,
  AlertEvent,
  AlertFormat,
  AlertJsonBody,
  AlertKind,
  AlertOptions,
  AlertResponse,
  AlertStatus,
  AlertWhen,
  FailedAlert,
  OutboxAlert,
  PendingAlert,
  RetryRequest,
  SignatureHeaders,
  SlackBody,
  TeamsBody,
} from './collector/alerts/index'
export type { RateLimitOptions } from './collector/rateLimit'
export type { Logger } from './collector/log'
export type { PayloadSchema, Problem, SchemaRules } from './collector/validateResponse'
export type { SignedSurveyLink, SignSurveyLinkOptions, SurveyLinkCheck, SurveyLinkData, SurveyLinkProblem } from './collector/links/index'
export type {
  Channel,
  ContactTimes,
  CustomerKey,
  Database,
  EventInput,
  EventKind,
  EventOutcome,
  Funnel,
  FunnelFilters,
  FunnelSteps,
  FollowUpChange,
  FollowUpEvent,
  FollowUpState,
  OpenOptions,
  PageOptions,
  RecontactAnswer,
  RecontactQuery,
  ResponseFilters,
  ResponseInput,
  Stats,
  Store,
  StoredResponse,
  Summary,
  SummaryFilters,
  TallyJson,
  TimeToContact,
  TimeToContactFilters,
  UpsertOptions,
  UpsertOutcome,
} from './collector/storage/index'
