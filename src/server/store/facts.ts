// Lookups the push rules use to refuse what is not true: a photo the endpoint does not hold, a
// round that does not exist or is another team's.
import type Database from 'better-sqlite3';
import { statement } from './statements';

type Db = Database.Database;

export const photoHeld = (db: Db, id: string): boolean => statement<[string], unknown>(db, 'SELECT 1 FROM photos WHERE id = ?').get(id) !== undefined;

export const roundOfTeam = (db: Db, roundId: string, teamId: string | null): boolean =>
  teamId !== null && statement<[string, string], unknown>(db, 'SELECT 1 FROM rounds WHERE id = ? AND team_id = ?').get(roundId, teamId) !== undefined;
