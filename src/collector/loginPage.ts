/** What the sign-in page says above its form. */
export type LoginNotice = 'none' | 'wrong' | 'limited' | 'signed-out' | 'no-token' | 'expired'

const notices: Record<Exclude<LoginNotice, 'none'>, string> = {
  wrong: 'That is not the admin token.',
  limited: 'Too many attempts. Wait a minute, then try again.',
  'signed-out': 'You are signed out.',
  expired: 'Sign in to see the dashboard.',
  'no-token':
    'No ADMIN_TOKEN is set, so the dashboard opens without signing in, but only on this machine. Set ADMIN_TOKEN to reach it from elsewhere.',
}

/**
 * The sign-in page: one password field for the admin token. Static text only (no request data is
 * echoed), under the collector's strict Content-Security-Policy.
 */
export function loginPage(notice: LoginNotice): string {
  const message = notice === 'none' ? '' : `<p class="notice" role="alert">${notices[notice]}</p>`
  const form =
    notice === 'no-token'
      ? '<p><a class="button" href="dashboard">Open the dashboard</a></p>'
      : `<form method="post" action="login">
        <label for="token">Admin token</label>
        <input id="token" name="token" type="password" autocomplete="current-password" required autofocus />
        <button class="button" type="submit">Sign in</button>
      </form>`
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <link rel="icon" href="data:," />
    <title>Sign in · npskit</title>
    <link rel="stylesheet" href="dashboard/dashboard.css" />
    <script type="module" src="dashboard/login.js"></script>
  </head>
  <body class="login">
    <main class="card signin">
      <h1>npskit dashboard</h1>
      ${message}
      ${form}
    </main>
  </body>
</html>
`
}
