// Who is calling: the server's word, from the bearer token's device row, never a body's.
// A member of a community has its id; the street's own people (a street admin: role admin with
// no community; property-company staff: a company and no community) have none.
import type { Role } from '../../shared/domain/schemas';

export interface Caller {
  deviceId: string;
  memberId: string;
  teamId: string | null;
  role: Role;
  communityId: string | null;
  streetId: string;
  propertyCompanyId: string | null;
}

/** The street office: an admin of the street rather than of one community. */
export const isStreetAdmin = (caller: Pick<Caller, 'role' | 'communityId'>): boolean => caller.role === 'admin' && caller.communityId === null;
