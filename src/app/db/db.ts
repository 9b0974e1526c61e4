// The phone's database. IndexedDB via Dexie holds everything first; the network only copies it.
// - meta: key/value (session, pull cursor, last sync, form draft)
// - hazards: local and pulled hazards, WGS-84 as reported
// - outbox: mutations not yet acknowledged by the endpoint, in queue order
// - teams, members, compounds, propertyCompanies, categories: pulled reference data
// Schema changes add a new version() with an upgrade function; old rows are never dropped.
import Dexie, { type EntityTable } from 'dexie';
import type {
  Category,
  Compound,
  Hazard,
  Member,
  PropertyCompany,
  Team,
} from '../../shared/domain/schemas';
import type { Mutation, Rejection } from '../../shared/protocol/sync';

export interface MetaRow {
  key: string;
  value: unknown;
}

/** A hazard on the phone; `receivedAt` stays null until the endpoint has it. */
export type LocalHazard = Omit<Hazard, 'receivedAt'> & { receivedAt: string | null };

export interface OutboxRow {
  id: string;
  mutation: Mutation;
  /** The record the mutation changes, so the UI can show it as waiting or refused. */
  entityId: string;
  queuedAt: number;
  state: 'pending' | 'rejected';
  rejection: Omit<Rejection, 'id'> | null;
}

export class PatrolDb extends Dexie {
  meta!: EntityTable<MetaRow, 'key'>;
  hazards!: EntityTable<LocalHazard, 'id'>;
  outbox!: EntityTable<OutboxRow, 'id'>;
  teams!: EntityTable<Team, 'id'>;
  members!: EntityTable<Member, 'id'>;
  compounds!: EntityTable<Compound, 'id'>;
  propertyCompanies!: EntityTable<PropertyCompany, 'id'>;
  categories!: EntityTable<Category, 'id'>;

  constructor(name = 'patrol-log') {
    super(name);
    this.version(1).stores({
      meta: 'key',
      hazards: 'id, createdAt, roundId',
      outbox: 'id, queuedAt, state, entityId',
      teams: 'id',
      members: 'id, teamId',
      compounds: 'id',
      propertyCompanies: 'id',
      categories: 'id, sort',
    });
    // v2: the push reads the next batch of pending mutations straight off [state+queuedAt]
    // instead of filtering every outbox row, and the single-field indexes it replaces are
    // dropped (each index costs every ack's deletes). Indexes only: rows are untouched.
    this.version(2).stores({
      outbox: 'id, entityId, [state+queuedAt]',
    });
  }
}

export const db = new PatrolDb();
