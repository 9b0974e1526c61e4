// The hono environment: what middleware hands to routes. `auth` is set only by requireDevice,
// and it is the only source of who is calling.
import type { Caller } from '../auth/caller';

export type { Caller } from '../auth/caller';

export interface AppEnv {
  Variables: { caller?: Caller };
}

/** The env of routes mounted behind requireDevice: a caller is always present. */
export interface AuthedEnv {
  Variables: { caller: Caller };
}
