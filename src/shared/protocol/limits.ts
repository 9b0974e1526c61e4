// The wire's size and count limits, each defined here once: the endpoint enforces them and the
// app stays within them, so a phone never builds a request the endpoint must refuse.

/** A JSON request body (push, enroll, admin); a bigger one is answered 413 payload_too_large. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** One photo's bytes in a PUT /api/v1/photos/<sha256>; counted as they stream in. */
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;

/** At most this many mutations per push: fewer round trips, which a mobile network's latency rules. */
export const MAX_MUTATIONS_PER_PUSH = 1000;

/**
 * A push body stays within this many bytes (UTF-8), below MAX_BODY_BYTES, so batches of large
 * mutations (track points, long texts) are cut short rather than refused.
 */
export const MAX_PUSH_BODY_BYTES = 768 * 1024;

/** A pull page holds at most this many changes; a larger `limit` is clamped, not refused. */
export const MAX_PULL_LIMIT = 1000;

/** The longest period one GET /api/v1/rounds may ask for. */
export const MAX_RANGE_DAYS = 31;
