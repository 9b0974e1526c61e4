// Keeps the place the endpoint names (a community renamed, a session from before streets) in the
// stored session, but only in the session whose token asked: a phone enrolled again meanwhile
// keeps its new session as it is.
import type { PatrolDb } from './db';
import type { Session } from './meta';
import type { Place } from '../../shared/protocol/sync';

const samePlace = (a: Place | undefined, b: Place) => JSON.stringify(a) === JSON.stringify(b);

/** The session with the place, when it changed; null when nothing was written. */
export async function keepSessionPlace(db: PatrolDb, token: string, place: Place): Promise<Session | null> {
  // Loaded before the transaction: awaiting an import inside it would let it commit early.
  const { parseMeta } = await import('./metaSchemas');
  return db.transaction('rw', db.meta, async () => {
    const row = await db.meta.get('session');
    const session = row && parseMeta('session', row.value);
    if (!session || session.token !== token || samePlace(session.place, place)) return null;
    const next: Session = { ...session, place };
    await db.meta.put({ key: 'session', value: next });
    return next;
  });
}
