// A run of hazard.create mutations (a phone's outbox is mostly these), applied with a few
// statements for the whole run instead of several per mutation: the ids claimed together, the
// references looked up together, the new hazards inserted together. The answers are the ones the
// mutations would get one by one, in order: the checks run in the same order (times, category,
// compound, round, photos), and a refused draft already stored (or stored earlier in the run) is
// acked, as a re-sent draft is.
import type { HazardCreateMutation } from '../../shared/protocol/sync';
import type { Hazard } from '../../shared/domain/schemas';
import type { Caller } from '../auth/caller';
import type { Tx } from '../store/sql/sql';
import { insertHazards } from '../store/hazards';
import { presentIds } from '../store/sql/bulk';
import { markPhotosReferenced } from '../store/photos';
import { claimMutations, recordRefusal, type Answer } from './claims';
import { saneTimesRefusal } from './saneTimes';
import { forbidden, invalid, type Refusal } from './refusal';

export interface Positioned<M> {
  index: number;
  mutation: M;
}

interface Known {
  categories: Set<string>;
  compounds: Set<string>;
  rounds: Set<string>;
  photos: Set<string>;
}

async function lookUp(tx: Tx, drafts: readonly HazardCreateMutation['data'][], by: Caller): Promise<Known> {
  const roundIds = drafts.flatMap((d) => (d.roundId === null ? [] : [d.roundId]));
  return {
    categories: await presentIds(tx, 'categories', 'id', drafts.map((d) => d.categoryId)),
    // Another community's compound is as unknown as a missing one.
    compounds: await presentIds(tx, 'compounds', 'id', drafts.flatMap((d) => (d.compoundId === null ? [] : [d.compoundId])), { clause: 'community_id = ?', params: [by.communityId] }),
    rounds: by.teamId === null || roundIds.length === 0 ? new Set() : await presentIds(tx, 'rounds', 'id', roundIds, { clause: 'team_id = ?', params: [by.teamId] }),
    photos: await presentIds(tx, 'photos', 'id', drafts.flatMap((d) => d.photoIds)),
  };
}

function refusalOf(m: HazardCreateMutation, known: Known, nowMs: number, by: Caller): Refusal | null {
  const impossible = saneTimesRefusal(m, nowMs);
  if (impossible) return impossible;
  if (by.communityId === null) return forbidden('hazards are logged by a community’s members');
  const draft = m.data;
  if (!known.categories.has(draft.categoryId)) return invalid(`unknown categoryId ${JSON.stringify(draft.categoryId)}`);
  if (draft.compoundId !== null && !known.compounds.has(draft.compoundId)) return invalid(`unknown compoundId ${JSON.stringify(draft.compoundId)}`);
  if (draft.roundId !== null && !known.rounds.has(draft.roundId)) {
    return invalid(`data.roundId: unknown round ${JSON.stringify(draft.roundId)} of your team: push its round.start first`);
  }
  const missingPhoto = draft.photoIds.find((id) => !known.photos.has(id));
  if (missingPhoto !== undefined) return invalid(`data.photoIds: photo ${missingPhoto} is not on the endpoint: upload it first`);
  return null;
}

const stored = (draft: HazardCreateMutation['data'], by: Caller, now: string): Hazard => ({
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

/** Applies the run; writes each mutation's answer at its index in `answers`. */
export async function applyHazardCreates(tx: Tx, run: readonly Positioned<HazardCreateMutation>[], by: Caller, now: string, answers: Answer[]): Promise<void> {
  const { fresh, copies } = await claimMutations(tx, run, by, now, answers);
  if (fresh.length === 0) {
    for (const copy of copies) answers[copy.index] = { ...answers[copy.first]! };
    return;
  }
  const known = await lookUp(tx, fresh.map((p) => p.mutation.data), by);
  const nowMs = Date.parse(now);
  const refusals = new Map(fresh.map((p) => [p.index, refusalOf(p.mutation, known, nowMs, by)]));
  const accepted = fresh.filter((p) => refusals.get(p.index) === null);
  const refused = fresh.filter((p) => refusals.get(p.index) !== null);
  const storedBefore = await presentIds(tx, 'hazards', 'id', refused.map((p) => p.mutation.data.id));
  if (accepted.length > 0) {
    await insertHazards(tx, accepted.map((p) => stored(p.mutation.data, by, now)), by.communityId!);
    await markPhotosReferenced(tx, accepted.map((p) => ({ hazardId: p.mutation.data.id, photoIds: p.mutation.data.photoIds })), now);
  }
  const firstAccepted = new Map<string, number>();
  for (const p of accepted) if (!firstAccepted.has(p.mutation.data.id)) firstAccepted.set(p.mutation.data.id, p.index);
  for (const p of fresh) {
    const refusal = refusals.get(p.index)!;
    // The same hazard sent again under a new mutation id changes nothing and is acked, even if
    // its references have gone since.
    const id = p.mutation.data.id;
    const already = storedBefore.has(id) || (firstAccepted.get(id) ?? Infinity) < p.index;
    const answer = refusal && !already ? refusal : null;
    answers[p.index] = { id: p.mutation.id, refusal: answer };
    if (answer) await recordRefusal(tx, p.mutation.id, answer);
  }
  for (const copy of copies) answers[copy.index] = { ...answers[copy.first]! };
}
