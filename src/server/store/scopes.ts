// Where a change goes in the pull log, and so who pulls it. A community's records are in its own
// scopes; the street's shared records (its property companies, its street-level people) in the
// street's; categories everywhere; a hazard assigned to a property company also in that
// company's scope, which its staff pull across every community they serve.
import type { Scope } from './sql/sql';

export const GLOBAL_SCOPE: Scope = 'global';
export const streetScope = (streetId: string): Scope => `street:${streetId}`;
export const communityScope = (communityId: string): Scope => `c:${communityId}`;
export const teamScope = (communityId: string, teamId: string): Scope => `c:${communityId}:team:${teamId}`;
export const companyScope = (companyId: string): Scope => `company:${companyId}`;
