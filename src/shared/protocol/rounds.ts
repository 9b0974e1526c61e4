// GET /api/v1/rounds?from=<ISO>&to=<ISO>[&cursor=]: the rounds of a period a device does not hold
// yet, with their track batches and checkpoint scans, a few rounds a page (a walked day is
// ~0.5 MB of fixes). The period is at most MAX_RANGE_DAYS long (./limits).
import * as z from 'zod/mini';
import { isoTime } from '../domain/schemas';
import { checkpointScanSchema, roundSchema, trackBatchSchema } from '../domain/rounds';
import { PROTOCOL } from './sync';

/** The endpoint's page size: few rounds, since each carries its fixes. */
export const ROUNDS_PER_PAGE = 4;

export const roundsRangeQuerySchema = z.object({ from: isoTime, to: isoTime });

export const roundsRangeResponseSchema = z.object({
  protocol: z.literal(PROTOCOL),
  rounds: z.array(roundSchema),
  trackBatches: z.array(trackBatchSchema),
  checkpointScans: z.array(checkpointScanSchema),
  /** Rounds in the whole period, for progress. */
  total: z.number().check(z.int(), z.gte(0)),
  /** Pass back as `cursor` for the next page; null on the last. */
  nextCursor: z.nullable(z.string()),
});
export type RoundsRangeResponse = z.infer<typeof roundsRangeResponseSchema>;
