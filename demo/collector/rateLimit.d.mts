export function rateLimiter(options?: { burst?: number; perMinute?: number; maxClients?: number }): (
  key: string,
  now?: number,
) => { ok: true } | { ok: false; retryAfter: number }
