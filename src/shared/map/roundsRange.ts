// The rounds range moved to the protocol (../protocol/rounds, ../protocol/limits); this path
// stays only while the endpoint's map route imports it from here.
export { MAX_RANGE_DAYS } from '../protocol/limits';
export { ROUNDS_PER_PAGE, roundsRangeQuerySchema, roundsRangeResponseSchema, type RoundsRangeResponse } from '../protocol/rounds';
