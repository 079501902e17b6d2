/**
 * Where the script tag was loaded from, e.g. `https://cdn.jsdelivr.net/npm/npskit@1/dist/`.
 * The script-tag entry sets it once; the lazily loaded UI comes from the same place.
 */
export const base = { url: '' }
