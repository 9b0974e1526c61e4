// Lookups the push rules use to refuse what is not true: a photo the endpoint does not hold, a
// round that does not exist or is another team's.
import type { Sql } from './sql/sql';

export const photoHeld = async (sql: Sql, id: string): Promise<boolean> => (await sql.get('SELECT 1 FROM photos WHERE id = ?', [id])) !== undefined;

export const roundOfTeam = async (sql: Sql, roundId: string, teamId: string | null): Promise<boolean> =>
  teamId !== null && (await sql.get('SELECT 1 FROM rounds WHERE id = ? AND team_id = ?', [roundId, teamId])) !== undefined;
