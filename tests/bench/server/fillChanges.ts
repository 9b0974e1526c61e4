// Grows the pull log to a given size with plausible hazard rows, written straight into SQLite
// in large transactions. Stops at the deadline and says how far it got, rather than run on.
import type Database from 'better-sqlite3';

const CHUNK = 100_000;

/** A v4-shaped uuid that is unique per index and sorts like it. */
const fillerId = (i: number) => `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;

function fillerHazard(id: string, i: number): string {
  const at = new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString();
  return JSON.stringify({
    id,
    categoryId: 'fire',
    severity: 'medium',
    description: `Archived hazard ${i}: bicycles in the fire lane of building ${i % 40}`,
    position: { lat: 30.6612, lng: 104.1109, accuracy: 10, at },
    compoundId: 'c01',
    roundId: null,
    createdAt: at,
    reporterId: 'm-a-01',
    teamId: 'team-a',
    status: 'open',
    receivedAt: at,
  });
}

/** Adds rows until the changes table holds `target` rows or `deadline` (epoch ms) passes; returns the count. */
export function fillChanges(db: Database.Database, target: number, deadline: number): number {
  const count = () => db.prepare<[], { n: number }>('SELECT count(*) AS n FROM changes').get()!.n;
  const insert = db.prepare("INSERT INTO changes (entity, entity_id, scope, data) VALUES ('hazard', ?, 'all', ?)");
  const addChunk = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const id = fillerId(i);
      insert.run(id, fillerHazard(id, i));
    }
  });
  let rows = count();
  let next = 0;
  while (rows < target && Date.now() < deadline) {
    const size = Math.min(CHUNK, target - rows);
    addChunk(next, next + size);
    next += size;
    rows += size;
  }
  return rows;
}
