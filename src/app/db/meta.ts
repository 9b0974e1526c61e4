// Typed access to the key/value meta table: one key per concern, each with its own shape.
import type { PatrolDb } from './db';
import type { EnrollResponse } from '../../shared/protocol/sync';

export interface Session {
  token: string;
  member: EnrollResponse['member'];
  deviceName: string;
  enrolledAt: string;
}

export interface MetaShapes {
  session: Session;
  pullCursor: string;
  lastSyncAt: string;
  persistResult: 'granted' | 'denied' | 'unsupported';
  /** The round started on this phone and not yet ended: the one the app resumes on start. */
  roundOnThisPhone: string;
}

export async function getMeta<K extends keyof MetaShapes>(
  db: PatrolDb,
  key: K,
): Promise<MetaShapes[K] | undefined> {
  const row = await db.meta.get(key);
  return row?.value as MetaShapes[K] | undefined;
}

export async function setMeta<K extends keyof MetaShapes>(
  db: PatrolDb,
  key: K,
  value: MetaShapes[K],
): Promise<void> {
  await db.meta.put({ key, value });
}
