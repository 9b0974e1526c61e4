// Entity schemas shared by the app (Dexie rows, pulled changes) and the server (SQLite rows,
// request bodies). Parse, don't cast: every trust boundary runs these.
import * as z from 'zod/mini';

export const isoTime = z.iso.datetime({ offset: true });

export const SEVERITIES = ['low', 'medium', 'high', 'urgent'] as const;
export const severitySchema = z.enum(SEVERITIES);
export type Severity = z.infer<typeof severitySchema>;

export const ROLES = ['member', 'lead', 'admin'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const HAZARD_STATUSES = ['open', 'assigned', 'resolved', 'closed_duplicate', 'rejected'] as const;
export const hazardStatusSchema = z.enum(HAZARD_STATUSES);
export type HazardStatus = z.infer<typeof hazardStatusSchema>;

export const text = (max: number) => z.string().check(z.maxLength(max));
export const entityId = z.string().check(z.minLength(1), z.maxLength(64));

/** Photos are content-addressed: the id is the SHA-256 of the stored bytes, lower-case hex. */
export const PHOTO_ID_PATTERN = /^[0-9a-f]{64}$/;
export const photoIdSchema = z.string().check(z.regex(PHOTO_ID_PATTERN));
export const MAX_PHOTOS_PER_HAZARD = 6;
export const photoIdsSchema = z.array(photoIdSchema).check(z.maxLength(MAX_PHOTOS_PER_HAZARD));

/** A GPS fix as the device reported it: WGS-84, accuracy in metres. */
export const positionSchema = z.object({
  lat: z.number().check(z.gte(-90), z.lte(90)),
  lng: z.number().check(z.gte(-180), z.lte(180)),
  accuracy: z.number().check(z.gte(0), z.lte(100_000)),
  at: isoTime,
});
export type Position = z.infer<typeof positionSchema>;

export const localizedNameSchema = z.object({ zh: text(200), en: text(200) });
export type LocalizedName = z.infer<typeof localizedNameSchema>;

export const teamSchema = z.object({ id: entityId, name: localizedNameSchema });
export type Team = z.infer<typeof teamSchema>;

export const memberSchema = z.object({
  id: entityId,
  name: text(100),
  teamId: z.nullable(entityId),
  role: roleSchema,
  propertyCompanyId: z.nullable(entityId),
  active: z.boolean(),
});
export type Member = z.infer<typeof memberSchema>;

/** A closed ring of [lng, lat] pairs (GeoJSON order). */
export const ringSchema = z.array(z.tuple([z.number(), z.number()])).check(z.minLength(4));
export type Ring = z.infer<typeof ringSchema>;

export const compoundSchema = z.object({
  id: entityId,
  name: localizedNameSchema,
  polygon: ringSchema,
  propertyCompanyId: entityId,
});
export type Compound = z.infer<typeof compoundSchema>;

export const propertyCompanySchema = z.object({ id: entityId, name: localizedNameSchema });
export type PropertyCompany = z.infer<typeof propertyCompanySchema>;

export const categorySchema = z.object({ id: entityId, name: localizedNameSchema, sort: z.number() });
export type Category = z.infer<typeof categorySchema>;

/** What a member writes when logging a hazard; everything else is the server's word. */
export const hazardDraftSchema = z.object({
  id: z.uuid(),
  categoryId: entityId,
  severity: severitySchema,
  description: text(2000),
  position: z.nullable(positionSchema),
  compoundId: z.nullable(entityId),
  roundId: z.nullable(z.uuid()),
  createdAt: isoTime,
  /** The "before" photos. Defaulted so drafts queued by older app versions still parse. */
  photoIds: z._default(photoIdsSchema, []),
});
export type HazardDraft = z.infer<typeof hazardDraftSchema>;

/** A hazard as the server knows it and members pull it. */
export const hazardSchema = z.extend(hazardDraftSchema, {
  reporterId: entityId,
  teamId: z.nullable(entityId),
  status: hazardStatusSchema,
  receivedAt: isoTime,
  // The lifecycle's current state, folded from the hazard's events by the server (see
  // hazardEvents.ts). Defaulted so hazards pulled before the lifecycle existed still parse.
  /** The property company it is assigned to (by default the compound's). */
  assignedCompanyId: z._default(z.nullable(entityId), null),
  /** When it was first assigned (the event's time on the device that did it). */
  assignedAt: z._default(z.nullable(isoTime), null),
  /** When it was last resolved; null again after a reopen. */
  resolvedAt: z._default(z.nullable(isoTime), null),
  /** The hazard this one duplicates, when closed as a duplicate. */
  duplicateOf: z._default(z.nullable(z.uuid()), null),
  /** The server time of the last change to this hazard. */
  updatedAt: z._default(z.nullable(isoTime), null),
});
export type Hazard = z.infer<typeof hazardSchema>;

/** The lifecycle fields of a hazard nobody has acted on yet. */
export const NEW_HAZARD_LIFECYCLE = {
  assignedCompanyId: null,
  assignedAt: null,
  resolvedAt: null,
  duplicateOf: null,
  updatedAt: null,
} as const satisfies Partial<Hazard>;
