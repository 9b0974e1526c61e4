// Typed access to the key/value meta table: one key per concern, each with its own shape, and
// every value parsed on read (metaSchemas.ts). A row an older app version wrote that no longer
// parses reads as undefined, as if never written: the caller's default stands, nothing crashes.
// The schemas load on first read, not with this module: the first screen reads the session on
// start, and the capture path stays free of zod.
import type { PatrolDb } from './db';
import type { EnrollResponse, Place } from '../../shared/protocol/sync';
import type { BasemapConfig } from '../../shared/map/basemap';

export interface Session {
  token: string;
  member: EnrollResponse['member'];
  deviceName: string;
  enrolledAt: string;
  /** Where the member belongs (community, street, company); absent in sessions from before streets. */
  place?: Place;
}

export interface MetaShapes {
  session: Session;
  pullCursor: string;
  lastSyncAt: string;
  persistResult: 'granted' | 'denied' | 'unsupported';
  /** The basemap the endpoint chose, so the map opens offline with the same tiles and CRS. */
  mapConfig: BasemapConfig;
  /** The community's IANA time zone, the one the endpoint counts weeks in. */
  communityTimeZone: string;
  /** When the iOS "Add to Home Screen" hint was dismissed (ISO). */
  iosInstallHintSeen: string;
  /** The round started on this phone and not yet ended: the one the app resumes on start. */
  roundOnThisPhone: string;
}

/**
 * Not inside a Dexie transaction: the parsers load on first use, and awaiting that import would
 * let the transaction commit early.
 */
export async function getMeta<K extends keyof MetaShapes>(db: PatrolDb, key: K): Promise<MetaShapes[K] | undefined> {
  const row = await db.meta.get(key);
  if (row === undefined) return undefined;
  const { parseMeta } = await import('./metaSchemas');
  return parseMeta(key, row.value);
}

export async function setMeta<K extends keyof MetaShapes>(db: PatrolDb, key: K, value: MetaShapes[K]): Promise<void> {
  await db.meta.put({ key, value });
}
