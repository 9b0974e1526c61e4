// Applies a pushed batch in one transaction, each mutation at most once by its id. The
// outcome (ack or rejection) is recorded with the id, so a retried mutation always gets the
// same answer. Nothing here may await: the whole batch must run inside db.transaction.
// A mutation that failed the schema (checkMutation) writes nothing and records nothing: its
// answer follows from its body alone, so a replay hears `invalid` again, and a record would let
// any device's garbage claim an id that another device's real mutation may still bring.
import type Database from 'better-sqlite3';
import { statement } from './statements';
import type { Mutation, Rejection } from '../../shared/protocol/sync';
import type { CheckedMutation } from '../../shared/protocol/checkMutation';
import type { RejectionCode } from '../../shared/protocol/errors';
import type { Role } from '../../shared/domain/schemas';
import { categoryExists, compoundExists, hazardExists, insertHazard } from './hazards';
import { applyCheckpointScan, applyRoundEnd, applyRoundStart, applyTrackAppend } from './applyRounds';
import { applyHazardEvent } from './applyHazardEvent';
import { saneTimesRefusal } from './saneTimes';
import { photoHeld, roundOfTeam } from './facts';
import { markPhotosReferenced } from './photos';

type Db = Database.Database;

/** Who pushed: the server's word, from the bearer token, never the body's. */
export interface Pusher {
  deviceId: string;
  memberId: string;
  teamId: string | null;
  role: Role;
}

export interface PushOutcome {
  acked: string[];
  rejected: Rejection[];
}

export type Refusal = { code: RejectionCode; message: string };

interface AppliedRow {
  device_id: string;
  outcome: string;
  reject_code: string | null;
  reject_message: string | null;
}

function applyHazardCreate(db: Db, m: Extract<Mutation, { type: 'hazard.create' }>, by: Pusher, now: string): Refusal | null {
  const draft = m.data;
  let refusal: Refusal | null = null;
  const missingPhoto = draft.photoIds.find((id) => !photoHeld(db, id));
  if (!categoryExists(db, draft.categoryId)) {
    refusal = { code: 'invalid', message: `unknown categoryId ${JSON.stringify(draft.categoryId)}` };
  } else if (draft.compoundId !== null && !compoundExists(db, draft.compoundId)) {
    refusal = { code: 'invalid', message: `unknown compoundId ${JSON.stringify(draft.compoundId)}` };
  } else if (draft.roundId !== null && !roundOfTeam(db, draft.roundId, by.teamId)) {
    refusal = { code: 'invalid', message: `data.roundId: unknown round ${JSON.stringify(draft.roundId)} of your team: push its round.start first` };
  } else if (missingPhoto !== undefined) {
    refusal = { code: 'invalid', message: `data.photoIds: photo ${missingPhoto} is not on the endpoint: upload it first` };
  }
  // The same hazard sent again under a new mutation id (e.g. a re-created outbox) changes
  // nothing, and is acked even if its references have gone since.
  if (refusal) return hazardExists(db, draft.id) ? null : refusal;
  insertHazard(db, {
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
  markPhotosReferenced(db, draft.photoIds, now);
  return null;
}

function applyOne(db: Db, m: Mutation, by: Pusher, now: string): Refusal | null {
  const impossible = saneTimesRefusal(m, Date.parse(now));
  if (impossible) return impossible;
  switch (m.type) {
    case 'hazard.create':
      return applyHazardCreate(db, m, by, now);
    case 'hazard.event':
      return applyHazardEvent(db, m, by, now);
    case 'round.start':
      return applyRoundStart(db, m, by, now);
    case 'round.end':
      return applyRoundEnd(db, m, by);
    case 'track.append':
      return applyTrackAppend(db, m, by, now);
    case 'checkpoint.scan':
      return applyCheckpointScan(db, m, by, now);
  }
}

export function applyPush(db: Db, mutations: readonly CheckedMutation[], by: Pusher, now: Date): PushOutcome {
  const at = now.toISOString();
  const findApplied = statement<[string], AppliedRow>(
    db,
    'SELECT device_id, outcome, reject_code, reject_message FROM applied_mutations WHERE id = ?',
  );
  const record = statement(
    db,
    `INSERT INTO applied_mutations (id, device_id, type, applied_at, outcome, reject_code, reject_message)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  return db.transaction((): PushOutcome => {
    const outcome: PushOutcome = { acked: [], rejected: [] };
    const answerRecorded = (id: string, previous: AppliedRow) => {
      if (previous.outcome === 'acked') outcome.acked.push(id);
      else outcome.rejected.push({ id, code: previous.reject_code ?? 'invalid', message: previous.reject_message ?? '' });
    };
    for (const checked of mutations) {
      if (!checked.ok) {
        // This phone's own mutation, already applied, sent again in a shape this endpoint no
        // longer reads: its recorded answer stands. Another device's record is not its to hear.
        const previous = checked.id === '' ? undefined : findApplied.get(checked.id);
        if (previous && previous.device_id === by.deviceId) answerRecorded(checked.id, previous);
        else outcome.rejected.push({ id: checked.id, code: 'invalid', message: checked.message });
        continue;
      }
      const m = checked.mutation;
      const previous = findApplied.get(m.id);
      if (previous) {
        answerRecorded(m.id, previous);
        continue;
      }
      const refusal = applyOne(db, m, by, at);
      record.run(m.id, by.deviceId, m.type, at, refusal ? 'rejected' : 'acked', refusal?.code ?? null, refusal?.message ?? null);
      if (refusal) outcome.rejected.push({ id: m.id, ...refusal });
      else outcome.acked.push(m.id);
    }
    return outcome;
  })();
}
