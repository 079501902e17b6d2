// The rules only the follow-up and the thank-you use: they arrive with those views (steps.ts), right
// after the first paint, and are added after styles.ts, in the same shadow root. The build collapses
// the white space.
export const stepStyles = `
.thanks { margin-bottom: 0; font-size: 1.0625em; font-weight: 400; }
textarea { display: block; width: 100%; min-height: 96px; margin: 0; padding: 8px 10px; resize: vertical; }
textarea::placeholder { color: var(--_muted); opacity: 1; }
.consent { display: flex; gap: 8px; align-items: flex-start; margin-top: 8px; font-size: .9375em; }
.consent input { flex: none; width: 20px; height: 20px; margin: 1px 0 0; accent-color: var(--_accent); }
.actions { display: flex; flex-wrap: wrap; justify-content: flex-end; gap: 8px; margin-top: 12px; }
.primary, .secondary, .action { display: inline-flex; align-items: center; min-height: 40px; padding: 8px 16px; text-decoration: none; }
.action { margin-top: 12px; }
`
