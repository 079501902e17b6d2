// Erasure and access requests find a customer's responses by the id or the e-mail address the
// site put in `user`, without reading the whole table.
export default [
  "CREATE INDEX responses_user_id ON responses ((user_info->>'id'))",
  "CREATE INDEX responses_user_email ON responses (lower(user_info->>'email'))",
]
