// The schema of every meta key, checked on read (see meta.ts). Each schema must accept every
// value the app writes under its key; `satisfies` below holds the schemas and MetaShapes together.
import * as z from 'zod/mini';
import type { MetaShapes } from './meta';
import { basemapConfigSchema } from '../../shared/map/basemap';
import { isTimeZone } from '../../shared/report/timeZone';
import { localizedNameSchema, ROLES } from '../../shared/domain/schemas';

const isoString = z.string();

// The enroll answer's place (protocol/sync placeSchema), written again here: importing that module
// would load the whole sync protocol with the session read at start. `satisfies` below keeps the
// two in step (MetaShapes' session carries the protocol's Place).
const placeSchema = z.object({
  communityId: z.nullable(z.string()),
  community: z.nullable(localizedNameSchema),
  street: localizedNameSchema,
  propertyCompanyId: z.nullable(z.string()),
});

const sessionSchema = z.object({
  token: z.string(),
  member: z.object({ id: z.string(), name: z.string(), teamId: z.nullable(z.string()), role: z.enum(ROLES) }),
  deviceName: z.string(),
  enrolledAt: isoString,
  // A session stored before streets has none and stays valid; the next config pull adds it.
  place: z.optional(placeSchema),
});

const schemas = {
  session: sessionSchema,
  pullCursor: z.string(),
  lastSyncAt: isoString,
  persistResult: z.enum(['granted', 'denied', 'unsupported']),
  mapConfig: basemapConfigSchema,
  communityTimeZone: z.string().check(z.refine(isTimeZone)),
  iosInstallHintSeen: isoString,
  roundOnThisPhone: z.string(),
} satisfies { [K in keyof MetaShapes]: z.ZodMiniType<MetaShapes[K]> };

/** The stored value as its key's shape, or undefined when it does not parse (an older version's). */
export function parseMeta<K extends keyof MetaShapes>(key: K, value: unknown): MetaShapes[K] | undefined {
  const parsed = schemas[key].safeParse(value);
  return parsed.success ? (parsed.data as MetaShapes[K]) : undefined;
}
