// A hazard's lifecycle is a log of events: each change a lead, a member or a property company
// makes is one event (one `hazard.event` mutation), applied by the server in arrival order.
// The hazard row only caches the result (status, assignee, times); the events are its history.
import * as z from 'zod/mini';
import {
  entityId,
  hazardStatusSchema,
  isoTime,
  photoIdsSchema,
  positionSchema,
  roleSchema,
  severitySchema,
  text,
} from './schemas';

export const HAZARD_EVENT_TYPES = ['edit', 'assign', 'resolve', 'reopen', 'duplicate', 'reject', 'note', 'place'] as const;
export type HazardEventType = (typeof HAZARD_EVENT_TYPES)[number];

const nonEmptyText = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));

const eventBase = {
  /** Client-generated, the key the event is applied at most once by. */
  id: z.uuid(),
  hazardId: z.uuid(),
  /** When the person did it, on their device's clock. */
  at: isoTime,
};

/** The reporter's corrections while the hazard is open. Absent fields are unchanged. */
const editEvent = z.object({
  ...eventBase,
  type: z.literal('edit'),
  data: z.object({
    description: z.optional(text(2000)),
    categoryId: z.optional(entityId),
    severity: z.optional(severitySchema),
  }),
});

const assignEvent = z.object({
  ...eventBase,
  type: z.literal('assign'),
  data: z.object({ propertyCompanyId: entityId }),
});

/** Resolving needs a note and at least one "after" photo. */
const resolveEvent = z.object({
  ...eventBase,
  type: z.literal('resolve'),
  data: z.object({ note: nonEmptyText(2000), photoIds: photoIdsSchema.check(z.minLength(1)) }),
});

const reopenEvent = z.object({
  ...eventBase,
  type: z.literal('reopen'),
  data: z.object({ reason: text(2000) }),
});

const duplicateEvent = z.object({
  ...eventBase,
  type: z.literal('duplicate'),
  data: z.object({ duplicateOf: z.uuid() }),
});

const rejectEvent = z.object({
  ...eventBase,
  type: z.literal('reject'),
  data: z.object({ reason: nonEmptyText(2000) }),
});

/** "Also seen": a member confirms an existing hazard instead of logging it twice. */
const noteEvent = z.object({
  ...eventBase,
  type: z.literal('note'),
  data: z.object({ text: text(2000), photoIds: photoIdsSchema }),
});

/**
 * A hazard saved without a fix, or with a poor one, placed by hand on a map. The position is
 * WGS-84 (a GCJ-02 basemap's pin is shifted back before it is sent); its accuracy is
 * PLACED_ACCURACY_M. The compound is the phone's guess: the server re-detects it from its own
 * polygons and stores its own answer.
 */
const placeEvent = z.object({
  ...eventBase,
  type: z.literal('place'),
  data: z.object({ position: positionSchema, compoundId: z.nullable(entityId) }),
});

/** What a device sends. Author and role are the server's word, from the token. */
export const hazardEventDraftSchema = z.discriminatedUnion('type', [
  editEvent,
  assignEvent,
  resolveEvent,
  reopenEvent,
  duplicateEvent,
  rejectEvent,
  noteEvent,
  placeEvent,
]);
export type HazardEventDraft = z.infer<typeof hazardEventDraftSchema>;

/** An event as the server accepted it and devices pull it. */
export const hazardEventSchema = z.intersection(
  hazardEventDraftSchema,
  z.object({
    authorId: entityId,
    role: roleSchema,
    /** The hazard's status after this event (the history shows it). */
    status: hazardStatusSchema,
    receivedAt: isoTime,
  }),
);
export type HazardEvent = z.infer<typeof hazardEventSchema>;
