// Everything the detail screen shows about one hazard, read in one live query: the hazard, its
// history (confirmed events in server order, then this phone's unconfirmed ones), the outbox
// rows that say which are waiting or refused, the names to show, and who is looking.
import type { LocalHazard, LocalHazardEvent, OutboxRow, PatrolDb } from '../../db/db';
import type { Session } from '../../db/meta';
import { actorOnThisPhone } from '../../db/saveHazardEvent';
import { useLiveQuery } from '../../ui/useLiveQuery';
import type { Actor } from '../../../shared/domain/hazardLifecycle';
import type { Compound, LocalizedName, Member } from '../../../shared/domain/schemas';
import { STANDARD_CATEGORIES } from '../../../shared/domain/categories';
import { outboxByEventId } from '../../db/hazardRebase';

export interface HazardDetail {
  hazard: LocalHazard | null;
  events: LocalHazardEvent[];
  /** Outbox rows of this hazard's events, by event id. */
  outbox: Map<string, OutboxRow>;
  members: Map<string, Member>;
  categories: Map<string, LocalizedName>;
  compounds: Map<string, Compound>;
  companies: Map<string, LocalizedName>;
  actor: Actor;
}

function historyOrder(a: LocalHazardEvent, b: LocalHazardEvent): number {
  // Confirmed events first, in the order the endpoint applied them; then the phone's own.
  if ((a.receivedAt === null) !== (b.receivedAt === null)) return a.receivedAt === null ? 1 : -1;
  return (a.receivedAt ?? '').localeCompare(b.receivedAt ?? '') || a.at.localeCompare(b.at);
}

export function useHazardDetail(db: PatrolDb, session: Session, id: string | null): HazardDetail | undefined {
  return useLiveQuery(async () => {
    const hazardId = id ?? '';
    const [hazard, events, outbox, members, categories, compounds, companies, actor] = await Promise.all([
      db.hazards.get(hazardId),
      db.hazardEvents.where('hazardId').equals(hazardId).toArray(),
      db.outbox.where('entityId').equals(hazardId).toArray(),
      db.members.toArray(),
      db.categories.toArray(),
      db.compounds.toArray(),
      db.propertyCompanies.toArray(),
      actorOnThisPhone(db, session),
    ]);
    return {
      hazard: hazard ?? null,
      events: events.sort(historyOrder),
      outbox: outboxByEventId(outbox),
      members: new Map(members.map((m) => [m.id, m])),
      categories: new Map([...STANDARD_CATEGORIES, ...categories].map((c) => [c.id, c.name])),
      compounds: new Map(compounds.map((c) => [c.id, c])),
      companies: new Map(companies.map((c) => [c.id, c.name])),
      actor,
    };
  }, [db, session, id]);
}
