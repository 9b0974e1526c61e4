// Applies a pushed batch in one transaction, each mutation at most once by its id. The id is
// claimed first (an insert that does nothing when the id is known), so two identical batches on
// two connections or processes give one application: the second waits for the first's commit and
// then hears its recorded answer. The outcome (ack or rejection) is kept with the id, so a retried
// mutation always gets the same answer.
// A mutation that failed the schema (checkMutation) writes nothing and records nothing: its
// answer follows from its body alone, so a replay hears `invalid` again, and a record would let
// any device's garbage claim an id that another device's real mutation may still bring.
import type { Mutation, Rejection } from '../../shared/protocol/sync';
import type { CheckedMutation } from '../../shared/protocol/checkMutation';
import type { Caller } from '../auth/caller';
import type { Sql, Tx } from '../store/sql/sql';
import { categoryExists, compoundExists, hazardExists, insertHazard } from '../store/hazards';
import { photoHeld, roundOfTeam } from '../store/facts';
import { markPhotosReferenced } from '../store/photos';
import { applyCheckpointScan, applyRoundEnd, applyRoundStart, applyTrackAppend } from './applyRounds';
import { applyHazardEvent } from './applyHazardEvent';
import { saneTimesRefusal } from './saneTimes';
import { invalid, type Refusal } from './refusal';

export interface PushOutcome {
  acked: string[];
  rejected: Rejection[];
}

interface AppliedRow {
  device_id: string;
  outcome: string;
  reject_code: string | null;
  reject_message: string | null;
}

async function missingPhotoOf(tx: Tx, ids: readonly string[]): Promise<string | undefined> {
  for (const id of ids) if (!(await photoHeld(tx, id))) return id;
  return undefined;
}

async function hazardCreateRefusal(tx: Tx, draft: Extract<Mutation, { type: 'hazard.create' }>['data'], by: Caller): Promise<Refusal | null> {
  if (!(await categoryExists(tx, draft.categoryId))) return invalid(`unknown categoryId ${JSON.stringify(draft.categoryId)}`);
  if (draft.compoundId !== null && !(await compoundExists(tx, draft.compoundId))) return invalid(`unknown compoundId ${JSON.stringify(draft.compoundId)}`);
  if (draft.roundId !== null && !(await roundOfTeam(tx, draft.roundId, by.teamId))) {
    return invalid(`data.roundId: unknown round ${JSON.stringify(draft.roundId)} of your team: push its round.start first`);
  }
  const missingPhoto = await missingPhotoOf(tx, draft.photoIds);
  if (missingPhoto !== undefined) return invalid(`data.photoIds: photo ${missingPhoto} is not on the endpoint: upload it first`);
  return null;
}

async function applyHazardCreate(tx: Tx, m: Extract<Mutation, { type: 'hazard.create' }>, by: Caller, now: string): Promise<Refusal | null> {
  const draft = m.data;
  const refusal = await hazardCreateRefusal(tx, draft, by);
  // The same hazard sent again under a new mutation id (e.g. a re-created outbox) changes
  // nothing, and is acked even if its references have gone since.
  if (refusal) return (await hazardExists(tx, draft.id)) ? null : refusal;
  await insertHazard(tx, {
    ...draft,
    reporterId: by.memberId,
    teamId: by.teamId,
    status: 'open',
    receivedAt: now,
    assignedCompanyId: null,
    assignedAt: null,
    resolvedAt: null,
    duplicateOf: null,
    updatedAt: now,
  });
  await markPhotosReferenced(tx, draft.photoIds, now);
  return null;
}

function applyOne(tx: Tx, m: Mutation, by: Caller, now: string): Promise<Refusal | null> {
  const impossible = saneTimesRefusal(m, Date.parse(now));
  if (impossible) return Promise.resolve(impossible);
  switch (m.type) {
    case 'hazard.create':
      return applyHazardCreate(tx, m, by, now);
    case 'hazard.event':
      return applyHazardEvent(tx, m, by, now);
    case 'round.start':
      return applyRoundStart(tx, m, by, now);
    case 'round.end':
      return applyRoundEnd(tx, m, by);
    case 'track.append':
      return applyTrackAppend(tx, m, by, now);
    case 'checkpoint.scan':
      return applyCheckpointScan(tx, m, by, now);
  }
}

const FIND_APPLIED = 'SELECT device_id, outcome, reject_code, reject_message FROM applied_mutations WHERE id = ?';

export function applyPush(sql: Sql, mutations: readonly CheckedMutation[], by: Caller, now: Date): Promise<PushOutcome> {
  const at = now.toISOString();
  return sql.transaction(async (tx): Promise<PushOutcome> => {
    const outcome: PushOutcome = { acked: [], rejected: [] };
    const answerRecorded = (id: string, previous: AppliedRow) => {
      if (previous.outcome === 'acked') outcome.acked.push(id);
      else outcome.rejected.push({ id, code: previous.reject_code ?? 'invalid', message: previous.reject_message ?? '' });
    };
    for (const checked of mutations) {
      if (!checked.ok) {
        // This phone's own mutation, already applied, sent again in a shape this endpoint no
        // longer reads: its recorded answer stands. Another device's record is not its to hear.
        const previous = checked.id === '' ? undefined : await tx.get<AppliedRow>(FIND_APPLIED, [checked.id]);
        if (previous && previous.device_id === by.deviceId) answerRecorded(checked.id, previous);
        else outcome.rejected.push({ id: checked.id, code: 'invalid', message: checked.message });
        continue;
      }
      const m = checked.mutation;
      const claimed = await tx.run(
        `INSERT INTO applied_mutations (id, device_id, type, applied_at, outcome) VALUES (?, ?, ?, ?, 'acked')
         ON CONFLICT (id) DO NOTHING`,
        [m.id, by.deviceId, m.type, at],
      );
      if (claimed === 0) {
        answerRecorded(m.id, (await tx.get<AppliedRow>(FIND_APPLIED, [m.id]))!);
        continue;
      }
      const refusal = await applyOne(tx, m, by, at);
      if (refusal) {
        await tx.run("UPDATE applied_mutations SET outcome = 'rejected', reject_code = ?, reject_message = ? WHERE id = ?", [refusal.code, refusal.message, m.id]);
        outcome.rejected.push({ id: m.id, ...refusal });
      } else {
        outcome.acked.push(m.id);
      }
    }
    return outcome;
  });
}
