import type { Category } from './score/types'
import type { Locale, Messages } from './core/messages'

export type { Category } from './score/types'
export type { Locale, Messages } from './core/messages'

/** Where the survey appears. `'inline'` renders into the `target` element. */
export type Placement = 'modal' | 'bottom-right' | 'bottom-left' | 'top-bar' | 'bottom-bar' | 'inline'

/** Colour scheme: fixed, or following `prefers-color-scheme` (`'auto'`). */
export type Theme = 'light' | 'dark' | 'auto'

/** A value per answer category, or one value for all of them. */
export type PerCategory<T> = T | { readonly [C in Category]?: T }

/** A link offered to promoters on the thank-you step, e.g. to leave a review. */
export interface PromoterAction {
  readonly label: string
  /** An `http:` or `https:` URL (anything else is refused). Opens in a new tab. */
  readonly href: string
}

/** Options of {@link createSurvey}. Every one is optional. */
export interface SurveyOptions {
  /** Names this survey in responses and in the visitor's history [`'nps'`]. */
  readonly surveyId?: string
  /** Fills `{brand}` in the question. Without it the question says "us". */
  readonly brand?: string
  /** The question; `{brand}` is replaced by `brand` [the locale's question]. */
  readonly question?: string
  /** A BCP 47 tag, or `'auto'` for the best match of `navigator.languages` [`'auto'`, falling back to English]. */
  readonly locale?: string
  /** Extra or replacement locales, e.g. your own translation. Built-in locales load on demand. */
  readonly locales?: readonly Locale[]
  /** Overrides any built-in string of the chosen locale. */
  readonly messages?: Partial<Messages>
  /**
   * The follow-up text box after the score: `false` for none, a string for one prompt for
   * everyone, or per category (`{ detractor: '…', promoter: false }`) [the locale's prompts].
   */
  readonly followUp?: PerCategory<string | boolean>
  /** The thank-you text, one for all or per category [the locale's texts]. */
  readonly thankYou?: PerCategory<string>
  /** A call to action on the promoters' thank-you, e.g. `{ label: 'Review us', href: 'https://…' }`. */
  readonly promoterAction?: PromoterAction
  /** Show "You may contact me about my answer" under the text box, for all or per category [false]. */
  readonly contactConsent?: PerCategory<boolean>
  /** Where the survey appears [`'bottom-right'`]. */
  readonly placement?: Placement
  /** With `placement: 'inline'`: the element (or a CSS selector for it) to render into. */
  readonly target?: Element | string
  /** [`'auto'`] */
  readonly theme?: Theme
  /** Accent colour of buttons and the selected score, any CSS colour. */
  readonly accent?: string
  /** Background colour of the card. */
  readonly background?: string
  /** Text colour. */
  readonly text?: string
  /** Corner radius in px [12]. */
  readonly radius?: number
  /** Font family [the system UI font]. */
  readonly fontFamily?: string
  /** Base font size in px [16]; everything scales from it, never from the host's `rem`. */
  readonly fontSize?: number
  /** Stacking order of floating placements [2147483000]. */
  readonly zIndex?: number
  /** A CSP nonce for the `<style>` fallback in browsers without constructable stylesheets. */
  readonly nonce?: string
  /** Longest comment accepted [2000]. */
  readonly maxCommentLength?: number
  /** Close the thank-you by itself after this many ms; 0 keeps it open [4000]. */
  readonly autoCloseMs?: number
  /** Extra data sent with every response: a flat object of strings, numbers and booleans. */
  readonly metadata?: Metadata
  /** Who answered, as your site knows them (an id, a segment); sent as is, or null. */
  readonly user?: UserInfo
  /** Called with the response each time it changes: once with the score, once complete. */
  readonly onResponse?: (response: SurveyResponse) => void
}

/** Flat metadata: what a collector can store in columns without parsing. */
export type Metadata = Readonly<Record<string, string | number | boolean>>

/** What the site tells about the customer; `null` when nothing. */
export type UserInfo = Readonly<Record<string, string | number | boolean | null>>

/** Options of one `show()`. */
export interface ShowOptions {
  /** Where in the customer's journey this is, e.g. `'checkout-complete'`. */
  readonly journeyPoint?: string
  /** Merged over the survey's `metadata` for this showing. */
  readonly metadata?: Metadata
}

/** How a `show()` ended. */
export interface SurveyResult {
  readonly status: 'answered' | 'dismissed' | 'not-shown'
  readonly score?: number
  readonly category?: Category
  readonly comment?: string
  /** Why it was not shown or how it was closed, e.g. `'survey-on-screen'`, `'no-dom'`, `'hidden'`. */
  readonly reason?: string
}

/**
 * One response, exactly as it is delivered to a collector. It is made when the score is chosen
 * (`complete: false`) and updated, under the same `id`, when the customer finishes (`complete: true`).
 */
export interface SurveyResponse {
  /** A UUID made on the client; collectors upsert by it. */
  readonly id: string
  readonly surveyId: string
  readonly score: number
  readonly category: Category
  readonly comment: string | null
  readonly contactConsent: boolean
  readonly journeyPoint: string | null
  /** The locale the question was shown in. */
  readonly locale: string
  /** The question text as the customer saw it. */
  readonly question: string
  /** The page URL without query string and fragment. */
  readonly page: string
  readonly user: UserInfo | null
  readonly metadata: Metadata
  /** ISO 8601. */
  readonly createdAt: string
  /** ISO 8601. */
  readonly updatedAt: string
  readonly complete: boolean
  readonly sdk: { readonly name: 'npskit'; readonly version: string }
}

/** The events of a survey and what their handlers receive. */
export interface SurveyEvents {
  show: { readonly journeyPoint: string | null }
  score: SurveyResponse
  submit: SurveyResponse
  dismiss: { readonly step: 'question' | 'followUp' | 'thanks'; readonly response: SurveyResponse | null }
  error: Error
}

/** The object {@link createSurvey} returns. */
export interface Survey {
  /** Shows the survey; resolves when the customer finishes or closes it. Never rejects. */
  show(options?: ShowOptions): Promise<SurveyResult>
  /** Closes the survey if it is on screen (its `show()` resolves with reason `'hidden'`). */
  hide(): void
  /** Closes it and removes everything it added to the page. The survey can't be used afterwards. */
  destroy(): void
  /** Listens to an event; returns a function that stops listening. */
  on<K extends keyof SurveyEvents>(event: K, handler: (detail: SurveyEvents[K]) => void): () => void
}
