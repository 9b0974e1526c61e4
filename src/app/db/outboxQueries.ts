// Reads of the outbox by state, in queue order, all off the one [state+seq] index.
import type { OutboxRow, PatrolDb } from './db';

export const inState = (db: PatrolDb, state: OutboxRow['state']) =>
  db.outbox.where('[state+seq]').between([state, -Infinity], [state, Infinity]);
