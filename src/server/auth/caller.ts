// Who is calling: the server's word, from the bearer token's device row, never a body's.
import type { Role } from '../../shared/domain/schemas';

export interface Caller {
  deviceId: string;
  memberId: string;
  teamId: string | null;
  role: Role;
}
