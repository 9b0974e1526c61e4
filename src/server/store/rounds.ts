// Rounds as stored, and their place in the pull log. A round's change has the scope of its team:
// that team's lead and admins pull it, members never (not even their own).
import * as z from 'zod/mini';
import type { Sql, Tx } from './sql/sql';
import { teamScope } from './scopes';
import { roundSchema, type Round } from '../../shared/domain/rounds';


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

/** A stored round and the community it belongs to (its team's), read together. */
export interface StoredRound {
  round: Round;
  communityId: string;
}

/** The stored round, parsed back into the shared schema (the JSON column is checked, not cast). */
export async function findStoredRound(sql: Sql, id: string): Promise<StoredRound | null> {
  const row = await sql.get<RoundRow & { community_id: string }>(
    'SELECT id, team_id, started_by, member_ids, started_at, ended_at, note, auto_closed, community_id FROM rounds WHERE id = ?',
    [id],
  );
  if (!row) return null;
  const round = roundSchema.parse({
    id: row.id,
    teamId: row.team_id,
    memberIds: memberIdsSchema.parse(JSON.parse(row.member_ids)),
    startedAt: row.started_at,
    startedBy: row.started_by,
    endedAt: row.ended_at,
    note: row.note,
    autoClosed: row.auto_closed === 1,
  });
  return { round, communityId: row.community_id };
}

export async function findRound(sql: Sql, id: string): Promise<Round | null> {
  return (await findStoredRound(sql, id))?.round ?? null;
}

export async function insertRound(tx: Tx, round: Round, receivedAt: string, communityId: string): Promise<void> {
  await tx.run(
    `INSERT INTO rounds (id, team_id, started_by, member_ids, started_at, ended_at, note, auto_closed, received_at, community_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
    round.id,
    round.teamId,
    round.startedBy,
    JSON.stringify(round.memberIds),
    round.startedAt,
    round.endedAt,
    round.note,
    round.autoClosed ? 1 : 0,
    receivedAt,
    communityId,
    ],
  );
  tx.publish({ entity: 'round', op: 'put', id: round.id, data: round }, teamScope(communityId, round.teamId));
}

/** Records the end and republishes the round, so leads who pulled it open see it ended. */
export async function endRound(tx: Tx, round: Round, communityId: string): Promise<void> {
  await tx.run('UPDATE rounds SET ended_at = ?, note = ?, auto_closed = ? WHERE id = ?', [round.endedAt, round.note, round.autoClosed ? 1 : 0, round.id]);
  tx.publish({ entity: 'round', op: 'put', id: round.id, data: round }, teamScope(communityId, round.teamId));
}

/** Ids among `memberIds` that are not active members of the team. */
export async function notActiveInTeam(sql: Sql, memberIds: readonly string[], teamId: string): Promise<string[]> {
  const strangers: string[] = [];
  for (const id of memberIds) {
    if ((await sql.get('SELECT id FROM members WHERE id = ? AND team_id = ? AND active = 1', [id, teamId])) === undefined) strangers.push(id);
  }
  return strangers;
}
