// Applies a pushed batch in one transaction, each mutation at most once by its id. The id is
// claimed first (an insert that does nothing when the id is known), so two identical batches on
// two connections or processes give one application: the second waits for the first's commit and
// then hears its recorded answer. The outcome (ack or rejection) is kept with the id, so a retried
// mutation always gets the same answer. Runs of hazard.create are applied together
// (hazardCreates.ts); other mutations one by one, in order.
// A mutation that failed the schema (checkMutation) writes nothing and records nothing: its
// answer follows from its body alone, so a replay hears `invalid` again, and a record would let
// any device's garbage claim an id that another device's real mutation may still bring.
import type { HazardCreateMutation, Mutation, Rejection } from '../../shared/protocol/sync';
import type { CheckedMutation } from '../../shared/protocol/checkMutation';
import type { Caller } from '../auth/caller';
import type { Sql, Tx } from '../store/sql/sql';
import { applyCheckpointScan, applyRoundEnd, applyRoundStart, applyTrackAppend } from './applyRounds';
import { applyHazardEvent } from './applyHazardEvent';
import { applyHazardCreates, type Positioned } from './hazardCreates';
import { claimMutations, recordedAnswer, recordRefusal, type Answer } from './claims';
import { saneTimesRefusal } from './saneTimes';
import type { Refusal } from './refusal';

export interface PushOutcome {
  acked: string[];
  rejected: Rejection[];
}

type Other = Exclude<Mutation, HazardCreateMutation>;

function applyOther(tx: Tx, m: Other, by: Caller, now: string): Promise<Refusal | null> {
  const impossible = saneTimesRefusal(m, Date.parse(now));
  if (impossible) return Promise.resolve(impossible);
  switch (m.type) {
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

async function applyOne(tx: Tx, index: number, m: Other, by: Caller, now: string, answers: Answer[]): Promise<void> {
  const { fresh } = await claimMutations(tx, [{ index, mutation: m }], by, now, answers);
  if (fresh.length === 0) return;
  const refusal = await applyOther(tx, m, by, now);
  if (refusal) await recordRefusal(tx, m.id, refusal);
  answers[index] = { id: m.id, refusal };
}

/** A mutation that failed the schema: invalid, unless it is this phone's own, already answered. */
async function answerUnreadable(tx: Tx, checked: Extract<CheckedMutation, { ok: false }>, by: Caller): Promise<Answer> {
  const recorded = checked.id === '' ? null : await recordedAnswer(tx, checked.id);
  if (recorded && recorded.deviceId === by.deviceId) return { id: checked.id, refusal: recorded.refusal };
  return { id: checked.id, refusal: { code: 'invalid', message: checked.message } };
}

export function applyPush(sql: Sql, mutations: readonly CheckedMutation[], by: Caller, now: Date): Promise<PushOutcome> {
  const at = now.toISOString();
  return sql.transaction(async (tx): Promise<PushOutcome> => {
    const answers: Answer[] = new Array<Answer>(mutations.length);
    let run: Positioned<HazardCreateMutation>[] = [];
    const flush = async () => {
      if (run.length > 0) await applyHazardCreates(tx, run, by, at, answers);
      run = [];
    };
    for (const [index, checked] of mutations.entries()) {
      if (!checked.ok) {
        await flush();
        answers[index] = await answerUnreadable(tx, checked, by);
        continue;
      }
      const m = checked.mutation;
      if (m.type === 'hazard.create') {
        run.push({ index, mutation: m });
        continue;
      }
      await flush();
      await applyOne(tx, index, m, by, at, answers);
    }
    await flush();
    const outcome: PushOutcome = { acked: [], rejected: [] };
    for (const answer of answers) {
      if (answer.refusal) outcome.rejected.push({ id: answer.id, ...answer.refusal });
      else outcome.acked.push(answer.id);
    }
    return outcome;
  });
}
