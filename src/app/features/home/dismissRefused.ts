// The member lets go of a refused record, on their explicit tap only. A refused lifecycle event
// is undone on the phone (as in the hazard's history); any other record stays on the phone as
// it is, and only its outbox row leaves, so it is never sent again and nothing else is lost.
import type { PatrolDb } from '../../db/db';
import { dismissRefusedEvent } from '../../db/saveHazardEvent';

export async function dismissRefused(db: PatrolDb, seq: number): Promise<void> {
  const row = await db.outbox.get(seq);
  if (!row || row.state !== 'rejected') return;
  if (row.mutation?.type === 'hazard.event') return dismissRefusedEvent(db, row.id);
  await db.transaction('rw', db.outbox, async () => {
    const current = await db.outbox.get(seq);
    if (current?.state === 'rejected') await db.outbox.delete(seq);
  });
}
