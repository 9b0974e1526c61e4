// Rounds, track points and checkpoint scans: the schemas of a patrol walked together.
// Coordinates are WGS-84 exactly as the device reported them; times are epoch ms or ISO.
import * as z from 'zod/mini';
import { isoTime, localizedNameSchema, positionSchema } from './schemas';

const entityId = z.string().check(z.minLength(1), z.maxLength(64));

export const MAX_POINTS_PER_BATCH = 500;
export const MAX_ROUND_MEMBERS = 12;

/**
 * One kept GPS fix. `segment` counts the gaps before it: a new segment starts after more than
 * 60 s without a fix, and no map may draw a line from one segment to the next.
 */
export const trackPointSchema = z.object({
  at: z.number().check(z.int(), z.gte(0)),
  lat: z.number().check(z.gte(-90), z.lte(90)),
  lng: z.number().check(z.gte(-180), z.lte(180)),
  accuracy: z.number().check(z.gte(0), z.lte(100_000)),
  segment: z.number().check(z.int(), z.gte(0)),
  /** Kept although it implies a jump faster than walking; shown, never used for distance. */
  suspect: z.optional(z.boolean()),
});
export type TrackPoint = z.infer<typeof trackPointSchema>;

export const roundStartSchema = z.object({
  id: z.uuid(),
  teamId: entityId,
  memberIds: z.array(entityId).check(z.minLength(1), z.maxLength(MAX_ROUND_MEMBERS)),
  startedAt: isoTime,
});
export type RoundStart = z.infer<typeof roundStartSchema>;

export const roundEndSchema = z.object({
  roundId: z.uuid(),
  endedAt: isoTime,
  note: z.nullable(z.string().check(z.maxLength(2000))),
  /** True when the app closed a round left open for over 12 h, at its last fix. */
  autoClosed: z.boolean(),
});
export type RoundEnd = z.infer<typeof roundEndSchema>;

export const trackBatchSchema = z.object({
  id: z.uuid(),
  roundId: z.uuid(),
  points: z.array(trackPointSchema).check(z.minLength(1), z.maxLength(MAX_POINTS_PER_BATCH)),
});
export type TrackBatch = z.infer<typeof trackBatchSchema>;

export const checkpointScanDraftSchema = z.object({
  id: z.uuid(),
  roundId: z.uuid(),
  checkpointId: entityId,
  scannedAt: isoTime,
  position: z.nullable(positionSchema),
  method: z.enum(['camera', 'manual']),
});
export type CheckpointScanDraft = z.infer<typeof checkpointScanDraftSchema>;

/** A round as the server holds it and leads pull it. */
export const roundSchema = z.extend(roundStartSchema, {
  startedBy: entityId,
  endedAt: z.nullable(isoTime),
  note: z.nullable(z.string()),
  autoClosed: z.boolean(),
});
export type Round = z.infer<typeof roundSchema>;

/** A scan as the server holds it: `far` is the server's own check (> 100 m from the checkpoint). */
export const checkpointScanSchema = z.extend(checkpointScanDraftSchema, {
  memberId: entityId,
  teamId: entityId,
  far: z.boolean(),
});
export type CheckpointScan = z.infer<typeof checkpointScanSchema>;

/** A QR-coded point at a compound gate. The code is what the printed QR holds. */
export const checkpointSchema = z.object({
  id: entityId,
  compoundId: entityId,
  name: localizedNameSchema,
  lat: z.number(),
  lng: z.number(),
  code: z.string().check(z.minLength(4), z.maxLength(64)),
});
export type Checkpoint = z.infer<typeof checkpointSchema>;
