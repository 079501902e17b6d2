/**
 * When a journey point is reached, declared without code. A spec is one moment, optionally
 * limited to pages: `url` alone fires on arriving at a matching page; with one of the other
 * fields, that moment counts only on matching pages. `afterMs`, `scrollDepth` and `exitIntent`
 * are measured per page, and start again when a single-page app navigates to another path.
 * List several specs for "any of these".
 */
export interface TriggerSpec {
  /** A path pattern with `*` wildcards (the whole URL when it has a scheme), or a RegExp. */
  readonly url?: string | RegExp
  /** A click on (or inside) an element matching this CSS selector; its `data-npskit-dedupe-key`, if any, comes along. */
  readonly click?: string
  /** A DOM event of this name on `window`; its `detail` may carry `{ dedupeKey, metadata }`. */
  readonly event?: string
  /** A Google Tag Manager style `dataLayer.push({ event: '<this>', … })`, earlier ones included. */
  readonly dataLayer?: string
  /** This many milliseconds on the page. */
  readonly afterMs?: number
  /** This share of the page (0..1) scrolled into view. */
  readonly scrollDepth?: number
  /** The mouse leaving through the top edge, on devices with a mouse. */
  readonly exitIntent?: boolean
}

/** What a trigger may carry to the survey. */
export interface TriggerDetail {
  readonly dedupeKey?: string
  readonly metadata?: Readonly<Record<string, string | number | boolean>>
}

/** Told that the customer has reached a journey point. */
export interface TriggerFire {
  (journeyPoint: string, detail?: { dedupeKey?: string; metadata?: Record<string, string | number | boolean> }): void
}

/** The part of a journey point the triggers read. */
export interface TriggerPoint {
  readonly on?: TriggerSpec | readonly TriggerSpec[] | undefined
}
