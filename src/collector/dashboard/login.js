// The sign-in page keeps the link that brought the admin here (an alert's #inbox/<id>) through the
// sign-in: a browser never sends the fragment to the server, so the form's action carries it and
// the redirect to the dashboard inherits it. Only that shape of fragment: nothing else is copied.
const hash = location.hash
if (/^#inbox\/[0-9A-Za-z%-]{1,100}$/.test(hash)) {
  for (const form of document.querySelectorAll('form[action="login"]')) form.setAttribute('action', 'login' + hash)
  for (const link of document.querySelectorAll('a[href="dashboard"]')) link.setAttribute('href', 'dashboard' + hash)
}
