export const shopLocales: string[]
export function escapeHtml(value: unknown): string
export function renderConfirmation(order: string, lang: string | null): Promise<string | null>
