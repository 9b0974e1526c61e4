// The lifecycle's status machine and permissions: every event × status × kind of person, allowed
// and refused, plus what each event does to the hazard.
import { describe, expect, it } from 'vitest';
import { allowedEvents, applyEvent, checkEvent, type Actor, type LifecycleHazard } from '../../src/shared/domain/hazardLifecycle';
import { HAZARD_EVENT_TYPES, type HazardEventDraft, type HazardEventType } from '../../src/shared/domain/hazardEvents';
import { HAZARD_STATUSES, type HazardStatus } from '../../src/shared/domain/schemas';

const HAZARD_ID = '0b8a3c1e-5d2f-4a6b-9c7d-8e9f0a1b2c3d';
const OTHER_ID = '1c9b4d2f-6e3a-4b7c-8d8e-9f0a1b2c3d4e';
const PHOTO = 'a'.repeat(64);

function hazardIn(status: HazardStatus): LifecycleHazard {
  return {
    id: HAZARD_ID,
    status,
    reporterId: 'm-a-01',
    teamId: 'team-a',
    description: 'blocked exit',
    categoryId: 'fire',
    severity: 'high',
    // Only a hazard that was never assigned has no company.
    assignedCompanyId: status === 'open' ? null : 'pc1',
    assignedAt: status === 'open' ? null : '2026-11-27T08:00:00.000Z',
    resolvedAt: status === 'resolved' ? '2026-11-27T09:00:00.000Z' : null,
    duplicateOf: status === 'closed_duplicate' ? OTHER_ID : null,
    updatedAt: null,
    // Saved without a fix: the case a position is placed on a map for.
    position: null,
    compoundId: null,
  };
}

const PLACED = { lat: 30.655, lng: 104.104, accuracy: 10, at: '2026-11-28T10:00:00.000Z' };

const ACTORS = {
  reporter: { memberId: 'm-a-01', role: 'member', teamId: 'team-a', propertyCompanyId: null },
  teammate: { memberId: 'm-a-02', role: 'member', teamId: 'team-a', propertyCompanyId: null },
  assigneeStaff: { memberId: 'm-pc1', role: 'member', teamId: null, propertyCompanyId: 'pc1' },
  otherStaff: { memberId: 'm-pc2', role: 'member', teamId: null, propertyCompanyId: 'pc2' },
  ownLead: { memberId: 'm-a-lead', role: 'lead', teamId: 'team-a', propertyCompanyId: null },
  otherLead: { memberId: 'm-b-lead', role: 'lead', teamId: 'team-b', propertyCompanyId: null },
  admin: { memberId: 'm-admin', role: 'admin', teamId: null, propertyCompanyId: null },
} satisfies Record<string, Actor>;
type ActorName = keyof typeof ACTORS;

function eventOf(type: HazardEventType): HazardEventDraft {
  const base = { id: crypto.randomUUID(), hazardId: HAZARD_ID, at: '2026-11-28T10:00:00.000Z' };
  switch (type) {
    case 'edit': return { ...base, type, data: { description: 'now clear' } };
    case 'assign': return { ...base, type, data: { propertyCompanyId: 'pc3' } };
    case 'resolve': return { ...base, type, data: { note: 'fixed', photoIds: [PHOTO] } };
    case 'reopen': return { ...base, type, data: { reason: 'back again' } };
    case 'duplicate': return { ...base, type, data: { duplicateOf: OTHER_ID } };
    case 'reject': return { ...base, type, data: { reason: 'not a hazard' } };
    case 'note': return { ...base, type, data: { text: 'also seen', photoIds: [] } };
    case 'place': return { ...base, type, data: { position: PLACED, compoundId: 'c01' } };
  }
}

// The rules as a table: who may, and from which statuses.
const MANAGERS: ActorName[] = ['ownLead', 'admin'];
const RULES: Record<HazardEventType, { who: ActorName[]; from: HazardStatus[] }> = {
  edit: { who: ['reporter'], from: ['open'] },
  assign: { who: MANAGERS, from: ['open', 'assigned'] },
  resolve: { who: [...MANAGERS, 'assigneeStaff'], from: ['open', 'assigned'] },
  duplicate: { who: MANAGERS, from: ['open', 'assigned'] },
  reject: { who: MANAGERS, from: ['open', 'assigned'] },
  reopen: { who: MANAGERS, from: ['resolved', 'closed_duplicate', 'rejected'] },
  note: { who: Object.keys(ACTORS) as ActorName[], from: [...HAZARD_STATUSES] },
  place: { who: ['reporter', ...MANAGERS], from: ['open', 'assigned'] },
};

function expected(type: HazardEventType, status: HazardStatus, actor: ActorName): string {
  let may = RULES[type].who.includes(actor);
  // Staff act through the assignment: an open hazard was never assigned to them.
  if (actor === 'assigneeStaff' && status === 'open' && type === 'resolve') may = false;
  if (!may) return 'forbidden';
  return RULES[type].from.includes(status) ? 'ok' : 'stale_status';
}

describe('checkEvent: every event × status × person', () => {
  const rows = HAZARD_EVENT_TYPES.flatMap((type) =>
    HAZARD_STATUSES.flatMap((status) => (Object.keys(ACTORS) as ActorName[]).map((actor) => ({ type, status, actor }))),
  );
  it.each(rows)('$actor → $type on $status', ({ type, status, actor }) => {
    const check = checkEvent(hazardIn(status), eventOf(type), ACTORS[actor]);
    expect(check.ok ? 'ok' : check.code).toBe(expected(type, status, actor));
  });

  it('covers all 8 × 5 × 7 combinations', () => {
    expect(rows).toHaveLength(HAZARD_EVENT_TYPES.length * HAZARD_STATUSES.length * 7);
    expect(new Set(rows.map((r) => expected(r.type, r.status, r.actor)))).toEqual(new Set(['ok', 'forbidden', 'stale_status']));
  });
});

describe('checkEvent: events that contradict themselves', () => {
  it('refuses a self-duplicate as invalid, whoever asks', () => {
    const self = { ...eventOf('duplicate'), data: { duplicateOf: HAZARD_ID } } as HazardEventDraft;
    const check = checkEvent(hazardIn('open'), self, ACTORS.admin);
    expect(check).toMatchObject({ ok: false, code: 'invalid' });
  });

  it('refuses an edit that changes nothing as invalid', () => {
    const empty = { ...eventOf('edit'), data: {} } as HazardEventDraft;
    expect(checkEvent(hazardIn('open'), empty, ACTORS.reporter)).toMatchObject({ ok: false, code: 'invalid' });
  });

  it('a lead without a team manages nothing', () => {
    const lead = { ...ACTORS.ownLead, teamId: null };
    expect(checkEvent({ ...hazardIn('open'), teamId: null }, eventOf('assign'), lead)).toMatchObject({ code: 'forbidden' });
  });
});

describe('allowedEvents', () => {
  it('lists the buttons each person sees', () => {
    expect(allowedEvents(hazardIn('open'), ACTORS.reporter)).toEqual(['edit', 'note', 'place']);
    expect(allowedEvents(hazardIn('assigned'), ACTORS.assigneeStaff)).toEqual(['resolve', 'note']);
    expect(allowedEvents(hazardIn('assigned'), ACTORS.ownLead)).toEqual(['assign', 'resolve', 'duplicate', 'reject', 'note', 'place']);
    expect(allowedEvents(hazardIn('resolved'), ACTORS.admin)).toEqual(['reopen', 'note']);
    expect(allowedEvents(hazardIn('open'), ACTORS.otherLead)).toEqual(['note']);
  });
});

describe('place: only a hazard without a good fix', () => {
  const fixed = (accuracy: number) => ({ ...hazardIn('open'), position: { ...PLACED, accuracy } });

  it('may place a poor fix (over 30 m) but not a good one, which is stale like a status change', () => {
    expect(checkEvent(fixed(31), eventOf('place'), ACTORS.reporter)).toEqual({ ok: true });
    expect(checkEvent(fixed(30), eventOf('place'), ACTORS.ownLead)).toMatchObject({ ok: false, code: 'stale_status' });
    expect(allowedEvents(fixed(8), ACTORS.reporter)).toEqual(['edit', 'note']);
  });

  it('a placed hazard is not placed again: a second placement from another phone is stale', () => {
    const placed = applyEvent(hazardIn('open'), eventOf('place'), '2026-11-28T10:00:01.000Z');
    expect(checkEvent(placed, eventOf('place'), ACTORS.admin)).toMatchObject({ ok: false, code: 'stale_status' });
  });

  it('sets the position and the compound, keeping the status', () => {
    const placed = applyEvent(hazardIn('assigned'), eventOf('place'), '2026-11-28T10:00:01.000Z');
    expect(placed).toMatchObject({ status: 'assigned', position: PLACED, compoundId: 'c01', updatedAt: '2026-11-28T10:00:01.000Z' });
  });
});

describe('applyEvent', () => {
  const at = '2026-11-28T10:00:01.000Z';

  it('assigns, keeping the first assignment time on a reassignment', () => {
    const first = applyEvent(hazardIn('open'), eventOf('assign'), at);
    expect(first).toMatchObject({ status: 'assigned', assignedCompanyId: 'pc3', assignedAt: '2026-11-28T10:00:00.000Z', updatedAt: at });
    const reassign = { ...eventOf('assign'), at: '2026-11-29T00:00:00.000Z', data: { propertyCompanyId: 'pc4' } } as HazardEventDraft;
    const again = applyEvent(first, reassign, at);
    expect(again).toMatchObject({ assignedCompanyId: 'pc4', assignedAt: '2026-11-28T10:00:00.000Z' });
  });

  it('resolves with the time of the event, and a reopen goes back to its company', () => {
    const resolved = applyEvent(hazardIn('assigned'), eventOf('resolve'), at);
    expect(resolved).toMatchObject({ status: 'resolved', resolvedAt: '2026-11-28T10:00:00.000Z' });
    expect(applyEvent(resolved, eventOf('reopen'), at)).toMatchObject({ status: 'assigned', resolvedAt: null, assignedCompanyId: 'pc1' });
  });

  it('reopens a never-assigned rejection as open and clears a duplicate link', () => {
    const rejected = applyEvent(hazardIn('open'), eventOf('reject'), at);
    expect(rejected.status).toBe('rejected');
    expect(applyEvent(rejected, eventOf('reopen'), at).status).toBe('open');
    const duplicate = applyEvent(hazardIn('open'), eventOf('duplicate'), at);
    expect(duplicate).toMatchObject({ status: 'closed_duplicate', duplicateOf: OTHER_ID });
    expect(applyEvent(duplicate, eventOf('reopen'), at)).toMatchObject({ status: 'open', duplicateOf: null });
  });

  it('edits only the fields the event names; a note changes only updatedAt', () => {
    const edited = applyEvent(hazardIn('open'), { ...eventOf('edit'), data: { severity: 'urgent' } } as HazardEventDraft, at);
    expect(edited).toMatchObject({ severity: 'urgent', description: 'blocked exit', categoryId: 'fire' });
    const noted = applyEvent(hazardIn('resolved'), eventOf('note'), at);
    expect(noted).toEqual({ ...hazardIn('resolved'), updatedAt: at });
  });

  it('does not change the hazard it was given', () => {
    const before = hazardIn('open');
    applyEvent(before, eventOf('assign'), at);
    expect(before).toEqual(hazardIn('open'));
  });
});
