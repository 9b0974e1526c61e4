// Reads of the outbox by state, in queue order, all off the one [state+queuedAt] index.
import type { OutboxRow, PatrolDb } from './db';

export const inState = (db: PatrolDb, state: OutboxRow['state']) =>
  db.outbox.where('[state+queuedAt]').between([state, -Infinity], [state, Infinity]);
