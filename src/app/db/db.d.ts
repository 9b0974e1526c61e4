import Dexie, { type EntityTable } from 'dexie';
import type { Category, Compound, Hazard, Member, PropertyCompany, Team } from '../../shared/domain/schemas';
import type { Mutation, Rejection } from '../../shared/protocol/sync';
export interface MetaRow {
    key: string;
    value: unknown;
}
/** A hazard on the phone; `receivedAt` stays null until the endpoint has it. */
export type LocalHazard = Omit<Hazard, 'receivedAt'> & {
    receivedAt: string | null;
};
export interface OutboxRow {
    id: string;
    mutation: Mutation;
    /** The record the mutation changes, so the UI can show it as waiting or refused. */
    entityId: string;
    queuedAt: number;
    state: 'pending' | 'rejected';
    rejection: Omit<Rejection, 'id'> | null;
}
export declare class PatrolDb extends Dexie {
    meta: EntityTable<MetaRow, 'key'>;
    hazards: EntityTable<LocalHazard, 'id'>;
    outbox: EntityTable<OutboxRow, 'id'>;
    teams: EntityTable<Team, 'id'>;
    members: EntityTable<Member, 'id'>;
    compounds: EntityTable<Compound, 'id'>;
    propertyCompanies: EntityTable<PropertyCompany, 'id'>;
    categories: EntityTable<Category, 'id'>;
    constructor(name?: string);
}
export declare const db: PatrolDb;
