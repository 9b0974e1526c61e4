// The wire protocol of /api/v1/sync: push mutations, acks and pull pages. Written once,
// imported by the app's sync engine and the server's routes.
import * as z from 'zod/mini';
import {
  categorySchema,
  compoundSchema,
  hazardDraftSchema,
  hazardSchema,
  isoTime,
  localizedNameSchema,
  memberSchema,
  propertyCompanySchema,
  teamSchema,
} from '../domain/schemas';
import {
  checkpointScanDraftSchema,
  checkpointScanSchema,
  checkpointSchema,
  roundEndSchema,
  roundSchema,
  roundStartSchema,
  trackBatchSchema,
} from '../domain/rounds';
import { hazardEventDraftSchema, hazardEventSchema } from '../domain/hazardEvents';
import { rejectionCodeSchema } from './errors';
import { MAX_MUTATIONS_PER_PUSH } from './limits';

export const PROTOCOL = 'patrol-sync/1';
// Defined in ./limits; named here too while the endpoint's routes still import them from here.

/** Every mutation carries a client-generated id: the key the server applies it at most once by. */
const mutationBase = { id: z.uuid(), at: isoTime };

export const hazardCreateSchema = z.object({
  ...mutationBase,
  type: z.literal('hazard.create'),
  data: hazardDraftSchema,
});

/** One lifecycle event on an existing hazard: edit, assign, resolve, reopen, duplicate, reject, note. */
export const hazardEventMutationSchema = z.object({
  ...mutationBase,
  type: z.literal('hazard.event'),
  data: hazardEventDraftSchema,
});

export const roundStartMutationSchema = z.object({
  ...mutationBase,
  type: z.literal('round.start'),
  data: roundStartSchema,
});

export const roundEndMutationSchema = z.object({
  ...mutationBase,
  type: z.literal('round.end'),
  data: roundEndSchema,
});

/** Track points travel in batches (at most MAX_POINTS_PER_BATCH), never one mutation per fix. */
export const trackAppendMutationSchema = z.object({
  ...mutationBase,
  type: z.literal('track.append'),
  data: trackBatchSchema,
});

export const checkpointScanMutationSchema = z.object({
  ...mutationBase,
  type: z.literal('checkpoint.scan'),
  data: checkpointScanDraftSchema,
});

export const mutationSchema = z.discriminatedUnion('type', [
  hazardCreateSchema,
  hazardEventMutationSchema,
  roundStartMutationSchema,
  roundEndMutationSchema,
  trackAppendMutationSchema,
  checkpointScanMutationSchema,
]);
export type Mutation = z.infer<typeof mutationSchema>;
export type HazardCreateMutation = z.infer<typeof hazardCreateSchema>;
export type HazardEventMutation = z.infer<typeof hazardEventMutationSchema>;
export type RoundStartMutation = z.infer<typeof roundStartMutationSchema>;
export type RoundEndMutation = z.infer<typeof roundEndMutationSchema>;
export type TrackAppendMutation = z.infer<typeof trackAppendMutationSchema>;
export type CheckpointScanMutation = z.infer<typeof checkpointScanMutationSchema>;
export type MutationType = Mutation['type'];

export const pushRequestSchema = z.object({
  mutations: z.array(mutationSchema).check(z.maxLength(MAX_MUTATIONS_PER_PUSH)),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

/**
 * What the endpoint checks of a push as a whole. Each mutation is then checked on its own
 * (checkMutation), so one that fails is refused alone and never costs the rest of the batch.
 */
export const pushEnvelopeSchema = z.object({
  mutations: z.array(z.unknown()).check(z.maxLength(MAX_MUTATIONS_PER_PUSH)),
});

/** One refused mutation; a code this app does not know reads 'unknown' (see ./errors). */
export const rejectionSchema = z.object({ id: z.string(), code: rejectionCodeSchema, message: z.string() });
/** As the endpoint sends it: any code string. */
export type Rejection = z.input<typeof rejectionSchema>;
/** As the app reads it: a code it knows, or 'unknown'. */
export type ReceivedRejection = z.infer<typeof rejectionSchema>;

export const pushResponseSchema = z.object({
  protocol: z.literal(PROTOCOL),
  acked: z.array(z.string()),
  rejected: z.array(rejectionSchema),
});
export type PushResponse = z.input<typeof pushResponseSchema>;
export type ReceivedPushResponse = z.infer<typeof pushResponseSchema>;

const put = <E extends string, S extends z.ZodMiniType>(entity: E, data: S) =>
  z.object({ entity: z.literal(entity), op: z.literal('put'), id: z.string(), data });

export const changeSchema = z.discriminatedUnion('entity', [
  put('team', teamSchema),
  put('member', memberSchema),
  put('compound', compoundSchema),
  put('propertyCompany', propertyCompanySchema),
  put('category', categorySchema),
  put('hazard', hazardSchema),
  // Scope 'all', like hazards: every member sees the history of every hazard.
  put('hazardEvent', hazardEventSchema),
  // Scope 'all': every member needs the codes offline to check a manual entry.
  put('checkpoint', checkpointSchema),
  // Scope 'team:<teamId>': leads see their team's rounds, admin sees all, members none.
  put('round', roundSchema),
  put('trackBatch', trackBatchSchema),
  put('checkpointScan', checkpointScanSchema),
]);
export type Change = z.infer<typeof changeSchema>;
export type ChangeEntity = Change['entity'];

export const pullResponseSchema = z.object({
  protocol: z.literal(PROTOCOL),
  changes: z.array(changeSchema),
  cursor: z.string(),
  hasMore: z.boolean(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

export const enrollRequestSchema = z.object({
  code: z.string().check(z.minLength(1), z.maxLength(100)),
  deviceName: z.string().check(z.maxLength(100)),
  /** The app's version, so the office can see which phones still run an old one. */
  appVersion: z.optional(z.string().check(z.maxLength(40))),
});
export type EnrollRequest = z.infer<typeof enrollRequestSchema>;

/**
 * Where an enrolled member belongs: a community of a street, or (the street office, a property
 * company's staff) the street only. Absent from servers before streets.
 */
export const placeSchema = z.object({
  communityId: z.nullable(z.string()),
  community: z.nullable(localizedNameSchema),
  street: localizedNameSchema,
  propertyCompanyId: z.nullable(z.string()),
});
export type Place = z.infer<typeof placeSchema>;

export const enrollResponseSchema = z.object({
  token: z.string(),
  member: z.pick(memberSchema, { id: true, name: true, teamId: true, role: true }),
  place: z.optional(placeSchema),
});
export type EnrollResponse = z.infer<typeof enrollResponseSchema>;

export { isoTime };
