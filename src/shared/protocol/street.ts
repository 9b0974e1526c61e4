// The street office's routes (/api/v1/street): its communities (with each one's first admin),
// its property companies, and the dashboard across communities. Counts stand beside every rate,
// so one fast fix never tops a table on its own.
import * as z from 'zod/mini';
import { localizedNameSchema, propertyCompanySchema } from '../domain/schemas';
import { enrollmentCodeResponseSchema } from './admin';

const entityId = z.string().check(z.minLength(1), z.maxLength(64));

export const communitySchema = z.object({
  id: entityId,
  name: localizedNameSchema,
  /** Its own IANA zone, or null to follow the street's. */
  timeZone: z.nullable(z.string()),
});
export type Community = z.infer<typeof communitySchema>;

export const communityCreateSchema = z.object({
  name: localizedNameSchema,
  timeZone: z.optional(z.nullable(z.string().check(z.minLength(1), z.maxLength(64)))),
  /** The community's first admin, who enrolls with the code in the answer. */
  admin: z.object({ name: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)) }),
});
export type CommunityCreate = z.input<typeof communityCreateSchema>;

export const communityCreatedSchema = z.object({
  community: communitySchema,
  admin: z.object({ memberId: entityId, ...enrollmentCodeResponseSchema.shape }),
});

export const communitiesResponseSchema = z.object({ communities: z.array(communitySchema) });

export const companyCreateSchema = z.object({ name: localizedNameSchema });
export const companiesResponseSchema = z.object({ companies: z.array(propertyCompanySchema) });
/** POST /companies answers the company it made (its id is the endpoint's). */
export const companyCreatedSchema = z.object({ company: propertyCompanySchema });

/** Hours; null when nothing was measured. */
const timesSchema = z.object({ count: z.number(), median: z.nullable(z.number()), p90: z.nullable(z.number()) });

export const communityFiguresSchema = z.object({
  communityId: entityId,
  name: localizedNameSchema,
  found: z.number(),
  open: z.number(),
  overdue: z.number(),
  toAssign: timesSchema,
  toResolve: timesSchema,
  compounds: z.number(),
  /** Compounds without a checkpoint scan this week. */
  notVisited: z.array(z.object({ id: entityId, name: localizedNameSchema })),
  rounds: z.number(),
  patrolHours: z.number(),
});
export type CommunityFigures = z.infer<typeof communityFiguresSchema>;

export const companyFiguresSchema = z.object({
  companyId: entityId,
  name: localizedNameSchema,
  /** Communities where it was assigned a hazard this week. */
  communities: z.number(),
  assigned: z.number(),
  open: z.number(),
  overdue: z.number(),
  resolved: z.number(),
  toResolve: timesSchema,
});
export type CompanyFigures = z.infer<typeof companyFiguresSchema>;

export const streetDashboardSchema = z.object({
  week: z.string(),
  communities: z.array(communityFiguresSchema),
  companies: z.array(companyFiguresSchema),
});
export type StreetDashboard = z.infer<typeof streetDashboardSchema>;

/** GET /api/v1/street/map?week=: community outlines (their compounds) and the week's hazards by severity. No tracks: those are personal data, shown only on drill-down into one community and day. */
export const streetMapSchema = z.object({
  week: z.string(),
  communities: z.array(
    z.object({
      id: entityId,
      name: localizedNameSchema,
      compounds: z.array(z.object({ id: entityId, name: localizedNameSchema, polygon: z.array(z.tuple([z.number(), z.number()])) })),
    }),
  ),
  hazards: z.array(
    z.object({
      id: z.string(),
      communityId: entityId,
      severity: z.enum(['low', 'medium', 'high', 'urgent']),
      status: z.string(),
      lat: z.number(),
      lng: z.number(),
      /** Milliseconds past due now (0 when not overdue). */
      overdueMs: z.number(),
    }),
  ),
});
export type StreetMap = z.infer<typeof streetMapSchema>;
