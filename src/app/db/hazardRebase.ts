// A hazard row on the phone shows the server's last word plus this phone's own events that the
// server has not confirmed yet (optimistic). While such events exist, the row keeps the state
// they were applied to in `confirmed`, so it can be rebuilt at any time:
//   shown = confirmed (or a newer pulled hazard) + unconfirmed local events, in queue order.
// An event is unconfirmed while its local row has no receivedAt and its outbox row (if any) is
// not refused: acked-but-not-pulled events still count, refused ones no longer do. A replayed
// event whose status transition no longer fits the base is skipped (the server will refuse it
// as stale_status and the author sees it), never dropped from the history.
import type { LocalHazard, LocalHazardEvent, OutboxRow, PatrolDb } from './db';
import { applyEvent, FROM_STATUSES } from '../../shared/domain/hazardLifecycle';
import type { HazardEventDraft } from '../../shared/domain/hazardEvents';

/** A hazard row with local events on top: `confirmed` is the state before them. */
export type HazardRow = LocalHazard & { confirmed?: LocalHazard };

/** The row without its `confirmed` copy: the state the events were applied to. */
export function baseOf(row: HazardRow): LocalHazard {
  if (row.confirmed) return row.confirmed;
  const { confirmed: _none, ...plain } = row;
  return plain;
}

export function draftOf(event: LocalHazardEvent): HazardEventDraft {
  return { id: event.id, hazardId: event.hazardId, at: event.at, type: event.type, data: event.data } as HazardEventDraft;
}

/** Folds events onto a base, skipping those its status no longer allows. */
export function replay(base: LocalHazard, events: readonly LocalHazardEvent[]): LocalHazard {
  return events.reduce<LocalHazard>(
    (hazard, event) => (FROM_STATUSES[event.type].includes(hazard.status) ? applyEvent(hazard, draftOf(event), event.at) : hazard),
    base,
  );
}

/** A hazard's outbox rows that carry lifecycle events, by event id. */
export function outboxByEventId(rows: readonly OutboxRow[]): Map<string, OutboxRow> {
  return new Map(rows.flatMap((row) => (row.mutation.type === 'hazard.event' ? [[row.mutation.data.id, row] as const] : [])));
}

/** This phone's events on the hazard the server has not confirmed, in the order they were made. */
export async function unconfirmedEvents(db: PatrolDb, hazardId: string): Promise<LocalHazardEvent[]> {
  const events = (await db.hazardEvents.where('hazardId').equals(hazardId).toArray()).filter((e) => e.receivedAt === null);
  if (events.length === 0) return [];
  const outbox = outboxByEventId(await db.outbox.where('entityId').equals(hazardId).toArray());
  return events
    .filter((e) => outbox.get(e.id)?.state !== 'rejected')
    .sort((a, b) => (outbox.get(a.id)?.seq ?? 0) - (outbox.get(b.id)?.seq ?? 0) || a.at.localeCompare(b.at));
}

/**
 * Rebuilds a hazard row from `base` (a pulled hazard, or the row's own confirmed state) and the
 * unconfirmed local events. Call inside a transaction over hazards, hazardEvents and outbox.
 */
export async function rebaseHazard(db: PatrolDb, hazardId: string, pulled?: LocalHazard): Promise<void> {
  const row: HazardRow | undefined = await db.hazards.get(hazardId);
  const base = pulled ?? (row ? baseOf(row) : undefined);
  if (!base) return;
  const events = await unconfirmedEvents(db, hazardId);
  if (events.length === 0) {
    await db.hazards.put(base);
    return;
  }
  const shown: HazardRow = { ...replay(base, events), confirmed: base };
  await db.hazards.put(shown);
}
