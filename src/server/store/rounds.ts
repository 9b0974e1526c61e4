// Rounds as stored, and their place in the pull log. A round's change has the scope of its team:
// that team's lead and admins pull it, members never (not even their own).
import type Database from 'better-sqlite3';
import * as z from 'zod/mini';
import { statement } from './statements';
import { writeChange, type Scope } from './changes';
import { roundSchema, type Round } from '../../shared/domain/rounds';

type Db = Database.Database;

export const teamScope = (teamId: string): Scope => `team:${teamId}`;

interface RoundRow {
  id: string;
  team_id: string;
  started_by: string;
  member_ids: string;
  started_at: string;
  ended_at: string | null;
  note: string | null;
  auto_closed: number;
}

const memberIdsSchema = z.array(z.string());

/** The stored round, parsed back into the shared schema (the JSON column is checked, not cast). */
export function findRound(db: Db, id: string): Round | null {
  const row = statement<[string], RoundRow>(
    db,
    'SELECT id, team_id, started_by, member_ids, started_at, ended_at, note, auto_closed FROM rounds WHERE id = ?',
  ).get(id);
  if (!row) return null;
  return roundSchema.parse({
    id: row.id,
    teamId: row.team_id,
    memberIds: memberIdsSchema.parse(JSON.parse(row.member_ids)),
    startedAt: row.started_at,
    startedBy: row.started_by,
    endedAt: row.ended_at,
    note: row.note,
    autoClosed: row.auto_closed === 1,
  });
}

export function insertRound(db: Db, round: Round, receivedAt: string): void {
  statement(
    db,
    `INSERT INTO rounds (id, team_id, started_by, member_ids, started_at, ended_at, note, auto_closed, received_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    round.id,
    round.teamId,
    round.startedBy,
    JSON.stringify(round.memberIds),
    round.startedAt,
    round.endedAt,
    round.note,
    round.autoClosed ? 1 : 0,
    receivedAt,
  );
  writeChange(db, { entity: 'round', op: 'put', id: round.id, data: round }, teamScope(round.teamId));
}

/** Records the end and republishes the round, so leads who pulled it open see it ended. */
export function endRound(db: Db, round: Round): void {
  statement(db, 'UPDATE rounds SET ended_at = ?, note = ?, auto_closed = ? WHERE id = ?').run(
    round.endedAt,
    round.note,
    round.autoClosed ? 1 : 0,
    round.id,
  );
  writeChange(db, { entity: 'round', op: 'put', id: round.id, data: round }, teamScope(round.teamId));
}

/** Ids among `memberIds` that are not active members of the team. */
export function notActiveInTeam(db: Db, memberIds: readonly string[], teamId: string): string[] {
  const active = statement<[string, string], { id: string }>(
    db,
    'SELECT id FROM members WHERE id = ? AND team_id = ? AND active = 1',
  );
  return memberIds.filter((id) => active.get(id, teamId) === undefined);
}
