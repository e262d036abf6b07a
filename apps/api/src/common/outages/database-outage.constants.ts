// How long a client should wait before retrying while the database is away: short, because most
// outages are a failover or a restart, and readiness takes the instance out of rotation meanwhile.
export const DATABASE_RETRY_AFTER_SECONDS = 5;

// RFC 9111 §5.5 warn-code 110 and its documented companion: the body came from the read cache while
// the database could not be reached, so it may not show the latest writes made elsewhere.
export const STALE_HEADERS = { warning: '110 - "Response is Stale"', 'x-cache': 'stale' } as const;
